package io.acog.providers.runway;

import com.fasterxml.jackson.databind.JsonNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ProviderHttp;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runway's error answers, read and classified as its API documents them: 400 (an input is wrong;
 * the body says which), 401 (the key), 404 (no such task), 405 (a method the endpoint does not
 * take) are permanent; 429 (too many requests, or the account's daily generations used up), 502,
 * 503 and 504 (Runway shedding load) are retried with backoff and jitter. A body is {@code
 * {"error": "..."}}, with an {@code issues} array ({@code [{"path": [...], "message": "..."}]})
 * when the request failed validation.
 */
final class RunwayErrors {

    /** At most this share of a Retry-After is added to it, so that refused calls do not all return at once. */
    private static final double JITTER = 0.2;

    /** ... and at most this much. */
    private static final Duration MAX_JITTER = Duration.ofSeconds(5);

    private RunwayErrors() {}

    /**
     * Classifies a failed answer.
     *
     * @param http the adapter's HTTP support, for messages without secrets
     * @param response the answer, not 2xx
     * @param what what the call did, e.g. {@code "text-to-video"}
     * @param subject what the call was about, for a 404 (e.g. {@code "task 1234"})
     * @return the exception, to throw
     */
    static ProviderException classify(ProviderHttp http, HttpResponse<byte[]> response, String what, String subject) {
        int status = response.statusCode();
        String said = said(response.body());
        String provider = http.provider();
        return switch (status) {
            case 400 ->
                ProviderException.permanent(
                        provider,
                        Reason.INVALID_REQUEST,
                        http.message(
                                response.request(), what, "Runway refused the request as invalid (HTTP 400)", said));
            case 401 ->
                ProviderException.permanent(
                        provider,
                        Reason.AUTHENTICATION,
                        http.message(
                                response.request(),
                                what,
                                "the API key was refused (HTTP 401); check "
                                        + RunwaySettings.key(RunwaySettings.API_KEY)
                                        + " (a key of the Runway developer portal, not the web app's) and that the key"
                                        + " is enabled",
                                said));
            case 404 ->
                ProviderException.permanent(
                        provider,
                        Reason.NOT_FOUND,
                        http.message(
                                response.request(),
                                what,
                                subject + " does not exist at Runway (HTTP 404); check "
                                        + RunwaySettings.key(RunwaySettings.BASE_URL),
                                said));
            case 405 ->
                ProviderException.permanent(
                        provider,
                        Reason.INVALID_REQUEST,
                        http.message(
                                response.request(),
                                what,
                                "the endpoint does not take this method (HTTP 405); check "
                                        + RunwaySettings.key(RunwaySettings.BASE_URL) + " and "
                                        + RunwaySettings.key(RunwaySettings.API_VERSION),
                                said));
            case 429, 502, 503, 504 -> {
                ProviderException usual = http.failure(response, what, said);
                yield ProviderException.retryable(
                        provider,
                        usual.reason(),
                        http.message(
                                response.request(),
                                what,
                                status == 429
                                        ? "too many requests, or the account's daily generations are used up (HTTP 429)"
                                        : "Runway is shedding load (HTTP " + status + ")",
                                said),
                        jittered(http.retryAfter(response.headers())).orElse(null));
            }
            default -> http.failure(response, what, said);
        };
    }

    /**
     * Adds up to a fifth (at most 5 s) to a provider's wait, as Runway asks of clients that retry.
     * Without a wait, the pipeline's own backoff (which has jitter of its own) decides.
     *
     * @param retryAfter what the provider asked for
     * @return the wait, a little longer; empty when none was asked for
     */
    static Optional<Duration> jittered(Optional<Duration> retryAfter) {
        return retryAfter.map(wait -> {
            long most = Math.min((long) (wait.toMillis() * JITTER), MAX_JITTER.toMillis());
            return most <= 0
                    ? wait
                    : wait.plusMillis(ThreadLocalRandom.current().nextLong(most + 1));
        });
    }

    /**
     * Reads what an error body says: its {@code error}, and the fields its {@code issues} name.
     *
     * @param body the body
     * @return what it said; a body that is not Runway's JSON is quoted as it is
     */
    static String said(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : JsonBodies.MAPPER.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return ProviderHttp.text(body);
        }
        String error = text(root.get("error"));
        if (error == null) {
            error = text(root.get("message"));
        }
        List<String> issues = new ArrayList<>();
        JsonNode list = root.get("issues");
        if (list != null && list.isArray()) {
            for (JsonNode issue : list) {
                String path = path(issue.get("path"));
                String message = text(issue.get("message"));
                issues.add((path == null ? "" : path + ": ") + (message == null ? "invalid" : message));
            }
        }
        if (error == null && issues.isEmpty()) {
            return ProviderHttp.text(body);
        }
        return (error == null ? "" : error) + (issues.isEmpty() ? "" : " [" + String.join("; ", issues) + "]");
    }

    /** An issue's {@code path}, e.g. {@code ["duration"]}: {@code duration}. */
    private static String path(JsonNode path) {
        if (path == null || !path.isArray() || path.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        path.forEach(part -> parts.add(part.asText()));
        return String.join(".", parts);
    }

    private static String text(JsonNode node) {
        return node == null || !node.isTextual() || node.asText().isBlank() ? null : node.asText();
    }
}
