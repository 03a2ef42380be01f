package io.acog.providers.elevenlabs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.acog.providers.elevenlabs.Voices.VOICE_ID;
import static io.acog.providers.elevenlabs.Voices.request;
import static io.acog.providers.elevenlabs.Voices.voice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.sun.net.httpserver.HttpServer;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.VoiceSynthesizer;
import io.acog.spi.VoiceSynthesizer.Line;
import io.acog.testkit.providers.TestProviderCall;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every documented error shape and status, and the transport's failures, each classified. */
class ElevenLabsErrorsTest {

    private static final Line LINE = new Line(0, "Most people never budget.");

    private FakeElevenLabs fake;

    @BeforeEach
    void start() {
        fake = new FakeElevenLabs();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void outOfCreditsInTheLegacyShapeIsAPermanentExhaustedQuota() {
        ProviderException e = failure(answer(
                401,
                "{\"detail\":{\"status\":\"quota_exceeded\",\"message\":\"This request"
                        + " exceeds your quota of 10000. You have 12 credits remaining, while 25 credits are required for"
                        + " this request.\"}}"));

        assertThat(e.reason()).isEqualTo(Reason.QUOTA_EXHAUSTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.attemptSpent()).isTrue();
        assertThat(e.getMessage()).contains("out of credits", "You have 12 credits remaining");
    }

    @Test
    void outOfCreditsInTheCurrentShapeIsAPermanentExhaustedQuota() {
        ProviderException e = failure(
                answer(
                        401,
                        "{\"detail\":{\"type\":\"payment_required\",\"code\":\"quota_exceeded\","
                                + "\"message\":\"You have 0 credits remaining.\",\"request_id\":\"8d2f0c1e\",\"param\":null}}"));

        assertThat(e.reason()).isEqualTo(Reason.QUOTA_EXHAUSTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("out of credits", "request_id 8d2f0c1e");
    }

    @Test
    void anInvalidKeyIsAPermanentAuthenticationFailureThatNeverQuotesTheKey() {
        ProviderException e = failure(answer(
                401,
                "{\"detail\":{\"type\":\"authentication_error\",\"code\":\"invalid_api_key\","
                        + "\"message\":\"Invalid API key: " + FakeElevenLabs.API_KEY + "\",\"request_id\":\"r-41\"}}"));

        assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("elevenlabs.api-key", "Invalid API key: ***");
    }

    @Test
    void anInvalidKeyInTheLegacyShapeIsAPermanentAuthenticationFailure() {
        ProviderException e =
                failure(answer(401, "{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}"));

        assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void aFastApiValidationErrorIsAPermanentInvalidRequestNamingTheField() {
        ProviderException e = failure(answer(
                422,
                "{\"detail\":[{\"loc\":[\"body\",\"voice_settings\",\"stability\"],"
                        + "\"msg\":\"Input should be less than or equal to 1\",\"type\":\"less_than_equal\"}]}"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage())
                .contains("field voice_settings.stability", "Input should be less than or equal to 1");
    }

    @Test
    void aValidationErrorInTheObjectShapeNamesItsParam() {
        ProviderException e = failure(
                answer(
                        422,
                        "{\"detail\":{\"type\":\"validation_error\",\"code\":\"invalid_parameters\","
                                + "\"message\":\"output_format is not supported\",\"request_id\":\"r-7\",\"param\":\"output_format\"}}"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("field output_format", "output_format is not supported");
    }

    @Test
    void aBadRequestIsAPermanentInvalidRequest() {
        ProviderException e = failure(
                answer(
                        400,
                        "{\"detail\":{\"status\":\"max_character_limit_exceeded\",\"message\":"
                                + "\"This request's text has 12000 characters and exceeds the character limit of 10000 characters.\"}}"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("max_character_limit_exceeded", "exceeds the character limit");
    }

    @Test
    void anUnknownVoiceIsPermanentlyNotFoundNamingTheVoice() {
        ProviderException e = failure(answer(
                404,
                "{\"detail\":{\"type\":\"not_found\",\"code\":\"voice_not_found\","
                        + "\"message\":\"A voice with voice_id " + VOICE_ID
                        + " was not found.\",\"request_id\":\"r-9\"}}"));

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("the voice '" + VOICE_ID + "' does not exist", "voice_profile.voice_id");
    }

    @Test
    void anUnknownVoiceAnsweredAsABadRequestIsStillNotFound() {
        ProviderException e = failure(answer(
                400,
                "{\"detail\":{\"status\":\"voice_not_found\",\"message\":\"A voice with"
                        + " the voice_id was not found.\"}}"));

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void aRateLimitIsRetriedAfterWhatRetryAfterSays() {
        ProviderException e = failure(answer(
                        429,
                        "{\"detail\":{\"type\":\"rate_limit_error\",\"code\":\"rate_limit_exceeded\","
                                + "\"message\":\"Too many requests.\",\"request_id\":\"r-3\"}}")
                .withHeader("Retry-After", "7"));

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.attemptSpent()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"concurrent_limit_exceeded", "too_many_concurrent_requests", "system_busy"})
    void tooManyRequestsInFlightWaitsWithoutSpendingAnAttempt(String code) {
        ProviderException e = failure(answer(
                        429,
                        "{\"detail\":{\"status\":\"" + code + "\",\"message\":\"Your plan allows"
                                + " 2 concurrent requests.\"}}")
                .withHeader("Retry-After", "3"));

        assertThat(e.reason()).isEqualTo(Reason.CONCURRENCY_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.attemptSpent()).isFalse();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(e.getMessage()).contains(code, "elevenlabs.concurrent-requests");
    }

    @Test
    void tooManyRequestsInFlightInTheCurrentShapeWaitsToo() {
        ProviderException e = failure(
                answer(
                        429,
                        "{\"detail\":{\"type\":\"rate_limit_error\",\"code\":"
                                + "\"concurrent_limit_exceeded\",\"message\":\"Too many concurrent requests.\",\"request_id\":\"r-5\"}}"));

        assertThat(e.reason()).isEqualTo(Reason.CONCURRENCY_LIMITED);
        assertThat(e.attemptSpent()).isFalse();
        assertThat(e.retryAfter()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void aServerErrorIsRetried(int status) {
        ProviderException e =
                failure(answer(status, "{\"detail\":{\"status\":\"internal_error\",\"message\":\"oops\"}}"));

        assertThat(e.reason()).isIn(Reason.SERVER_ERROR, Reason.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsARetryableTimeout() {
        ProviderException e =
                failure(Map.of("elevenlabs.timeout", "1"), answer(200, "{}").withFixedDelay(5_000));

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void anAnswerWhoseBodyStallsPastTheTimeoutIsARetryableTimeout() throws IOException {
        // WireMock holds the headers back with a slow body; this server sends them, half a body, and stops
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        CountDownLatch release = new CountDownLatch(1);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write("{\"audio_base64\":\"AAAA".getBytes(StandardCharsets.US_ASCII));
                body.flush();
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.start();
        try {
            VoiceSynthesizer voice = Voices.voice(
                    fake,
                    Map.of(
                            "elevenlabs.base-url",
                            "http://127.0.0.1:" + server.getAddress().getPort(),
                            "elevenlabs.timeout",
                            "1"));

            ProviderException e = catchThrowableOfType(
                    ProviderException.class, () -> voice.synthesize(request(LINE), TestProviderCall.forStage("audio")));

            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("no whole answer within PT1S");
            assertNoSecret(e);
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    @Test
    void aBodyThatIsNotJsonIsRetryable() {
        ProviderException e = failure(answer(200, "<html><body>502 Bad Gateway</body></html>"));

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aBodyCutShortIsRetryable() {
        ProviderException e = failure(answer(200, "{\"audio_base64\":\"AAAA\",\"alignment\":{\"characters\":[\"M\""));

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void audioThatIsNotBase64IsRetryable() {
        ProviderException e = failure(answer(200, "{\"audio_base64\":\"@@@ not base64 @@@\",\"alignment\":null}"));

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("with-timestamps answer is malformed");
    }

    @Test
    void anAnswerWithoutAudioIsRetryable() {
        ProviderException e = failure(answer(200, "{\"alignment\":null,\"normalized_alignment\":null}"));

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("no audio");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CONNECTION_RESET_BY_PEER",
                "MALFORMED_RESPONSE_CHUNK",
                "EMPTY_RESPONSE",
                "RANDOM_DATA_THEN_CLOSE"
            })
    void aConnectionThatFailsIsRetryable(String fault) {
        ProviderException e = failure(aResponse().withFault(Fault.valueOf(fault)));

        assertThat(e.retryable()).isTrue();
        assertThat(e.reason()).isIn(Reason.UNAVAILABLE, Reason.SERVER_ERROR);
    }

    @Test
    void aServerThatIsNotThereIsRetryable() {
        VoiceSynthesizer voice = voice(fake);
        fake.close();

        ProviderException e = catchThrowableOfType(
                ProviderException.class, () -> voice.synthesize(request(LINE), TestProviderCall.forStage("audio")));

        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertNoSecret(e);
    }

    @Test
    void aFailureInALaterPartFailsTheCallAndLeavesNoTemporaryFile() throws IOException {
        fake.speaking();
        fake.server.stubFor(post(urlPathMatching(FakeElevenLabs.SPEECH))
                .withRequestBody(equalToJson("{\"text\":\"Write every expense down for a month.\"}", true, true))
                .willReturn(aResponse().withStatus(503).withBody("{\"detail\":{\"status\":\"system_error\"}}")));
        Set<Path> before = temporaryFiles();

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> voice(fake, Map.of("elevenlabs.max-characters", "60"))
                        .synthesize(
                                request(
                                        new Line(0, "Most people never budget."),
                                        new Line(1, "Write every expense down for a month.")),
                                TestProviderCall.forStage("audio")));

        assertThat(e.retryable()).isTrue();
        assertThat(fake.speechRequests()).hasSize(2);
        assertThat(temporaryFiles()).isSubsetOf(before);
    }

    private ProviderException failure(ResponseDefinitionBuilder answer) {
        return failure(Map.of(), answer);
    }

    private ProviderException failure(Map<String, String> settings, ResponseDefinitionBuilder answer) {
        fake.server.stubFor(post(urlPathMatching(FakeElevenLabs.SPEECH)).willReturn(answer));
        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> voice(fake, settings).synthesize(request(LINE), TestProviderCall.forStage("audio")));
        assertThat(e).as("the call fails with a ProviderException").isNotNull();
        assertThat(e.provider()).isEqualTo("elevenlabs");
        assertNoSecret(e);
        return e;
    }

    private static ResponseDefinitionBuilder answer(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static void assertNoSecret(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(FakeElevenLabs.API_KEY);
            assertThat(t.toString()).doesNotContain(FakeElevenLabs.API_KEY);
        }
    }

    private static Set<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("acog-elevenlabs-"))
                    .collect(Collectors.toSet());
        }
    }
}
