package io.acog.providers.synthesia;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.acog.providers.synthesia.FakeSynthesia.error;
import static io.acog.providers.synthesia.FakeSynthesia.json;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.RenderProgress;
import io.acog.spi.Usage;
import io.acog.spi.WebhookDelivery;
import io.acog.testkit.providers.OfferedProviders;
import io.acog.testkit.providers.ProviderTck;
import io.acog.testkit.providers.TestProviderCall;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The provider TCK on the Synthesia renderer, against the local Synthesia. Its main call is a whole
 * render: the audio uploaded, the video created, polled until complete and downloaded. The
 * documented failures are the create's (the upload's for a plan without audio uploads, the status
 * request's for an unknown video).
 */
class SynthesiaTckTest extends ProviderTck<AvatarRenderer, RenderProgress.Done> {

    private static final String VIDEO = "5d3e1c9a-7b2f-4e60-9a8d-1f2e3d4c5b6a";

    /** Each documented failure, by the name the kit reports it under: which request, its answer. */
    private static final Map<String, ResponseDefinitionBuilder> CREATE_FAILURES = new LinkedHashMap<>();

    static {
        CREATE_FAILURES.put(
                "400 invalid avatar", error(400, "Invalid avatar", "input[0].avatar: Avatar not found: nobody"));
        CREATE_FAILURES.put(
                "400 invalid scriptLanguage", error(400, "Invalid request", "input[0].scriptLanguage: not supported"));
        CREATE_FAILURES.put("422 validation", error(422, "Unprocessable entity", "input: at most 25 items"));
        CREATE_FAILURES.put("401 unauthorized", error(401, "Unauthorized", "Missing API key"));
        CREATE_FAILURES.put("403 wrong API key", error(403, "Forbidden", "Wrong API key"));
        CREATE_FAILURES.put("429 rate limited", error(429, "Too Many Requests", "60 requests per minute"));
        CREATE_FAILURES.put("500 server error", error(500, "Internal Server Error", "unexpected"));
        CREATE_FAILURES.put("503 unavailable", error(503, "Service Unavailable", "try again"));
    }

    private static FakeSynthesia fake;

    @BeforeAll
    static void start() {
        fake = new FakeSynthesia();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Override
    protected Map<String, String> settings(Duration timeout) {
        Map<String, String> settings = fake.settings();
        String seconds = String.valueOf(timeout.toMillis() / 1000.0);
        settings.put("synthesia.timeout", seconds);
        settings.put("synthesia.upload-timeout", seconds);
        settings.put("synthesia.download-timeout", seconds);
        return settings;
    }

    @Override
    protected AvatarRenderer provider(ProviderConfig config) {
        return OfferedProviders.of("synthesia", config).the(AvatarRenderer.class);
    }

    @Override
    protected RenderProgress.Done call(AvatarRenderer provider, TestProviderCall call) {
        AvatarRenderer.AvatarRequest request =
                FakeSynthesia.request(FakeSynthesia.storeAudio(call), Map.of(), OutputFormat.LANDSCAPE);
        String taskId = provider.submit(request, call).taskId();
        RenderProgress progress = provider.poll(taskId, call);
        for (int polls = 0; progress instanceof RenderProgress.Pending && polls < 100; polls++) {
            progress = provider.poll(taskId, call);
        }
        if (progress instanceof RenderProgress.Done done) {
            return done;
        }
        throw new AssertionError("the render did not finish: " + progress);
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
    protected boolean stopsWhenCancelled() {
        return true;
    }

    @Override
    protected List<DocumentedFailure> documentedFailures() {
        List<DocumentedFailure> failures = new ArrayList<>();
        failures.add(DocumentedFailure.permanent("400 invalid avatar", Reason.INVALID_REQUEST));
        failures.add(DocumentedFailure.permanent("400 invalid scriptLanguage", Reason.INVALID_REQUEST));
        failures.add(DocumentedFailure.permanent("422 validation", Reason.INVALID_REQUEST));
        failures.add(DocumentedFailure.permanent("upload 400 FEATURES_AUDIO_UPLOAD_DISABLED", Reason.INVALID_REQUEST));
        failures.add(DocumentedFailure.permanent("401 unauthorized", Reason.AUTHENTICATION));
        failures.add(DocumentedFailure.permanent("403 wrong API key", Reason.AUTHENTICATION));
        failures.add(DocumentedFailure.permanent("upload 403 wrong API key", Reason.AUTHENTICATION));
        failures.add(DocumentedFailure.permanent("status 404 video not found", Reason.NOT_FOUND));
        failures.add(DocumentedFailure.retryable("429 rate limited", Reason.RATE_LIMITED));
        failures.add(DocumentedFailure.retryable("500 server error", Reason.SERVER_ERROR));
        failures.add(DocumentedFailure.retryable("503 unavailable", Reason.UNAVAILABLE));
        return failures;
    }

    @Override
    protected void serviceSucceeds() {
        fake.server.resetAll();
        fake.succeeds(VIDEO, "0:00:42.500000");
    }

    @Override
    protected void serviceFails(DocumentedFailure failure) {
        fake.server.resetAll();
        switch (failure.name()) {
            case "upload 400 FEATURES_AUDIO_UPLOAD_DISABLED" ->
                fake.server.stubFor(post(urlPathEqualTo(FakeSynthesia.UPLOAD))
                        .willReturn(error(400, "FEATURES_AUDIO_UPLOAD_DISABLED", "Audio upload is not enabled")));
            case "upload 403 wrong API key" ->
                fake.server.stubFor(post(urlPathEqualTo(FakeSynthesia.UPLOAD))
                        .willReturn(error(403, "Forbidden", "Wrong API key")));
            case "status 404 video not found" -> {
                fake.uploads().creates(VIDEO);
                fake.server.stubFor(
                        FakeSynthesia.status(VIDEO).willReturn(error(404, "Not Found", "Video ID was not found")));
            }
            default -> {
                fake.uploads();
                fake.server.stubFor(
                        post(urlPathEqualTo(FakeSynthesia.VIDEOS)).willReturn(CREATE_FAILURES.get(failure.name())));
            }
        }
    }

    /** Synthesia documents its wait in {@code RateLimit-Reset} (seconds), not {@code Retry-After}. */
    @Override
    protected void serviceRateLimits(Duration retryAfter) {
        fake.server.resetAll();
        fake.uploads();
        fake.server.stubFor(post(urlPathEqualTo(FakeSynthesia.VIDEOS))
                .willReturn(error(429, "Too Many Requests", "60 requests per minute")
                        .withHeader("RateLimit-Limit", "60")
                        .withHeader("RateLimit-Reset", String.valueOf(retryAfter.toSeconds()))));
    }

    @Override
    protected void serviceStalls(Duration delay) {
        fake.server.resetAll();
        fake.uploads();
        fake.server.stubFor(post(urlPathEqualTo(FakeSynthesia.VIDEOS))
                .willReturn(json(201, FakeSynthesia.video(VIDEO, "in_progress", null))
                        .withFixedDelay(Math.toIntExact(delay.toMillis()))));
    }

    @Override
    protected void serviceAnswersMalformed() {
        fake.server.resetAll();
        fake.uploads();
        fake.server.stubFor(post(urlPathEqualTo(FakeSynthesia.VIDEOS))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>Bad Gateway</html>")));
    }

    @Override
    protected void serviceResetsConnection() {
        fake.server.resetAll();
        fake.uploads();
        fake.server.stubFor(post(urlPathEqualTo(FakeSynthesia.VIDEOS))
                .willReturn(aResponse().withStatus(201).withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    }

    @Override
    protected List<RecordedRequest> requests() {
        List<RecordedRequest> requests = new ArrayList<>();
        for (LoggedRequest request : fake.requests()) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (HttpHeader header : request.getHeaders().all()) {
                headers.put(header.key(), header.values());
            }
            requests.add(new RecordedRequest(request.getMethod().getName(), request.getUrl(), headers));
        }
        return requests;
    }

    /** A {@code video.completed} event signed as Synthesia signs it, independently of the adapter. */
    @Override
    protected Optional<WebhookDelivery> signedWebhook(String taskId, Instant sentAt) {
        String body = "{\"type\":\"video.completed\",\"data\":{\"id\":\"" + taskId
                + "\",\"title\":\"ACOG episode\",\"status\":\"complete\",\"download\":\"https://example.invalid/v.mp4\","
                + "\"duration\":\"0:00:42.500000\",\"callbackId\":\"cb\"}}";
        String timestamp = String.valueOf(sentAt.getEpochSecond());
        return Optional.of(WebhookDelivery.of(
                Map.of(
                        "Synthesia-Timestamp",
                        timestamp,
                        "Synthesia-Signature",
                        sign(FakeSynthesia.WEBHOOK_SECRET, timestamp + "." + body)),
                body));
    }

    /** Hex HMAC-SHA256, as Synthesia's guide computes it. */
    static String sign(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
