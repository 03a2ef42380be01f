package io.acog.core.pipeline;

import static io.acog.core.pipeline.PipelineTesting.awaitNoLiveJobs;
import static io.acog.core.pipeline.PipelineTesting.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.JobWorker;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderException;
import io.acog.spi.VoiceSynthesizer;
import io.acog.testing.LogCapture;
import io.acog.testkit.postgres.AcogPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A secret ACOG handed a provider (through the settings its plugin read), and credentials of
 * common shapes (a password in a URL, a token in a query string, a bearer header), never reach
 * what ACOG stores (episodes, pipeline state, jobs), logs (messages, causes, stack traces) or tells
 * a listener, whatever the exception that carried them.
 */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class PipelineSecretsTest extends PipelineTestCase {

    private static final String SECRET = "acog-test-secret-4f9a2c77e1";
    private static final String URL_PASSWORD = "hunter2-url-password";
    private static final String QUERY_TOKEN = "q9Zt0kenInTheQuery";
    private static final String BEARER = "beArErT0kenValue123";

    @RegisterExtension
    final LogCapture log = LogCapture.everything("io.acog");

    private final List<String> told = Collections.synchronizedList(new ArrayList<>());

    /** A voice named as the fixture channel asks, failing with what {@code failure} makes. */
    private static VoiceSynthesizer failingVoice(Supplier<RuntimeException> failure) {
        return new VoiceSynthesizer() {
            @Override
            public String name() {
                return "elevenlabs";
            }

            @Override
            public Speech synthesize(SpeechRequest request, ProviderCall call) {
                throw failure.get();
            }
        };
    }

    private EpisodePipeline pipeline(VoiceSynthesizer voice) {
        OfflineTestPlugin.OFFLINE.set(PipelineTesting.offline().build());
        return EpisodePipeline.builder(acog)
                .voiceSynthesizer(voice)
                .plugins(ProviderConfig.of(
                        Map.of(OfflineTestPlugin.API_KEY, SECRET, OfflineTestPlugin.STORAGE_DIR, storage.toString())))
                .maxRetries(0)
                .listener(new PipelineListener() {
                    @Override
                    public void stageFailed(UUID episodeId, PipelineStage stage, String error, boolean willRetry) {
                        told.add(error);
                    }

                    @Override
                    public void statusChanged(UUID episodeId, EpisodeStatus from, EpisodeStatus to) {
                        told.add(from + "->" + to);
                    }
                })
                .build();
    }

    private static String leak() {
        return "401 Unauthorized: the API key " + SECRET + " is invalid; GET https://svc:" + URL_PASSWORD
                + "@api.example.com/v1/tts?voice=x&api_token=" + QUERY_TOKEN + " (Authorization: Bearer " + BEARER
                + ")";
    }

    private Episode runToFailure(EpisodePipeline pipeline) throws Exception {
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            Episode failed = awaitStatus(acog, episode.id(), EpisodeStatus.FAILED, EpisodeStatus.PUBLISHED);
            awaitNoLiveJobs(acog, episode.id());
            assertThat(failed.status()).isEqualTo(EpisodeStatus.FAILED);
            return failed;
        }
    }

    /** Everything stored of the episode: its row (last_error, pipeline_state) and its jobs' rows. */
    private static String stored(DataSource dataSource, UUID episodeId) throws Exception {
        StringBuilder rows = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT e::text FROM episodes e WHERE e.id = ?
                        UNION ALL SELECT j::text FROM jobs j WHERE j.episode_id = ?""")) {
            select.setObject(1, episodeId);
            select.setObject(2, episodeId);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.append(result.getString(1)).append('\n');
                }
            }
        }
        return rows.toString();
    }

    private void assertNoSecretIn(String where, String text) {
        assertThat(text)
                .as(where)
                .doesNotContain(SECRET)
                .doesNotContain(URL_PASSWORD)
                .doesNotContain(QUERY_TOKEN)
                .doesNotContain(BEARER);
    }

    @Test
    void aProviderFailureCarryingSecretsIsStoredToldAndLoggedWithoutThem(DataSource dataSource) throws Exception {
        EpisodePipeline pipeline = pipeline(failingVoice(
                () -> ProviderException.permanent("elevenlabs", ProviderException.Reason.AUTHENTICATION, leak())));

        Episode failed = runToFailure(pipeline);

        assertThat(failed.lastError())
                .startsWith("audio: ")
                .contains("the API key *** is invalid", "https://***@api.example.com", "api_token=***", "Bearer ***");
        String stored = stored(dataSource, failed.id());
        assertThat(stored).contains("the API key *** is invalid");
        assertNoSecretIn("what is stored", stored);
        assertThat(told).anySatisfy(error -> assertThat(error).contains("the API key *** is invalid"));
        assertNoSecretIn("what listeners were told", String.join("\n", told));
        assertNoSecretIn("the log", log.text());
    }

    @Test
    void anyExceptionCarryingSecretsInItsMessageCausesOrStackIsStoredAndLoggedWithoutThem(DataSource dataSource)
            throws Exception {
        EpisodePipeline pipeline = pipeline(failingVoice(() -> {
            IllegalStateException failure = new IllegalStateException(
                    "the voice client failed with key " + SECRET, new UncheckedIOException(new IOException(leak())));
            failure.addSuppressed(new IllegalArgumentException("closing the connection to " + leak()));
            return failure;
        }));

        Episode failed = runToFailure(pipeline);

        assertThat(failed.lastError()).isEqualTo("audio: IllegalStateException: the voice client failed with key ***");
        String stored = stored(dataSource, failed.id());
        assertNoSecretIn("what is stored", stored);
        assertNoSecretIn("what listeners were told", String.join("\n", told));
        // the failure is logged with its stack trace and causes, all redacted
        String logged = log.text();
        assertThat(logged)
                .contains("failed unexpectedly")
                .contains("java.lang.IllegalStateException: the voice client failed with key ***")
                .contains("java.io.IOException: 401 Unauthorized: the API key *** is invalid")
                .contains("at io.acog.core.pipeline.PipelineSecretsTest");
        assertNoSecretIn("the log", logged);
    }
}
