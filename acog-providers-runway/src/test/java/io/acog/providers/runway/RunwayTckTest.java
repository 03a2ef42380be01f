package io.acog.providers.runway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.acog.spi.BrollGenerator;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.RenderProgress;
import io.acog.spi.Usage;
import io.acog.testkit.providers.OfferedProviders;
import io.acog.testkit.providers.ProviderTck;
import io.acog.testkit.providers.TestProviderCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The provider TCK on the Runway b-roll generator, against the local Runway. The main call submits
 * a clip and polls it until it is done (the local Runway finishes at once; no poll interval is
 * waited for); the documented failures are the create's HTTP errors.
 */
class RunwayTckTest extends ProviderTck<BrollGenerator, RenderProgress.Done> {

    /** Each documented failure, by the name the kit reports it under: its status and body. */
    private static final Map<String, ResponseDefinitionBuilder> FAILURES = new LinkedHashMap<>();

    static {
        FAILURES.put(
                "400 invalid input",
                FakeRunway.json(
                        400,
                        "{\"error\":\"Validation of body failed\",\"issues\":[{\"code\":\"invalid_enum_value\","
                                + "\"path\":[\"ratio\"],\"message\":\"Invalid enum value\"}]}"));
        FAILURES.put("401 invalid key", FakeRunway.json(401, "{\"error\":\"Incorrect API key provided\"}"));
        FAILURES.put("404 not found", FakeRunway.json(404, "{\"error\":\"Not found\"}"));
        FAILURES.put("405 method not allowed", FakeRunway.json(405, "{\"error\":\"Method not allowed\"}"));
        FAILURES.put(
                "429 daily generations used up",
                FakeRunway.json(429, "{\"error\":\"You have exceeded your daily task limit\"}"));
        FAILURES.put("502 shedding load", FakeRunway.json(502, "{\"error\":\"Bad gateway\"}"));
        FAILURES.put("503 shedding load", FakeRunway.json(503, "{\"error\":\"Service unavailable\"}"));
        FAILURES.put("504 overloaded", FakeRunway.json(504, "{\"error\":\"Gateway timeout\"}"));
    }

    private static FakeRunway fake;

    @BeforeAll
    static void start() {
        fake = new FakeRunway();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Override
    protected Map<String, String> settings(Duration timeout) {
        return Map.of(
                "runway.api-key", FakeRunway.API_KEY,
                "runway.base-url", fake.baseUrl(),
                "runway.timeout", String.valueOf(timeout.toMillis() / 1000.0),
                "runway.download-timeout", String.valueOf(timeout.toMillis() / 1000.0));
    }

    @Override
    protected BrollGenerator provider(ProviderConfig config) {
        OfferedProviders offered = new OfferedProviders();
        new RunwayPlugin().register(config, offered);
        return offered.the(BrollGenerator.class);
    }

    @Override
    protected RenderProgress.Done call(BrollGenerator provider, TestProviderCall call) {
        RenderProgress progress = Clips.render(provider, Clips.clip(5), call);
        if (progress instanceof RenderProgress.Done done) {
            return done;
        }
        throw new AssertionError("the render did not finish: " + progress);
    }

    @Override
    protected String stage() {
        return "broll";
    }

    @Override
    protected Usage usage(RenderProgress.Done result) {
        return result.usage();
    }

    @Override
    protected List<DocumentedFailure> documentedFailures() {
        return List.of(
                DocumentedFailure.permanent("400 invalid input", Reason.INVALID_REQUEST),
                DocumentedFailure.permanent("401 invalid key", Reason.AUTHENTICATION),
                DocumentedFailure.permanent("404 not found", Reason.NOT_FOUND),
                DocumentedFailure.permanent("405 method not allowed", Reason.INVALID_REQUEST),
                DocumentedFailure.retryable("429 daily generations used up", Reason.RATE_LIMITED),
                DocumentedFailure.retryable("502 shedding load", Reason.UNAVAILABLE),
                DocumentedFailure.retryable("503 shedding load", Reason.UNAVAILABLE),
                DocumentedFailure.retryable("504 overloaded", Reason.UNAVAILABLE));
    }

    @Override
    protected void serviceSucceeds() {
        fake.server.resetAll();
        fake.creating().succeeding(5);
    }

    @Override
    protected void serviceFails(DocumentedFailure failure) {
        answerCreate(FAILURES.get(failure.name()));
    }

    @Override
    protected void serviceRateLimits(Duration retryAfter) {
        answerCreate(FakeRunway.json(429, "{\"error\":\"Too many requests\"}")
                .withHeader("Retry-After", String.valueOf(retryAfter.toSeconds())));
    }

    @Override
    protected void serviceStalls(Duration delay) {
        answerCreate(
                FakeRunway.json(200, "{\"id\":\"task-stalled\"}").withFixedDelay(Math.toIntExact(delay.toMillis())));
    }

    @Override
    protected void serviceAnswersMalformed() {
        answerCreate(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html>Bad Gateway</html>"));
    }

    @Override
    protected void serviceResetsConnection() {
        answerCreate(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    }

    @Override
    protected List<RecordedRequest> requests() {
        List<RecordedRequest> requests = new ArrayList<>();
        List<ServeEvent> events = new ArrayList<>(fake.server.getAllServeEvents());
        Collections.reverse(events); // WireMock lists the newest first
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
    protected boolean stopsWhenCancelled() {
        return true;
    }

    /** The create answers {@code answer}; a status request would find the task done. */
    private static void answerCreate(ResponseDefinitionBuilder answer) {
        fake.server.resetAll();
        fake.succeeding(5);
        fake.server.stubFor(post(urlPathEqualTo(FakeRunway.CREATE)).willReturn(answer));
    }
}
