package io.acog.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.acog.providers.openai.OpenAiApi.completion;
import static io.acog.providers.openai.OpenAiApi.error;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.Usage;
import io.acog.testkit.providers.ProviderTck;
import io.acog.testkit.providers.TestProviderCall;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** The provider TCK on the OpenAI writer's scripting call, against OpenAI's documented answers. */
class OpenAiTckTest extends ProviderTck<ContentWriter, ContentWriter.Script> {

    private static final OpenAiApi API = new OpenAiApi();

    /** OpenAI's documented failures, and what each answers; unusable answers on a first attempt. */
    private static final Map<DocumentedFailure, ResponseDefinitionBuilder> FAILURES = new LinkedHashMap<>();

    static {
        FAILURES.put(
                DocumentedFailure.permanent("401 invalid_api_key", Reason.AUTHENTICATION),
                error(
                        401,
                        "Incorrect API key provided: sk-proj-****Fg5J.",
                        "invalid_request_error",
                        null,
                        "invalid_api_key"));
        FAILURES.put(
                DocumentedFailure.permanent("403 unsupported_country_region_territory", Reason.AUTHENTICATION),
                error(
                        403,
                        "Country, region, or territory not supported",
                        "request_forbidden",
                        null,
                        "unsupported_country_region_territory"));
        FAILURES.put(
                DocumentedFailure.permanent("404 model_not_found", Reason.NOT_FOUND),
                error(
                        404,
                        "The model `gpt-4.1-mini` does not exist or you do not have access to it.",
                        "invalid_request_error",
                        null,
                        "model_not_found"));
        FAILURES.put(
                DocumentedFailure.permanent("400 invalid_request_error", Reason.INVALID_REQUEST),
                error(400, "Invalid schema for response_format", "invalid_request_error", "response_format", null));
        FAILURES.put(
                DocumentedFailure.permanent("400 content_filter", Reason.CONTENT_REJECTED),
                error(400, "The prompt was filtered.", null, "prompt", "content_filter"));
        FAILURES.put(
                DocumentedFailure.permanent("429 insufficient_quota", Reason.QUOTA_EXHAUSTED),
                error(429, "You exceeded your current quota.", "insufficient_quota", null, "insufficient_quota"));
        FAILURES.put(
                DocumentedFailure.retryable("429 rate_limit_exceeded", Reason.RATE_LIMITED),
                error(429, "Rate limit reached for requests.", "requests", null, "rate_limit_exceeded"));
        FAILURES.put(
                DocumentedFailure.retryable("500 server_error", Reason.SERVER_ERROR),
                error(500, "The server had an error while processing your request.", "server_error", null, null));
        FAILURES.put(
                DocumentedFailure.retryable("502 bad gateway", Reason.UNAVAILABLE),
                aResponse().withStatus(502).withBody("<html>502 Bad Gateway</html>"));
        FAILURES.put(
                DocumentedFailure.retryable("503 overloaded", Reason.UNAVAILABLE),
                error(503, "The engine is currently overloaded.", "server_error", null, null));
        FAILURES.put(
                DocumentedFailure.retryable("refusal, first attempt", Reason.CONTENT_REJECTED),
                completion(null, "I'm sorry, I cannot assist with that request.", "stop", 900, 0, 12));
        FAILURES.put(
                DocumentedFailure.retryable("finish_reason length, first attempt", Reason.INVALID_REQUEST),
                completion("{\"segments\": [", null, "length", 900, 0, 4096));
        FAILURES.put(
                DocumentedFailure.retryable("finish_reason content_filter, first attempt", Reason.CONTENT_REJECTED),
                completion("{\"segments\": [", null, "content_filter", 900, 0, 3));
    }

    @AfterAll
    static void stop() {
        API.close();
    }

    @Override
    protected Map<String, String> settings(Duration timeout) {
        return Map.of(
                "openai.api-key", OpenAiApi.API_KEY,
                "openai.base-url", API.baseUrl(),
                "openai.timeout", String.valueOf(timeout.toMillis() / 1000.0));
    }

    @Override
    protected ContentWriter provider(ProviderConfig config) {
        return OpenAiApi.register(config).get(0);
    }

    @Override
    protected ContentWriter.Script call(ContentWriter provider, TestProviderCall call) {
        return provider.script(
                new ContentWriter.ScriptRequest(
                        OpenAiApi.CHANNEL, Map.of("topic", "time near a black hole"), OpenAiApi.plan(), List.of()),
                call);
    }

    @Override
    protected String stage() {
        return "scripting";
    }

    @Override
    protected Usage usage(ContentWriter.Script result) {
        return result.usage();
    }

    @Override
    protected List<DocumentedFailure> documentedFailures() {
        return List.copyOf(FAILURES.keySet());
    }

    @Override
    protected void serviceSucceeds() {
        answer(completion(OpenAiApi.script()));
    }

    @Override
    protected void serviceFails(DocumentedFailure failure) {
        answer(FAILURES.get(failure));
    }

    @Override
    protected void serviceRateLimits(Duration retryAfter) {
        answer(error(429, "Rate limit reached for requests.", "requests", null, "rate_limit_exceeded")
                .withHeader("retry-after", String.valueOf(retryAfter.toSeconds())));
    }

    @Override
    protected void serviceStalls(Duration delay) {
        answer(completion(OpenAiApi.script()).withFixedDelay((int) delay.toMillis()));
    }

    @Override
    protected void serviceAnswersMalformed() {
        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"chatcmpl-1\", \"object\": \"chat.comp"));
    }

    @Override
    protected void serviceResetsConnection() {
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    }

    @Override
    protected List<RecordedRequest> requests() {
        return API.requests().stream()
                .map(request -> {
                    Map<String, List<String>> headers = new LinkedHashMap<>();
                    for (HttpHeader header : request.getHeaders().all()) {
                        headers.put(header.key(), header.values());
                    }
                    return new RecordedRequest(request.getMethod().getName(), request.getUrl(), headers);
                })
                .toList();
    }

    private static void answer(ResponseDefinitionBuilder response) {
        API.reset();
        API.answer(response);
    }
}
