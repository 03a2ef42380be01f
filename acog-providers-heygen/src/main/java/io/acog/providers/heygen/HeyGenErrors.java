package io.acog.providers.heygen;

import com.fasterxml.jackson.databind.JsonNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ProviderHttp;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * HeyGen's error answers, read and classified. The v3 shape is {@code {"error":{"code",
 * "message","param","doc_url"}}}; the older {@code {"code":40009,"message":…}} and {@code
 * {"error":"…"}} are read too. The error's code decides first, whatever the status (an unknown
 * avatar has come as 400 {@code avatar_not_found}), then the status:
 *
 * <ul>
 *   <li>402 or {@code insufficient_credit}: the account is out of credit, permanent;
 *   <li>409 {@code request_in_progress} (or a 409 without a code, the only one HeyGen documents):
 *       the first call with the same idempotency key is still in flight: tried again shortly,
 *       without spending an attempt;
 *   <li>401 and 403: the key was refused, permanent;
 *   <li>404 or a {@code *_not_found} code: permanent;
 *   <li>429: rate limited (or over the account's concurrent renders), retried after its {@code
 *       Retry-After};
 *   <li>400, 413, 422: invalid, permanent, naming the field ({@code param});
 *   <li>5xx: HeyGen's failure, retryable.
 * </ul>
 */
final class HeyGenErrors {

    static final String INSUFFICIENT_CREDIT = "insufficient_credit";
    static final String REQUEST_IN_PROGRESS = "request_in_progress";
    static final String RATE_LIMIT_EXCEEDED = "rate_limit_exceeded";

    /** How long to wait for the first call of an idempotency key when HeyGen does not say. */
    static final Duration IN_PROGRESS_WAIT = Duration.ofSeconds(5);

    private HeyGenErrors() {}

    /**
     * What an error answer said.
     *
     * @param code its {@code code}, lower case; null when it gave none
     * @param message what it said, for the exception's message; may be empty
     * @param param the request's field it names; null for none
     * @param docUrl HeyGen's page about the error; null for none
     */
    record Detail(String code, String message, String param, String docUrl) {}

    /**
     * Classifies a failed answer.
     *
     * @param http the adapter's HTTP support, for messages without secrets
     * @param response the answer, its status not 2xx
     * @param what what the call did, e.g. {@code "create video"}
     * @return the exception, to throw
     */
    static ProviderException classify(ProviderHttp http, HttpResponse<byte[]> response, String what) {
        int status = response.statusCode();
        Detail detail = read(response.body());
        String code = detail.code() == null ? "" : detail.code();
        String said = said(detail);
        String named = "HTTP " + status + (code.isEmpty() ? "" : " " + code);
        String provider = http.provider();
        Duration retryAfter = http.retryAfter(response.headers()).orElse(null);
        if (code.equals(INSUFFICIENT_CREDIT) || status == 402) {
            return ProviderException.permanent(
                    provider,
                    Reason.QUOTA_EXHAUSTED,
                    http.message(
                            response.request(),
                            what,
                            "the HeyGen account is out of credit (" + named
                                    + "); top up its balance or plan, then retry the episode",
                            said));
        }
        if (code.equals(REQUEST_IN_PROGRESS) || (status == 409 && code.isEmpty())) {
            return ProviderException.overConcurrencyLimit(
                    provider,
                    http.message(
                            response.request(),
                            what,
                            "the first request with this idempotency key is still in flight (" + named
                                    + "); asking again shortly returns its answer",
                            said),
                    retryAfter == null ? IN_PROGRESS_WAIT : retryAfter);
        }
        if (status == 401 || status == 403 || code.equals("unauthorized") || code.equals("forbidden")) {
            return ProviderException.permanent(
                    provider,
                    Reason.AUTHENTICATION,
                    http.message(
                            response.request(),
                            what,
                            "the API key was refused (" + named + "); check "
                                    + HeyGenSettings.key(HeyGenSettings.API_KEY) + " and the key's permissions",
                            said));
        }
        if (status == 404 || code.endsWith("_not_found")) {
            String hint = code.startsWith("avatar") ? "; check the channel's avatar_profile.avatar_id" : "";
            return ProviderException.permanent(
                    provider,
                    Reason.NOT_FOUND,
                    http.message(response.request(), what, "not found (" + named + ")" + hint, said));
        }
        if (status == 429 || code.equals(RATE_LIMIT_EXCEEDED)) {
            return ProviderException.retryable(
                    provider,
                    Reason.RATE_LIMITED,
                    http.message(
                            response.request(),
                            what,
                            "rate limited, or over the account's concurrent renders (" + named + ")",
                            said),
                    retryAfter);
        }
        if (status == 400 || status == 413 || status == 422) {
            String field = detail.param() == null ? "" : ", field " + detail.param();
            return ProviderException.permanent(
                    provider,
                    Reason.INVALID_REQUEST,
                    http.message(
                            response.request(),
                            what,
                            "the request was refused as invalid (" + named + field + ")",
                            said));
        }
        return http.failure(response, what, said);
    }

    /**
     * Reads what an error body says, in any of its shapes.
     *
     * @param body the body
     * @return what it said; a body that is none of the shapes is quoted as the message
     */
    static Detail read(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : JsonBodies.MAPPER.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return new Detail(null, ProviderHttp.text(body), null, null);
        }
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            return new Detail(
                    lower(text(error, "code")),
                    orEmpty(text(error, "message")),
                    text(error, "param"),
                    text(error, "doc_url"));
        }
        if (error != null && error.isTextual()) {
            return new Detail(null, error.asText(), null, null);
        }
        // the v1 shape: {"code": 40009, "message": "..."}
        return new Detail(lower(text(root, "code")), orEmpty(text(root, "message")), null, null);
    }

    private static String said(Detail detail) {
        return detail.message() + (detail.docUrl() == null ? "" : " (" + detail.docUrl() + ")");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
