package io.acog.providers.heygen;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.RenderProgress;
import io.acog.spi.Usage;
import io.acog.spi.WebhookDelivery;
import io.acog.testkit.providers.OfferedProviders;
import io.acog.testkit.providers.ProviderTck;
import io.acog.testkit.providers.TestProviderCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The provider TCK on the HeyGen renderer, against the local HeyGen. Its main call submits a render
 * whose audio is uploaded, then polls it until done (the fake completes it at once), returning the
 * {@link RenderProgress.Done}; the documented failures are the create call's.
 */
class HeyGenTckTest extends ProviderTck<AvatarRenderer, RenderProgress.Done> {

    /** Each documented failure of {@code POST /v3/videos}, by the name the kit reports it under. */
    private static final Map<String, ResponseDefinitionBuilder> FAILURES = new LinkedHashMap<>();

    static {
        FAILURES.put("400 invalid_parameter", invalid());
        FAILURES.put("400 avatar_not_found", FakeHeyGen.error(400, "avatar_not_found", "Avatar not found."));
        FAILURES.put("401 unauthorized", FakeHeyGen.error(401, "unauthorized", "Invalid API key."));
        FAILURES.put(
                "402 insufficient_credit",
                FakeHeyGen.error(402, "insufficient_credit", "Your account has 5 credits but this video requires 10."));
        FAILURES.put("403 forbidden", FakeHeyGen.error(403, "forbidden", "Not permitted."));
        FAILURES.put("404 not_found", FakeHeyGen.error(404, "not_found", "Not found."));
        FAILURES.put(
                "409 request_in_progress",
                FakeHeyGen.error(409, "request_in_progress", "A request with this key is in progress."));
        FAILURES.put("429 rate_limit_exceeded", FakeHeyGen.error(429, "rate_limit_exceeded", "Slow down."));
        FAILURES.put("500 internal_error", FakeHeyGen.error(500, "internal_error", "Something went wrong."));
        FAILURES.put("503 unavailable", aResponse().withStatus(503).withBody("<html>Service Unavailable</html>"));
    }

    private static FakeHeyGen fake;

    @BeforeAll
    static void start() {
        fake = new FakeHeyGen();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Override
    protected Map<String, String> settings(Duration timeout) {
        return Map.of(
                "heygen.api-key",
                FakeHeyGen.API_KEY,
                "heygen.base-url",
                fake.baseUrl(),
                "heygen.webhook-secret",
                FakeHeyGen.WEBHOOK_SECRET,
                "heygen.timeout",
                String.valueOf(timeout.toMillis() / 1000.0),
                "heygen.download-timeout",
                "30",
                "heygen.poll-interval",
                "0.05");
    }

    @Override
    protected AvatarRenderer provider(ProviderConfig config) {
        return OfferedProviders.of("heygen", config).the(AvatarRenderer.class);
    }

    @Override
    protected RenderProgress.Done call(AvatarRenderer provider, TestProviderCall call) {
        RenderProgress progress = Renders.render((HeyGenRenderer) provider, Renders.request(call), call);
        if (progress instanceof RenderProgress.Done done) {
            return done;
        }
        throw new AssertionError("the fake's render ended " + progress);
    }

    @Override
    protected String stage() {
        return "avatar";
    }

    @Override
    protected Usage usage(RenderProgress.Done result) {
        return result.usage();
    }

    @Override
    protected List<DocumentedFailure> documentedFailures() {
        return List.of(
                DocumentedFailure.permanent("400 invalid_parameter", Reason.INVALID_REQUEST),
                DocumentedFailure.permanent("400 avatar_not_found", Reason.NOT_FOUND),
                DocumentedFailure.permanent("401 unauthorized", Reason.AUTHENTICATION),
                DocumentedFailure.permanent("402 insufficient_credit", Reason.QUOTA_EXHAUSTED),
                DocumentedFailure.permanent("403 forbidden", Reason.AUTHENTICATION),
                DocumentedFailure.permanent("404 not_found", Reason.NOT_FOUND),
                DocumentedFailure.retryable("409 request_in_progress", Reason.CONCURRENCY_LIMITED),
                DocumentedFailure.retryable("429 rate_limit_exceeded", Reason.RATE_LIMITED),
                DocumentedFailure.retryable("500 internal_error", Reason.SERVER_ERROR),
                DocumentedFailure.retryable("503 unavailable", Reason.UNAVAILABLE));
    }

    @Override
    protected void serviceSucceeds() {
        fake.server.resetAll();
        fake.succeeding();
    }

    @Override
    protected void serviceFails(DocumentedFailure failure) {
        create(FAILURES.get(failure.name()));
    }

    @Override
    protected void serviceRateLimits(Duration retryAfter) {
        create(FakeHeyGen.error(429, "rate_limit_exceeded", "Too many requests.")
                .withHeader("Retry-After", String.valueOf(retryAfter.toSeconds())));
    }

    @Override
    protected void serviceStalls(Duration delay) {
        create(FakeHeyGen.json(200, "{\"data\":{\"video_id\":\"late\"}}")
                .withFixedDelay(Math.toIntExact(delay.toMillis())));
    }

    @Override
    protected void serviceAnswersMalformed() {
        create(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html>Bad Gateway</html>"));
    }

    @Override
    protected void serviceResetsConnection() {
        create(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    }

    @Override
    protected List<RecordedRequest> requests() {
        List<RecordedRequest> requests = new ArrayList<>();
        List<ServeEvent> events = new ArrayList<>(fake.server.getAllServeEvents());
        java.util.Collections.reverse(events); // WireMock lists the newest first
        for (ServeEvent event : events) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (HttpHeader header : event.getRequest().getHeaders().all()) {
                headers.put(header.key(), header.values());
            }
            requests.add(new RecordedRequest(
                    event.getRequest().getMethod().getName(), event.getRequest().getUrl(), headers));
        }
        return requests;
    }

    @Override
    protected Optional<String> idempotencyHeader() {
        return Optional.of("Idempotency-Key");
    }

    @Override
    protected boolean stopsWhenCancelled() {
        return true;
    }

    /** The Standard Webhooks form, as HeyGen's endpoints are expected to sign. */
    @Override
    protected Optional<WebhookDelivery> signedWebhook(String taskId, Instant sentAt) {
        return Optional.of(Renders.standard(
                FakeHeyGen.WEBHOOK_SECRET,
                "msg_" + java.util.UUID.randomUUID(),
                sentAt,
                Renders.event(HeyGenWebhooks.SUCCESS, taskId)));
    }

    /** The upload succeeds; the create answers {@code answer}. */
    private static void create(ResponseDefinitionBuilder answer) {
        fake.server.resetAll();
        fake.acceptsUploads();
        fake.createFails(answer);
    }

    private static ResponseDefinitionBuilder invalid() {
        return FakeHeyGen.json(
                400,
                "{\"error\":{\"code\":\"invalid_parameter\",\"message\":\"aspect_ratio must be one of 16:9, 9:16\","
                        + "\"param\":\"aspect_ratio\",\"doc_url\":\"https://developers.heygen.com/docs/error-codes\"}}");
    }
}
