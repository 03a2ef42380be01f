package io.acog.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.acog.providers.openai.OpenAiApi.CHANNEL;
import static io.acog.providers.openai.OpenAiApi.completion;
import static io.acog.providers.openai.OpenAiApi.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.testkit.providers.TestProviderCall;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenAI's documented error answers, and the transport's failures, each classified as ACOG's retry
 * policy needs it: the reason, retryable or permanent, and how long to wait. No message carries the
 * API key.
 */
class OpenAiErrorsTest {

    private static final OpenAiApi API = new OpenAiApi();

    /** How OpenAI quotes a wrong key back: its prefix, stars, and its last four characters. */
    private static final String QUOTED_KEY = "sk-proj-" + "*".repeat(40) + "Fg5J";

    @BeforeEach
    void reset() {
        API.reset();
    }

    @AfterAll
    static void stop() {
        API.close();
    }

    @Test
    void aWrongKeyIsAPermanentAuthenticationFailureAndItsQuoteIsMasked() {
        ProviderException failure = failure(error(
                401,
                "Incorrect API key provided: " + QUOTED_KEY
                        + ". You can find your API key at https://platform.openai.com/account/api-keys.",
                "invalid_request_error",
                null,
                "invalid_api_key"));

        assertPermanent(failure, Reason.AUTHENTICATION);
        assertThat(failure.getMessage())
                .contains("HTTP 401", "invalid_api_key", "req_5d1c0e8f42", "Incorrect API key provided: ***")
                .doesNotContain("Fg5J");
    }

    @Test
    void aRegionOrPermissionOpenAiRefusesIsAPermanentAuthenticationFailure() {
        ProviderException failure = failure(error(
                403,
                "Country, region, or territory not supported",
                "request_forbidden",
                null,
                "unsupported_country_region_territory"));

        assertPermanent(failure, Reason.AUTHENTICATION);
        assertThat(failure.getMessage()).contains("HTTP 403", "unsupported_country_region_territory");
    }

    @Test
    void anUnknownModelIsPermanentlyNotFound() {
        ProviderException failure = failure(error(
                404,
                "The model `gpt-4.1-mini` does not exist or you do not have access to it.",
                "invalid_request_error",
                null,
                "model_not_found"));

        assertPermanent(failure, Reason.NOT_FOUND);
        assertThat(failure.getMessage()).contains("model_not_found", "does not exist");
    }

    @Test
    void anInvalidRequestIsPermanentAndNamesTheParameter() {
        ProviderException failure = failure(error(
                400,
                "Invalid schema for response_format 'episode_plan': In context=(), 'required' is required.",
                "invalid_request_error",
                "response_format",
                null));

        assertPermanent(failure, Reason.INVALID_REQUEST);
        assertThat(failure.getMessage()).contains("HTTP 400", "param response_format", "Invalid schema");
    }

    @Test
    void aPromptAzuresFilterRefusesIsPermanentlyRejectedContent() {
        ProviderException failure = failure(error(
                400,
                "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
                null,
                "prompt",
                "content_filter"));

        assertPermanent(failure, Reason.CONTENT_REJECTED);
    }

    @Test
    void anExhaustedQuotaIsPermanentEvenThoughItIsA429() {
        ProviderException failure = failure(error(
                        429,
                        "You exceeded your current quota, please check your plan and billing details.",
                        "insufficient_quota",
                        null,
                        "insufficient_quota")
                .withHeader("retry-after", "20"));

        assertPermanent(failure, Reason.QUOTA_EXHAUSTED);
        assertThat(failure.getMessage()).contains("quota");
    }

    @Test
    void aRateLimitIsRetryableAfterRetryAfter() {
        ProviderException seconds = failure(rateLimited("requests").withHeader("retry-after", "20"));
        assertRetryable(seconds, Reason.RATE_LIMITED);
        assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(20));
        assertThat(seconds.getMessage()).contains("HTTP 429", "rate_limit_exceeded");

        ProviderException millis = failure(rateLimited("requests")
                .withHeader("retry-after-ms", "1500")
                .withHeader("x-ratelimit-reset-requests", "6m0s"));
        assertThat(millis.retryAfter()).contains(Duration.ofMillis(1500));
    }

    @Test
    void withoutRetryAfterARateLimitWaitsForTheResetOfTheLimitHit() {
        ResponseDefinitionBuilder tokens = rateLimited("tokens")
                .withHeader("x-ratelimit-reset-requests", "6m0s")
                .withHeader("x-ratelimit-reset-tokens", "1s");
        assertThat(failure(tokens).retryAfter()).contains(Duration.ofSeconds(1));

        ResponseDefinitionBuilder requests = rateLimited("requests")
                .withHeader("x-ratelimit-reset-requests", "20ms")
                .withHeader("x-ratelimit-reset-tokens", "6m0s");
        assertThat(failure(requests).retryAfter()).contains(Duration.ofMillis(20));

        // a 429 that names no limit waits for the later reset
        ResponseDefinitionBuilder unnamed = error(429, "Rate limit reached.", null, null, null)
                .withHeader("x-ratelimit-reset-requests", "1s")
                .withHeader("x-ratelimit-reset-tokens", "7.66s");
        ProviderException failure = failure(unnamed);
        assertRetryable(failure, Reason.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofMillis(7660));

        // and one that says nothing leaves the wait to ACOG's backoff
        assertThat(failure(error(429, "Rate limit reached.", "requests", null, "rate_limit_exceeded"))
                        .retryAfter())
                .isEmpty();
    }

    @Test
    void serverErrorsAreRetryable() {
        assertRetryable(
                failure(error(
                        500,
                        "The server had an error while processing your request. Sorry about that!",
                        "server_error",
                        null,
                        null)),
                Reason.SERVER_ERROR);
        ProviderException badGateway = failure(aResponse()
                .withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>"));
        assertRetryable(badGateway, Reason.UNAVAILABLE);
        assertThat(badGateway.getMessage()).contains("HTTP 502", "502 Bad Gateway");
        ProviderException overloaded = failure(
                error(503, "The engine is currently overloaded, please try again later.", "server_error", null, null)
                        .withHeader("retry-after", "3"));
        assertRetryable(overloaded, Reason.UNAVAILABLE);
        assertThat(overloaded.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void aSuccessBodyThatIsNotAChatCompletionIsRetryable() {
        ProviderException html = failure(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>Service temporarily unavailable</body></html>"));
        assertRetryable(html, Reason.SERVER_ERROR);
        assertThat(html.getMessage()).contains("malformed", "not JSON");

        ProviderException noChoices = failure(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[]}"));
        assertRetryable(noChoices, Reason.SERVER_ERROR);
        assertThat(noChoices.getMessage()).contains("no choices[0].message");
    }

    @Test
    void aSlowAnswerTimesOutRetryably() {
        API.answer(completion(OpenAiApi.plan()).withFixedDelay(5_000));

        ProviderException failure = failure(API.writer(Map.of("openai.timeout", "1")));

        assertRetryable(failure, Reason.TIMEOUT);
    }

    @Test
    void aConnectionCutShortIsRetryable() {
        API.answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertRetryable(failure(API.writer()), Reason.UNAVAILABLE);

        API.answer(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        assertRetryable(failure(API.writer()), Reason.UNAVAILABLE);

        API.answer(aResponse().withFault(Fault.EMPTY_RESPONSE));
        assertRetryable(failure(API.writer()), Reason.UNAVAILABLE);
    }

    @Test
    void aServerThatIsNotThereIsRetryablyUnavailable() {
        String down;
        try (OpenAiApi gone = new OpenAiApi()) {
            down = gone.baseUrl();
        }
        ProviderException failure = failure(API.writer(Map.of("openai.base-url", down)));
        assertRetryable(failure, Reason.UNAVAILABLE);
    }

    @Test
    void goDurationsReadAsOpenAiWritesThem() {
        assertThat(OpenAiErrors.goDuration("1s")).contains(Duration.ofSeconds(1));
        assertThat(OpenAiErrors.goDuration("6m0s")).contains(Duration.ofMinutes(6));
        assertThat(OpenAiErrors.goDuration("20ms")).contains(Duration.ofMillis(20));
        assertThat(OpenAiErrors.goDuration("1h2m3.5s")).contains(Duration.ofMillis(3_723_500));
        assertThat(OpenAiErrors.goDuration("0.5")).contains(Duration.ofMillis(500));
        assertThat(OpenAiErrors.goDuration("")).isEmpty();
        assertThat(OpenAiErrors.goDuration("soon")).isEmpty();
        assertThat(OpenAiErrors.goDuration("5s later")).isEmpty();
    }

    private static ResponseDefinitionBuilder rateLimited(String limit) {
        return error(
                429,
                "Rate limit reached for gpt-4.1-mini in organization org-acme on " + limit
                        + " per min (RPM): Limit 500, Used 500, Requested 1.",
                limit,
                null,
                "rate_limit_exceeded");
    }

    private static ProviderException failure(ResponseDefinitionBuilder response) {
        API.answer(response);
        return failure(API.writer());
    }

    /** The failure of a plan call; it must be a ProviderException of OpenAI without the API key. */
    private static ProviderException failure(ContentWriter writer) {
        ProviderException failure = catchThrowableOfType(
                ProviderException.class,
                () -> writer.plan(
                        new ContentWriter.PlanRequest(CHANNEL, Map.of("topic", "black holes")),
                        TestProviderCall.forStage("planning")));
        assertThat(failure).as("the call's failure").isNotNull();
        assertThat(failure.provider()).isEqualTo("openai");
        assertThat(failure.getMessage()).startsWith("openai: ").doesNotContain(OpenAiApi.API_KEY);
        assertThat(String.valueOf(failure.getCause())).doesNotContain(OpenAiApi.API_KEY);
        return failure;
    }

    private static void assertPermanent(ProviderException failure, Reason reason) {
        assertThat(failure.reason()).as(failure.getMessage()).isEqualTo(reason);
        assertThat(failure.retryable()).as(failure.getMessage()).isFalse();
    }

    private static void assertRetryable(ProviderException failure, Reason reason) {
        assertThat(failure.reason()).as(failure.getMessage()).isEqualTo(reason);
        assertThat(failure.retryable()).as(failure.getMessage()).isTrue();
    }
}
