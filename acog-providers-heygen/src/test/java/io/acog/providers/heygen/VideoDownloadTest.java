package io.acog.providers.heygen;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.acog.spi.FileMedia;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.RenderProgress;
import io.acog.testkit.providers.TestProviderCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The finished video's download from its presigned link, through a poll: every way it can fail is
 * retryable (the next poll gets a fresh link), none leaves a partial file behind, the link's
 * signature is in no message, and {@code heygen.download-timeout}, not {@code heygen.timeout},
 * bounds it. The download itself is {@code ProviderHttp.downloadMp4}'s, tested in
 * acog-providers-http; these tests pin that HeyGen's poll uses it with HeyGen's settings.
 */
class VideoDownloadTest {

    private FakeHeyGen fake;
    private Set<Path> before;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeHeyGen();
        fake.completesAt(1);
        before = temporaryFiles();
    }

    @AfterEach
    void stop() throws IOException {
        fake.close();
        assertThat(temporaryFiles()).as("downloads left behind").isSubsetOf(before);
    }

    @ParameterizedTest
    @CsvSource({"403, UNAVAILABLE", "404, UNAVAILABLE", "410, UNAVAILABLE", "500, SERVER_ERROR", "503, UNAVAILABLE"})
    void aLinkThatFailsOrExpiredIsRetryableAndNamedWithoutItsSignature(int status, Reason reason) {
        ProviderException e = downloadFails(
                Map.of(), aResponse().withStatus(status).withBody("<Error><Code>AccessDenied</Code></Error>"));

        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("HTTP " + status, FakeHeyGen.CDN, "fresh one");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CONNECTION_RESET_BY_PEER",
                "MALFORMED_RESPONSE_CHUNK",
                "EMPTY_RESPONSE",
                "RANDOM_DATA_THEN_CLOSE"
            })
    void aConnectionThatFailsDuringTheDownloadIsRetryable(String fault) {
        ProviderException e = downloadFails(Map.of(), aResponse().withFault(Fault.valueOf(fault)));

        assertThat(e.retryable()).isTrue();
        assertThat(e.reason()).isIn(Reason.UNAVAILABLE, Reason.SERVER_ERROR);
    }

    @Test
    void aDownloadThatDoesNotBeginWithinItsTimeoutIsARetryableTimeout() {
        ProviderException e = downloadFails(
                Map.of("heygen.download-timeout", "1"),
                aResponse().withStatus(200).withBody(FakeHeyGen.MP4).withFixedDelay(5_000));

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aDownloadThatStallsMidBodyPastItsTimeoutIsARetryableTimeout() {
        ProviderException e = downloadFails(
                Map.of("heygen.download-timeout", "1"),
                aResponse().withStatus(200).withBody(FakeHeyGen.MP4).withChunkedDribbleDelay(20, 8_000));

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("not downloaded within PT1S");
    }

    @Test
    void anErrorPageServedAsSuccessIsNotTakenForTheVideo() {
        ProviderException e = downloadFails(
                Map.of(),
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>Sign in</html>"));

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("not an MP4");
    }

    @Test
    void theApiTimeoutDoesNotCutALongerDownload() {
        fake.servesDownload(aResponse().withStatus(200).withBody(FakeHeyGen.MP4).withFixedDelay(1_500));

        RenderProgress progress = Renders.renderer(fake, Map.of("heygen.timeout", "1", "heygen.download-timeout", "30"))
                .poll(FakeHeyGen.VIDEO_ID, TestProviderCall.forStage("avatar"));

        assertThat(progress).isInstanceOf(RenderProgress.Done.class);
        ((FileMedia) ((RenderProgress.Done) progress).media()).close();
    }

    private ProviderException downloadFails(Map<String, String> settings, ResponseDefinitionBuilder answer) {
        fake.servesDownload(answer);
        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> Renders.renderer(fake, settings).poll(FakeHeyGen.VIDEO_ID, TestProviderCall.forStage("avatar")));
        assertThat(e).as("the poll fails with a ProviderException").isNotNull();
        assertThat(e.provider()).isEqualTo("heygen");
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t.toString())
                    .doesNotContain(FakeHeyGen.LINK_SIGNATURE)
                    .doesNotContain("X-Amz-Signature")
                    .doesNotContain(FakeHeyGen.API_KEY);
        }
        return e;
    }

    private static Set<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("acog-heygen-download-"))
                    .collect(Collectors.toSet());
        }
    }
}
