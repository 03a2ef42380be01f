package io.acog.providers.heygen;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.testkit.providers.TestProviderCall;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every documented error code and status of the create, upload and status calls, and the transport's failures, each classified. */
class HeyGenErrorsTest {

    private FakeHeyGen fake;

    @BeforeEach
    void start() {
        fake = new FakeHeyGen();
        fake.acceptsUploads();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void anInvalidParameterIsAPermanentInvalidRequestNamingTheField() {
        ProviderException e = createFails(
                FakeHeyGen.json(
                        400,
                        "{\"error\":{\"code\":\"invalid_parameter\",\"message\":\"resolution must be one of 4k, 1080p, 720p\","
                                + "\"param\":\"resolution\",\"doc_url\":\"https://developers.heygen.com/docs/error-codes#invalid-parameter\"}}"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage())
                .contains("field resolution", "resolution must be one of", "docs/error-codes#invalid-parameter");
    }

    @Test
    void anUnknownAvatarIsPermanentlyNotFoundWhateverItsStatus() {
        ProviderException e =
                createFails(FakeHeyGen.error(400, "avatar_not_found", "Avatar x not found or no longer available."));

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("avatar_profile.avatar_id");
    }

    @Test
    void aRefusedKeyIsAPermanentAuthenticationFailureThatNeverQuotesTheKey() {
        ProviderException e =
                createFails(FakeHeyGen.error(401, "unauthorized", "Invalid API key " + FakeHeyGen.API_KEY));

        assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("heygen.api-key", "Invalid API key ***");
    }

    @Test
    void aForbiddenKeyIsAPermanentAuthenticationFailure() {
        ProviderException e = createFails(FakeHeyGen.error(403, "resource_access_denied", "Not yours."));

        assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void theV1ErrorShapeIsReadToo() {
        ProviderException e = createFails(FakeHeyGen.json(401, "{\"code\":40009,\"message\":\"Invalid credentials\"}"));

        assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(e.getMessage()).contains("40009", "Invalid credentials");
    }

    @Test
    void anAccountOutOfCreditIsAPermanentExhaustedQuota() {
        ProviderException e = createFails(FakeHeyGen.error(
                402, "insufficient_credit", "Your account has 5 credits but this video requires 10 credits."));

        assertThat(e.reason()).isEqualTo(Reason.QUOTA_EXHAUSTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.attemptSpent()).isTrue();
        assertThat(e.getMessage()).contains("out of credit", "requires 10 credits");
    }

    @Test
    void aKeyWhoseFirstRequestIsInFlightWaitsShortlyWithoutSpendingAnAttempt() {
        ProviderException e = createFails(FakeHeyGen.error(409, "request_in_progress", "In progress."));

        assertThat(e.reason()).isEqualTo(Reason.CONCURRENCY_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.attemptSpent()).isFalse();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
    }

    @Test
    void aKeyInFlightWaitsAsLongAsHeyGenSaysWhenItSays() {
        ProviderException e = createFails(
                FakeHeyGen.error(409, "request_in_progress", "In progress.").withHeader("Retry-After", "2"));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void aRateLimitIsRetriedAfterWhatRetryAfterSays() {
        ProviderException e = createFails(FakeHeyGen.error(429, "rate_limit_exceeded", "Too many concurrent videos.")
                .withHeader("Retry-After", "7"));

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void aServerErrorIsRetried(int status) {
        ProviderException e = createFails(FakeHeyGen.error(status, "internal_error", "Something went wrong."));

        assertThat(e.reason()).isIn(Reason.SERVER_ERROR, Reason.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void anUploadTooLargeIsAPermanentInvalidRequest() {
        fake.server.stubFor(post(urlPathEqualTo(FakeHeyGen.ASSETS))
                .willReturn(FakeHeyGen.error(413, "payload_too_large", "Max file size is 32 MB.")));

        ProviderException e = submitFails(Map.of());

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(e.retryable()).isFalse();
        assertThat(fake.createRequests()).isEmpty();
    }

    @Test
    void anUploadAnswerWithoutAnAssetIdIsRetryable() {
        fake.server.stubFor(post(urlPathEqualTo(FakeHeyGen.ASSETS)).willReturn(FakeHeyGen.json(200, "{\"data\":{}}")));

        ProviderException e = submitFails(Map.of());

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("no data.asset_id");
    }

    @Test
    void aCreateAnswerWithoutAVideoIdIsRetryable() {
        ProviderException e = createFails(FakeHeyGen.json(200, "{\"data\":{\"status\":\"pending\"}}"));

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("no data.video_id");
    }

    @Test
    void aBodyThatIsNotJsonIsRetryable() {
        ProviderException e = createFails(aResponse().withStatus(200).withBody("<html>502 Bad Gateway</html>"));

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aCreateSlowerThanTheTimeoutIsARetryableTimeout() {
        fake.createFails(
                FakeHeyGen.json(200, "{\"data\":{\"video_id\":\"late\"}}").withFixedDelay(5_000));

        ProviderException e = submitFails(Map.of("heygen.timeout", "1"));

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void anUploadIsBoundByTheDownloadTimeoutNotTheApiTimeout() {
        fake.createsVideo(FakeHeyGen.VIDEO_ID);
        fake.server.stubFor(post(urlPathEqualTo(FakeHeyGen.ASSETS))
                .willReturn(FakeHeyGen.json(200, "{\"data\":{\"asset_id\":\"slow\"}}")
                        .withFixedDelay(2_000)));
        TestProviderCall call = TestProviderCall.forStage("avatar");

        String videoId = Renders.renderer(fake, Map.of("heygen.timeout", "1", "heygen.download-timeout", "30"))
                .submit(Renders.request(call), call)
                .taskId();

        assertThat(videoId).isEqualTo(FakeHeyGen.VIDEO_ID);
        ProviderException e = submitFails(Map.of("heygen.timeout", "30", "heygen.download-timeout", "1"));
        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(fake.createRequests()).hasSize(1);
    }

    @Test
    void aStatusSlowerThanTheTimeoutIsARetryableTimeout() {
        fake.answersStatus(FakeHeyGen.status("processing").withFixedDelay(5_000));

        ProviderException e = pollFails(Map.of("heygen.timeout", "1"));

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.retryable()).isTrue();
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
        ProviderException e = createFails(aResponse().withFault(Fault.valueOf(fault)));

        assertThat(e.retryable()).isTrue();
        assertThat(e.reason()).isIn(Reason.UNAVAILABLE, Reason.SERVER_ERROR);
    }

    @Test
    void aStatusOfAnUnknownVideoIsPermanentlyNotFound() {
        fake.answersStatus(FakeHeyGen.error(404, "video_not_found", "Video not found."));

        ProviderException e = pollFails(Map.of());

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void aRateLimitedStatusRequestIsRetriedAfterWhatRetryAfterSays() {
        fake.answersStatus(
                FakeHeyGen.error(429, "rate_limit_exceeded", "Slow down.").withHeader("Retry-After", "3"));

        ProviderException e = pollFails(Map.of());

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void aStatusCutMidAnswerIsRetryable() {
        fake.answersStatus(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        ProviderException e = pollFails(Map.of());

        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aServerThatIsNotThereIsRetryable() {
        HeyGenRenderer renderer = Renders.renderer(fake);
        fake.close();

        ProviderException e = catchThrowableOfType(
                ProviderException.class, () -> renderer.poll(FakeHeyGen.VIDEO_ID, TestProviderCall.forStage("avatar")));

        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertNoSecret(e);
    }

    private ProviderException createFails(ResponseDefinitionBuilder answer) {
        fake.createFails(answer);
        return submitFails(Map.of());
    }

    private ProviderException submitFails(Map<String, String> settings) {
        TestProviderCall call = TestProviderCall.forStage("avatar");
        ProviderException e = catchThrowableOfType(
                ProviderException.class, () -> Renders.renderer(fake, settings).submit(Renders.request(call), call));
        assertThat(e).as("the submit fails with a ProviderException").isNotNull();
        assertThat(e.provider()).isEqualTo("heygen");
        assertNoSecret(e);
        return e;
    }

    private ProviderException pollFails(Map<String, String> settings) {
        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> Renders.renderer(fake, settings).poll(FakeHeyGen.VIDEO_ID, TestProviderCall.forStage("avatar")));
        assertThat(e).as("the poll fails with a ProviderException").isNotNull();
        assertNoSecret(e);
        return e;
    }

    private static void assertNoSecret(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t.toString()).doesNotContain(FakeHeyGen.API_KEY).doesNotContain(FakeHeyGen.WEBHOOK_SECRET);
        }
    }
}
