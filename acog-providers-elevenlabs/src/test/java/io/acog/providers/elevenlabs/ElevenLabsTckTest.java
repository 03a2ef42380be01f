package io.acog.providers.elevenlabs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.Usage;
import io.acog.spi.VoiceSynthesizer;
import io.acog.spi.VoiceSynthesizer.Line;
import io.acog.spi.VoiceSynthesizer.Speech;
import io.acog.testkit.providers.ProviderTck;
import io.acog.testkit.providers.TestProviderCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The provider TCK on the ElevenLabs voice, against the local ElevenLabs. */
class ElevenLabsTckTest extends ProviderTck<VoiceSynthesizer, Speech> {

    /** Each documented failure, by the name the kit reports it under: its status and body. */
    private static final Map<String, ResponseDefinitionBuilder> FAILURES = new LinkedHashMap<>();

    static {
        FAILURES.put(
                "401 quota_exceeded",
                json(
                        401,
                        "{\"detail\":{\"status\":\"quota_exceeded\",\"message\":\"This request exceeds your quota.\"}}"));
        FAILURES.put(
                "401 invalid_api_key",
                json(
                        401,
                        "{\"detail\":{\"type\":\"authentication_error\",\"code\":\"invalid_api_key\","
                                + "\"message\":\"Invalid API key\",\"request_id\":\"r-1\",\"param\":null}}"));
        FAILURES.put(
                "422 validation (FastAPI array)",
                json(
                        422,
                        "{\"detail\":[{\"loc\":[\"body\",\"text\"],\"msg\":\"Field required\",\"type\":\"missing\"}]}"));
        FAILURES.put(
                "422 validation (object)",
                json(
                        422,
                        "{\"detail\":{\"type\":\"validation_error\",\"code\":\"invalid_parameters\","
                                + "\"message\":\"Invalid model_id\",\"request_id\":\"r-2\",\"param\":\"model_id\"}}"));
        FAILURES.put(
                "400 max_character_limit_exceeded",
                json(400, "{\"detail\":{\"status\":\"max_character_limit_exceeded\",\"message\":\"Too long.\"}}"));
        FAILURES.put(
                "404 voice_not_found",
                json(
                        404,
                        "{\"detail\":{\"type\":\"not_found\",\"code\":\"voice_not_found\",\"message\":\"No voice.\"}}"));
        FAILURES.put(
                "429 rate_limit_exceeded",
                json(
                        429,
                        "{\"detail\":{\"type\":\"rate_limit_error\",\"code\":\"rate_limit_exceeded\",\"message\":\"Slow down.\"}}"));
        for (String code : List.of("concurrent_limit_exceeded", "too_many_concurrent_requests", "system_busy")) {
            FAILURES.put("429 " + code, json(429, "{\"detail\":{\"status\":\"" + code + "\",\"message\":\"Busy.\"}}"));
        }
        FAILURES.put(
                "500 internal error", json(500, "{\"detail\":{\"status\":\"internal_error\",\"message\":\"Oops.\"}}"));
        FAILURES.put("503 unavailable", json(503, "{\"detail\":\"Service Unavailable\"}"));
    }

    private static FakeElevenLabs fake;

    @BeforeAll
    static void start() {
        fake = new FakeElevenLabs();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Override
    protected Map<String, String> settings(Duration timeout) {
        return Map.of(
                "elevenlabs.api-key", FakeElevenLabs.API_KEY,
                "elevenlabs.base-url", fake.baseUrl(),
                "elevenlabs.timeout", String.valueOf(timeout.toMillis() / 1000.0));
    }

    @Override
    protected VoiceSynthesizer provider(ProviderConfig config) {
        Voices.Registry registry = new Voices.Registry();
        new ElevenLabsPlugin().register(config, registry);
        return registry.voices.get(0);
    }

    @Override
    protected Speech call(VoiceSynthesizer provider, TestProviderCall call) {
        return provider.synthesize(
                Voices.request(new Line(0, "Most people never budget."), new Line(1, "They guess instead.")), call);
    }

    @Override
    protected String stage() {
        return "audio";
    }

    @Override
    protected Usage usage(Speech result) {
        return result.usage();
    }

    @Override
    protected List<DocumentedFailure> documentedFailures() {
        List<DocumentedFailure> failures = new ArrayList<>();
        failures.add(DocumentedFailure.permanent("401 quota_exceeded", Reason.QUOTA_EXHAUSTED));
        failures.add(DocumentedFailure.permanent("401 invalid_api_key", Reason.AUTHENTICATION));
        failures.add(DocumentedFailure.permanent("422 validation (FastAPI array)", Reason.INVALID_REQUEST));
        failures.add(DocumentedFailure.permanent("422 validation (object)", Reason.INVALID_REQUEST));
        failures.add(DocumentedFailure.permanent("400 max_character_limit_exceeded", Reason.INVALID_REQUEST));
        failures.add(DocumentedFailure.permanent("404 voice_not_found", Reason.NOT_FOUND));
        failures.add(DocumentedFailure.retryable("429 rate_limit_exceeded", Reason.RATE_LIMITED));
        failures.add(DocumentedFailure.retryable("429 concurrent_limit_exceeded", Reason.CONCURRENCY_LIMITED));
        failures.add(DocumentedFailure.retryable("429 too_many_concurrent_requests", Reason.CONCURRENCY_LIMITED));
        failures.add(DocumentedFailure.retryable("429 system_busy", Reason.CONCURRENCY_LIMITED));
        failures.add(DocumentedFailure.retryable("500 internal error", Reason.SERVER_ERROR));
        failures.add(DocumentedFailure.retryable("503 unavailable", Reason.UNAVAILABLE));
        return failures;
    }

    @Override
    protected void serviceSucceeds() {
        fake.server.resetAll();
        fake.speaking();
    }

    @Override
    protected void serviceFails(DocumentedFailure failure) {
        answer(FAILURES.get(failure.name()));
    }

    @Override
    protected void serviceRateLimits(Duration retryAfter) {
        answer(json(
                        429,
                        "{\"detail\":{\"type\":\"rate_limit_error\",\"code\":\"rate_limit_exceeded\","
                                + "\"message\":\"Too many requests.\"}}")
                .withHeader("Retry-After", String.valueOf(retryAfter.toSeconds())));
    }

    @Override
    protected void serviceStalls(Duration delay) {
        answer(json(200, "{}").withFixedDelay(Math.toIntExact(delay.toMillis())));
    }

    @Override
    protected void serviceAnswersMalformed() {
        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html>Bad Gateway</html>"));
    }

    @Override
    protected void serviceResetsConnection() {
        answer(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
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
    protected boolean stopsWhenCancelled() {
        return true;
    }

    private static void answer(ResponseDefinitionBuilder answer) {
        fake.server.resetAll();
        fake.server.stubFor(post(urlPathMatching(FakeElevenLabs.SPEECH)).willReturn(answer));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
