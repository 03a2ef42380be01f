package io.acog.core.pipeline;

import static io.acog.core.pipeline.PipelineTesting.awaitNoLiveJobs;
import static io.acog.core.pipeline.PipelineTesting.awaitStatus;
import static io.acog.core.pipeline.PipelineTesting.jobs;
import static io.acog.core.pipeline.PipelineTesting.stage;
import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import io.acog.core.job.JobStatus;
import io.acog.core.job.JobWorker;
import io.acog.providers.offline.OfflineProviders;
import io.acog.spi.ProviderCall;
import io.acog.spi.Usage;
import io.acog.spi.VoiceSynthesizer;
import io.acog.testkit.postgres.AcogPostgres;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A failure while recording a stage's outcome (a result the schema cannot hold, a job that failed
 * outside its handler) ends the episode visibly — failed, with its error on the episode and the
 * stage and a stageFailed event — and retryably, instead of leaving it on a stage nobody runs.
 */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class PipelineRecordingFailureTest extends PipelineTestCase {

    /** stageFailed events: "stage|error|willRetry". */
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    private EpisodePipeline pipelineWith(OfflineProviders offline, VoiceSynthesizer voice) {
        EpisodePipeline.Builder builder = EpisodePipeline.builder(acog);
        if (voice != null) {
            builder.voiceSynthesizer(voice);
        }
        return offline.installInto(builder)
                .assetStorage(new LocalFileStorage(storage))
                .listener(new PipelineListener() {
                    @Override
                    public void stageFailed(UUID episodeId, PipelineStage stage, String error, boolean willRetry) {
                        failures.add(stage.label() + "|" + error + "|" + willRetry);
                    }
                })
                .build();
    }

    @Test
    void aResultTheSchemaCannotHoldFailsTheEpisodeVisiblyAndARetryFinishesIt() throws Exception {
        // a provider whose reported cost overflows jobs.cost_usd (6 digits before the point): its
        // result cannot be stored once the call is over
        OfflineProviders offline = PipelineTesting.offline().build();
        VoiceSynthesizer offlineVoice = offline.voiceSynthesizer();
        AtomicBoolean broken = new AtomicBoolean(true);
        VoiceSynthesizer overflowing = new VoiceSynthesizer() {
            @Override
            public String name() {
                return offlineVoice.name();
            }

            @Override
            public boolean serves(String requested) {
                return true;
            }

            @Override
            public Speech synthesize(SpeechRequest request, ProviderCall call) {
                Speech speech = offlineVoice.synthesize(request, call);
                return broken.get()
                        ? new Speech(
                                speech.audio(),
                                speech.durationMs(),
                                speech.timings(),
                                speech.providerJobId(),
                                Usage.cost(new BigDecimal("12345678.5")))
                        : speech;
            }
        };
        EpisodePipeline pipeline = pipelineWith(offline, overflowing);
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());

        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            Episode failed = awaitStatus(acog, episode.id(), EpisodeStatus.FAILED, EpisodeStatus.PUBLISHED);
            awaitNoLiveJobs(acog, episode.id());

            assertThat(failed.status()).isEqualTo(EpisodeStatus.FAILED);
            assertThat(failed.lastError())
                    .startsWith("audio: the stage's outcome cannot be recorded: ")
                    .contains("cost_usd", "12345678.5");
            StageState audio = stage(failed, PipelineStage.AUDIO);
            assertThat(audio.status()).isEqualTo(StageStatus.FAILED);
            assertThat(audio.error()).contains("cost_usd");
            // a result that cannot be stored is not paid for again and again: one call, no retry
            assertThat(offline.calls("audio")).hasSize(1);
            assertThat(jobs(acog, episode.id(), PipelineStage.AUDIO))
                    .singleElement()
                    .satisfies(job -> {
                        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
                        assertThat(job.retryCount()).isZero();
                    });
            assertThat(failures)
                    .singleElement()
                    .satisfies(event -> assertThat(event)
                            .startsWith("audio|the stage's outcome cannot be recorded: ")
                            .endsWith("|false"));

            broken.set(false);
            pipeline.retry(episode.id());
            Episode published = awaitStatus(acog, episode.id(), EpisodeStatus.PUBLISHED, EpisodeStatus.FAILED);
            assertThat(published.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        }
    }

    @Test
    void aStageJobThatFailedForGoodOutsideItsHandlerFailsItsEpisodeWhenAWorkerStarts() throws Exception {
        OfflineProviders offline = PipelineTesting.offline().build();
        EpisodePipeline pipeline = pipelineWith(offline, null);
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        // the planning job ends without its handler recording it with the episode, as when the
        // database went away just then and only the worker's own record of the failure got through
        List<ClaimedJob> claimed =
                acog.jobs().claim("intruder", 1, Duration.ofMinutes(1), Set.of(PipelineStage.PLANNING));
        assertThat(claimed).singleElement().extracting(c -> c.job().episodeId()).isEqualTo(episode.id());
        Job failedJob = acog.jobs().fail(claimed.get(0), "IllegalStateException: connection reset", false);
        assertThat(failedJob.status()).isEqualTo(JobStatus.FAILED);
        assertThat(acog.episodes().get(episode.id()).status()).isEqualTo(EpisodeStatus.PLANNING);

        try (JobWorker worker = pipeline.worker("w").threads(1).start()) {
            Episode failed = awaitStatus(acog, episode.id(), EpisodeStatus.FAILED);

            assertThat(failed.lastError()).isEqualTo("planning: IllegalStateException: connection reset");
            StageState planning = stage(failed, PipelineStage.PLANNING);
            assertThat(planning.status()).isEqualTo(StageStatus.FAILED);
            assertThat(planning.error()).isEqualTo("IllegalStateException: connection reset");
            assertThat(failures).containsExactly("planning|IllegalStateException: connection reset|false");
            assertThat(offline.calls("planning")).isEmpty();

            pipeline.retry(episode.id());
            assertThat(awaitStatus(acog, episode.id(), EpisodeStatus.PUBLISHED, EpisodeStatus.FAILED)
                            .status())
                    .isEqualTo(EpisodeStatus.PUBLISHED);
            // the old failed job is history now: the sweep leaves the published episode alone
            assertThat(acog.episodes().get(episode.id()).status()).isEqualTo(EpisodeStatus.PUBLISHED);
            assertThat(failures).hasSize(1);
        }
    }
}
