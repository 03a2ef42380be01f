package io.acog.providers.synthesia;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.acog.providers.synthesia.FakeSynthesia.error;
import static io.acog.providers.synthesia.FakeSynthesia.json;
import static io.acog.providers.synthesia.FakeSynthesia.request;
import static io.acog.providers.synthesia.FakeSynthesia.storeAudio;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.testkit.providers.TestProviderCall;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every status Synthesia answers, in its error shape, and the transport's failures, each classified. */
class SynthesiaErrorsTest {

    private static final String VIDEO = "c0ffee00-1111-4222-8333-444455556666";

    private FakeSynthesia fake;

    @BeforeEach
    void start() {
        fake = new FakeSynthesia();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "400 | Invalid avatar                | INVALID_REQUEST | false",
                "422 | Unprocessable entity          | INVALID_REQUEST | false",
                "401 | Unauthorized                  | AUTHENTICATION  | false",
                "403 | Forbidden - Wrong API key     | AUTHENTICATION  | false",
                "402 | Payment required              | QUOTA_EXHAUSTED | false",
                "404 | Not Found                     | NOT_FOUND       | false",
                "429 | Too Many Requests             | RATE_LIMITED    | true",
                "500 | Internal Server Error         | SERVER_ERROR    | true",
                "502 | Bad Gateway                   | UNAVAILABLE     | true",
                "503 | Service Unavailable           | UNAVAILABLE     | true",
                "504 | Gateway Timeout               | UNAVAILABLE     | true",
            })
    void eachStatusOfTheCreateIsClassifiedAndQuotesSynthesiasWords(
            int status, String error, Reason reason, boolean retryable) {
        ProviderException e = createFails(FakeSynthesia.error(status, error, "input[0].avatar"));

        assertThat(e.reason()).as("reason (%s)", e.getMessage()).isEqualTo(reason);
        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.provider()).isEqualTo("synthesia");
        assertThat(e.getMessage())
                .contains("create video", "POST", "/v2/videos", "HTTP " + status, error.trim(), "input[0].avatar");
    }

    @Test
    void aRefusedKeyNamesTheSettingAndNeverQuotesTheKey() {
        ProviderException e =
                createFails(error(403, "Forbidden - Wrong API key", "key " + FakeSynthesia.API_KEY + " is unknown"));

        assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(e.getMessage())
                .contains("synthesia.api-key", "key *** is unknown")
                .doesNotContain(FakeSynthesia.API_KEY);
    }

    @Test
    void aPlanWithoutAudioUploadsSaysSoAndFailsForGood() {
        fake.server.stubFor(post(urlPathEqualTo(FakeSynthesia.UPLOAD))
                .willReturn(error(400, "FEATURES_AUDIO_UPLOAD_DISABLED", "Audio upload is not enabled for this plan")));

        ProviderException e = submitFails(FakeSynthesia.renderer(fake.settings()));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage())
                .contains("upload script audio", "/v2/scriptAudio", "does not let videos take uploaded");
        assertThat(fake.createRequests()).isEmpty();
    }

    @Test
    void aCreateRefusedForItsAudioIsRetriedLaterAsSynthesiaMayStillBeProcessingIt() {
        ProviderException e =
                createFails(error(400, "Invalid scriptAudio", "input[0].scriptAudio: asset is not ready yet"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(SynthesiaErrors.AUDIO_PROCESSING);
        assertThat(e.getMessage()).contains("may still be processing", "asset is not ready yet");
    }

    @Test
    void aCreateRefusedBecauseThePlanTakesNoAudioFailsForGood() {
        ProviderException e = createFails(error(400, "FEATURES_AUDIO_UPLOAD_DISABLED", "scriptAudio is not enabled"));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("does not let videos take uploaded script audio");
    }

    @Test
    void anUploadRefusedNamingAudioFailsForGood() {
        fake.server.stubFor(post(urlPathEqualTo(FakeSynthesia.UPLOAD))
                .willReturn(error(400, "Invalid audio", "the audio could not be decoded")));

        ProviderException e = submitFails(FakeSynthesia.renderer(fake.settings()));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void aVideoUnknownToSynthesiaIsNotFound() {
        fake.server.stubFor(FakeSynthesia.status(VIDEO).willReturn(error(404, "Not Found", "Video ID was not found")));

        ProviderException e = catchThrowableOfType(
                () -> FakeSynthesia.renderer(fake.settings()).poll(VIDEO, TestProviderCall.forStage("avatar")),
                ProviderException.class);

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("the video '" + VIDEO + "' does not exist", "Video ID was not found");
    }

    @Test
    void aRateLimitWaitsForWhatRateLimitResetSays() {
        ProviderException e = createFails(error(429, "Too Many Requests", "60 requests per minute")
                .withHeader("RateLimit-Limit", "60")
                .withHeader("RateLimit-Reset", "23"));

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(23));
    }

    @Test
    void aRetryAfterHeaderIsHonouredBeforeRateLimitReset() {
        ProviderException e = createFails(error(429, "Too Many Requests", "")
                .withHeader("Retry-After", "7")
                .withHeader("RateLimit-Reset", "40"));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void aServerErrorPassesOnItsRetryAfter() {
        ProviderException e = createFails(error(503, "Service Unavailable", "").withHeader("Retry-After", "12"));

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
    }

    @Test
    void aCreateSlowerThanTheTimeoutTimesOut() {
        Map<String, String> settings = fake.settings();
        settings.put("synthesia.timeout", "1");
        fake.uploads();
        fake.server.stubFor(post(urlPathEqualTo(FakeSynthesia.VIDEOS))
                .willReturn(json(201, FakeSynthesia.video(VIDEO, "in_progress", null))
                        .withFixedDelay(5_000)));

        ProviderException e = submitFails(FakeSynthesia.renderer(settings));

        assertThat(e.reason()).as("reason (%s)", e.getMessage()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void anUploadSlowerThanTheUploadTimeoutTimesOut() {
        Map<String, String> settings = fake.settings();
        settings.put("synthesia.upload-timeout", "1");
        fake.server.stubFor(post(urlPathEqualTo(FakeSynthesia.UPLOAD))
                .willReturn(json(201, "{\"id\":\"late\"}").withFixedDelay(5_000)));

        ProviderException e = submitFails(FakeSynthesia.renderer(settings));

        assertThat(e.reason()).as("reason (%s)", e.getMessage()).isEqualTo(Reason.TIMEOUT);
        assertThat(fake.createRequests()).isEmpty();
    }

    @Test
    void aStatusAnswerStalledMidBodyTimesOut() {
        Map<String, String> settings = fake.settings();
        settings.put("synthesia.timeout", "1");
        fake.server.stubFor(FakeSynthesia.status(VIDEO)
                .willReturn(json(200, FakeSynthesia.video(VIDEO, "in_progress", null))
                        .withChunkedDribbleDelay(5, 5_000)));

        ProviderException e = catchThrowableOfType(
                () -> FakeSynthesia.renderer(settings).poll(VIDEO, TestProviderCall.forStage("avatar")),
                ProviderException.class);

        assertThat(e.reason()).as("reason (%s)", e.getMessage()).isEqualTo(Reason.TIMEOUT);
    }

    @Test
    void aMalformedAnswerIsRetryable() {
        ProviderException e = createFails(aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "text/html")
                .withBody("<html>502 Bad Gateway</html>"));

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("malformed", "502 Bad Gateway");
    }

    @Test
    void aCreateAnswerWithoutAnIdIsRetryable() {
        ProviderException e = createFails(json(201, "{\"status\":\"in_progress\"}"));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("no id");
    }

    @Test
    void aConnectionResetByThePeerIsRetryable() {
        ProviderException e = createFails(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aConnectionCutMidAnswerIsRetryable() {
        fake.server.stubFor(FakeSynthesia.status(VIDEO)
                .willReturn(aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        ProviderException e = catchThrowableOfType(
                () -> FakeSynthesia.renderer(fake.settings()).poll(VIDEO, TestProviderCall.forStage("avatar")),
                ProviderException.class);

        assertThat(e.retryable()).isTrue();
    }

    @Test
    void anAbsentServerIsRetryable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> settings = fake.settings();
        settings.put("synthesia.base-url", "http://127.0.0.1:" + port);

        ProviderException e = catchThrowableOfType(
                () -> FakeSynthesia.renderer(settings).poll(VIDEO, TestProviderCall.forStage("avatar")),
                ProviderException.class);

        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void anErrorInAnotherShapeIsStillQuoted() {
        ProviderException e =
                createFails(json(400, "{\"error\":{\"code\":\"INVALID_INPUT\",\"message\":\"bad clip\"}}"));
        ProviderException plain = createFails(aResponse().withStatus(400).withBody("Bad Request: avatar"));

        assertThat(e.getMessage()).contains("INVALID_INPUT", "bad clip");
        assertThat(plain.getMessage()).contains("Bad Request: avatar");
    }

    private ProviderException createFails(ResponseDefinitionBuilder answer) {
        fake.server.resetAll();
        fake.uploads();
        fake.server.stubFor(post(urlPathEqualTo(FakeSynthesia.VIDEOS)).willReturn(answer));
        return submitFails(FakeSynthesia.renderer(fake.settings()));
    }

    private static ProviderException submitFails(SynthesiaRenderer renderer) {
        TestProviderCall call = TestProviderCall.forStage("avatar");
        ProviderException e = catchThrowableOfType(
                () -> renderer.submit(request(storeAudio(call), Map.of(), OutputFormat.LANDSCAPE), call),
                ProviderException.class);
        assertThat(e).as("what the submit threw").isNotNull();
        assertThat(e.getMessage()).doesNotContain(FakeSynthesia.API_KEY).doesNotContain(FakeSynthesia.WEBHOOK_SECRET);
        return e;
    }
}
