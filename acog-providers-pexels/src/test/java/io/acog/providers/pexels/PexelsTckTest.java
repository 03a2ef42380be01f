package io.acog.providers.pexels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.acog.spi.BrollGenerator;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
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
 * The provider TCK on the Pexels b-roll, against the local Pexels. Its main call is a clip's whole
 * round: submit (search and choose), then poll until done (download). Each failure is served on
 * every path, so the search meets it first.
 */
class PexelsTckTest extends ProviderTck<BrollGenerator, RenderProgress.Done> {

    /** Each documented failure, by the name the kit reports it under: its status and body. */
    private static final Map<String, ResponseDefinitionBuilder> FAILURES = new LinkedHashMap<>();

    static {
        FAILURES.put("400 invalid request", FakePexels.json(400, "{\"error\":\"query is required\"}"));
        FAILURES.put("401 unauthorized", FakePexels.json(401, "{\"error\":\"Unauthorized\"}"));
        FAILURES.put("403 forbidden", FakePexels.json(403, "{\"error\":\"Forbidden\"}"));
        FAILURES.put("404 not found", FakePexels.json(404, "{\"error\":\"Not Found\"}"));
        FAILURES.put("429 too many requests", FakePexels.json(429, "{\"error\":\"Too Many Requests\"}"));
        FAILURES.put("500 internal server error", FakePexels.json(500, "{\"error\":\"Internal Server Error\"}"));
        FAILURES.put("502 bad gateway", aResponse().withStatus(502).withBody("<html>Bad Gateway</html>"));
        FAILURES.put("503 unavailable", aResponse().withStatus(503).withBody("Service Unavailable"));
    }

    private static FakePexels fake;

    @BeforeAll
    static void start() {
        fake = new FakePexels();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Override
    protected Map<String, String> settings(Duration timeout) {
        return Map.of(
                "pexels.api-key", FakePexels.API_KEY,
                "pexels.base-url", fake.baseUrl(),
                "pexels.timeout", String.valueOf(timeout.toMillis() / 1000.0));
    }

    @Override
    protected BrollGenerator provider(ProviderConfig config) {
        OfferedProviders registry = new OfferedProviders();
        new PexelsPlugin().register(config, registry);
        return registry.the(BrollGenerator.class);
    }

    /** Submits a clip, then polls it until it is done (Pexels' clips are done at the first poll). */
    @Override
    protected RenderProgress.Done call(BrollGenerator provider, TestProviderCall call) {
        RenderTask task = provider.submit(
                FakePexels.clip("northern lights over a frozen lake", 9_000, OutputFormat.LANDSCAPE), call);
        for (int poll = 0; poll < 5; poll++) {
            RenderProgress progress = provider.poll(task.taskId(), call);
            if (progress instanceof RenderProgress.Done done) {
                return done;
            }
            if (progress instanceof RenderProgress.Failed failed) {
                throw new AssertionError("the clip failed: " + failed);
            }
        }
        throw new AssertionError("the clip was not done after 5 polls");
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
        List<DocumentedFailure> failures = new ArrayList<>();
        failures.add(DocumentedFailure.permanent("400 invalid request", Reason.INVALID_REQUEST));
        failures.add(DocumentedFailure.permanent("401 unauthorized", Reason.AUTHENTICATION));
        failures.add(DocumentedFailure.permanent("403 forbidden", Reason.AUTHENTICATION));
        failures.add(DocumentedFailure.permanent("404 not found", Reason.NOT_FOUND));
        failures.add(DocumentedFailure.retryable("429 too many requests", Reason.RATE_LIMITED));
        failures.add(DocumentedFailure.retryable("500 internal server error", Reason.SERVER_ERROR));
        failures.add(DocumentedFailure.retryable("502 bad gateway", Reason.UNAVAILABLE));
        failures.add(DocumentedFailure.retryable("503 unavailable", Reason.UNAVAILABLE));
        return failures;
    }

    @Override
    protected void serviceSucceeds() {
        fake.server.resetAll();
        fake.serving();
    }

    @Override
    protected void serviceFails(DocumentedFailure failure) {
        answer(FAILURES.get(failure.name()));
    }

    @Override
    protected void serviceRateLimits(Duration retryAfter) {
        answer(FakePexels.json(429, "{\"error\":\"Too Many Requests\"}")
                .withHeader("Retry-After", String.valueOf(retryAfter.toSeconds())));
    }

    @Override
    protected void serviceStalls(Duration delay) {
        answer(FakePexels.api("{\"videos\":[]}").withFixedDelay(Math.toIntExact(delay.toMillis())));
    }

    @Override
    protected void serviceAnswersMalformed() {
        fake.server.resetAll();
        fake.server.stubFor(get(urlPathEqualTo(FakePexels.SEARCH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>Bad Gateway</html>")));
    }

    @Override
    protected void serviceResetsConnection() {
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
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

    private static void answer(ResponseDefinitionBuilder answer) {
        fake.server.resetAll();
        fake.server.stubFor(any(anyUrl()).willReturn(answer));
    }
}
