package io.acog.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ProviderHttp;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI's error answers ({@code {"error": {message, type, param, code}}}) classified:
 *
 * <ul>
 *   <li>429 {@code insufficient_quota}: the account is out of credit, permanent {@link
 *       Reason#QUOTA_EXHAUSTED} (retrying spends nothing but time);
 *   <li>429 otherwise ({@code rate_limit_exceeded}): retryable {@link Reason#RATE_LIMITED}, after
 *       {@code retry-after-ms} or {@code retry-after}, else after the {@code x-ratelimit-reset-*}
 *       header of the limit that was hit ({@code 1s}, {@code 6m0s}, {@code 20ms});
 *   <li>400 {@code content_filter} or {@code content_policy_violation} (Azure OpenAI's prompt
 *       filter): permanent {@link Reason#CONTENT_REJECTED};
 *   <li>the rest by status, as {@link ProviderHttp#failure} does: 400 invalid request, 401 and 403
 *       authentication (403 is also a region OpenAI does not serve), 404 not found (an unknown
 *       model), all permanent; 408, 5xx retryable.
 * </ul>
 *
 * <p>Messages carry OpenAI's message, type, code and param and the request's {@code x-request-id}
 * (which OpenAI's support asks for), never the API key: OpenAI quotes part of a wrong key back
 * ("Incorrect API key provided: sk-proj-…abcd"), so anything shaped like a key is masked too.
 */
final class OpenAiErrors {

    /** A 400's codes that say the content, not the request, was refused. */
    private static final Set<String> CONTENT_CODES = Set.of("content_filter", "content_policy_violation");

    /** What OpenAI's own messages quote of a key, and anything else shaped like one. */
    private static final Pattern KEY_LIKE =
            Pattern.compile("(?i)(api key provided:\\s*)\\S+|\\bsk-[A-Za-z0-9_*\\-]{4,}|\\bBearer\\s+\\S+");

    /** One part of a Go duration, as the rate-limit headers write it: {@code 6m0s} is {@code 6m} then {@code 0s}. */
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|h|m|s)");

    private final ProviderHttp http;

    OpenAiErrors(ProviderHttp http) {
        this.http = http;
    }

    /**
     * Classifies a response whose status is not 2xx.
     *
     * @param response the response, its body as bytes
     * @param what what the call did, e.g. {@code "the plan's chat completion"}
     * @return the exception, to throw
     */
    ProviderException failure(HttpResponse<byte[]> response, String what) {
        ErrorBody error = ErrorBody.of(response.body());
        // the request id first: the excerpt a message quotes may cut a long error short
        String detail = mask(response.headers()
                        .firstValue("x-request-id")
                        .map(id -> "request " + id + ": ")
                        .orElse("")
                + error.describe(ProviderHttp.text(response.body())));
        int status = response.statusCode();
        if (status == 429) {
            if (error.is("insufficient_quota")) {
                return ProviderException.permanent(
                        OpenAiSettings.NAME,
                        Reason.QUOTA_EXHAUSTED,
                        http.message(
                                response.request(),
                                what,
                                "HTTP 429, the account's quota is used up (add credit or raise its budget)",
                                detail));
            }
            Duration wait = http.retryAfter(response.headers())
                    .or(() -> rateLimitReset(response.headers(), error.type()))
                    .orElse(null);
            return ProviderException.retryable(
                    OpenAiSettings.NAME,
                    Reason.RATE_LIMITED,
                    http.message(response.request(), what, "HTTP 429, rate limited", detail),
                    wait);
        }
        if (status == 400 && error.code() != null && CONTENT_CODES.contains(error.code())) {
            return ProviderException.permanent(
                    OpenAiSettings.NAME,
                    Reason.CONTENT_REJECTED,
                    http.message(response.request(), what, "HTTP 400, the content was refused", detail));
        }
        return http.failure(response, what, detail);
    }

    /**
     * Reads when the limit that was hit resets: {@code x-ratelimit-reset-requests} for a request
     * limit, {@code x-ratelimit-reset-tokens} for a token limit, the later of the two when the error
     * does not say which.
     *
     * @param headers the 429's headers
     * @param limit the error's {@code type}: {@code requests}, {@code tokens} or anything else
     * @return the wait, or empty when neither header is there or readable
     */
    static Optional<Duration> rateLimitReset(HttpHeaders headers, String limit) {
        Optional<Duration> requests =
                headers.firstValue("x-ratelimit-reset-requests").flatMap(OpenAiErrors::goDuration);
        Optional<Duration> tokens =
                headers.firstValue("x-ratelimit-reset-tokens").flatMap(OpenAiErrors::goDuration);
        if ("requests".equals(limit) && requests.isPresent()) {
            return requests;
        }
        if ("tokens".equals(limit) && tokens.isPresent()) {
            return tokens;
        }
        if (requests.isPresent() && tokens.isPresent()) {
            return Optional.of(requests.get().compareTo(tokens.get()) >= 0 ? requests.get() : tokens.get());
        }
        return requests.or(() -> tokens);
    }

    /**
     * Reads a duration as Go writes it, as OpenAI's rate-limit headers do: {@code 1s}, {@code
     * 6m0s}, {@code 20ms}, {@code 1h2m3.5s}; a bare number is seconds.
     *
     * @param text the header's value
     * @return the duration, or empty when it is not one
     */
    static Optional<Duration> goDuration(String text) {
        String value = text.trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.matches("\\d+(\\.\\d+)?")) {
            return Optional.of(nanos(new BigDecimal(value), 1_000_000_000L));
        }
        Matcher part = DURATION_PART.matcher(value);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < value.length()) {
            if (!part.find(at) || part.start() != at) {
                return Optional.empty();
            }
            long unit = switch (part.group(2)) {
                case "h" -> 3_600_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "s" -> 1_000_000_000L;
                case "ms" -> 1_000_000L;
                case "us", "µs" -> 1_000L;
                default -> 1L;
            };
            total = total.plus(nanos(new BigDecimal(part.group(1)), unit));
            at = part.end();
        }
        return Optional.of(total);
    }

    private static Duration nanos(BigDecimal amount, long unit) {
        return Duration.ofNanos(amount.multiply(BigDecimal.valueOf(unit)).longValue());
    }

    /** The text with whatever looks like an API key or a bearer token replaced by {@code ***}. */
    static String mask(String text) {
        Matcher matcher = KEY_LIKE.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            String replacement = matcher.group(1) != null ? matcher.group(1) + "***" : "***";
            matcher.appendReplacement(masked, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }

    /**
     * What an error body says. OpenAI writes {@code {"error": {message, type, param, code}}};
     * servers that mimic it sometimes write {@code {"error": "text"}} or put {@code message} at the
     * top (vLLM); anything else (a proxy's HTML page) is quoted as it is.
     */
    record ErrorBody(String message, String type, String code, String param, boolean parsed) {

        static ErrorBody of(byte[] body) {
            JsonNode root;
            try {
                root = body == null || body.length == 0 ? null : JsonBodies.MAPPER.readTree(body);
            } catch (IOException e) {
                root = null;
            }
            if (root == null || !root.isObject()) {
                return new ErrorBody(null, null, null, null, false);
            }
            JsonNode error = root.path("error");
            if (error.isTextual()) {
                return new ErrorBody(error.asText(), null, null, null, true);
            }
            JsonNode fields = error.isObject() ? error : root;
            return new ErrorBody(
                    text(fields.get("message")),
                    text(fields.get("type")),
                    text(fields.get("code")),
                    text(fields.get("param")),
                    true);
        }

        /** Whether the error's code or type is {@code value}. */
        boolean is(String value) {
            return value.equals(code) || value.equals(type);
        }

        /** The error as a message quotes it; the raw body when it was not OpenAI's JSON. */
        String describe(String rawBody) {
            if (!parsed) {
                return rawBody;
            }
            List<String> facts = new ArrayList<>(3);
            if (type != null) {
                facts.add("type " + type);
            }
            if (code != null) {
                facts.add("code " + code);
            }
            if (param != null) {
                facts.add("param " + param);
            }
            String said = message == null ? "" : message;
            String labels = facts.isEmpty() ? "" : " [" + String.join(", ", facts) + "]";
            return (said + labels).trim();
        }

        private static String text(JsonNode node) {
            return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
        }
    }
}
