package io.acog.providers.pexels;

import com.fasterxml.jackson.databind.JsonNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ProviderHttp;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Pexels' error answers, read and classified by status: 400 and 422 an invalid request, 401 and 403
 * a refused API key, 404 not found (all permanent); 429 rate limited ({@link RequestQuota} says
 * until when); 5xx and the rest retryable, as {@link ProviderHttp#failure} says. Pexels documents no
 * error body: what it says is read from {@code error}, {@code message}, {@code code} or {@code
 * status} of a JSON object, else quoted from the body.
 */
final class PexelsErrors {

    private PexelsErrors() {}

    /**
     * Classifies a failed API answer.
     *
     * @param http the adapter's HTTP support, for messages without secrets
     * @param quota the quota, which a 429 consults and holds back
     * @param response the answer, not 2xx
     * @param what the call, e.g. {@code "video search"}
     * @return the exception, to throw
     */
    static ProviderException classify(
            ProviderHttp http, RequestQuota quota, HttpResponse<byte[]> response, String what) {
        int status = response.statusCode();
        String said = said(response.body());
        String provider = http.provider();
        return switch (status) {
            case 400, 422 ->
                ProviderException.permanent(
                        provider,
                        Reason.INVALID_REQUEST,
                        http.message(
                                response.request(),
                                what,
                                "the request was refused as invalid (HTTP " + status + ")",
                                said));
            case 401, 403 ->
                ProviderException.permanent(
                        provider,
                        Reason.AUTHENTICATION,
                        http.message(
                                response.request(),
                                what,
                                "the API key was refused (HTTP " + status + "); check "
                                        + PexelsSettings.key(PexelsSettings.API_KEY)
                                        + " (a key from pexels.com/api, sent as Authorization without Bearer)",
                                said));
            case 404 ->
                ProviderException.permanent(
                        provider,
                        Reason.NOT_FOUND,
                        http.message(response.request(), what, "not found (HTTP 404)", said));
            case 429 -> quota.rateLimited(http, response, what, said);
            default -> http.failure(response, what, said);
        };
    }

    /**
     * Reads what an error body says.
     *
     * @param body the body
     * @return its words: the JSON's {@code error}, {@code message}, {@code code} and {@code status}
     *     joined, else the body itself; empty for none
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
        List<String> parts = new ArrayList<>();
        JsonNode error = root.path("error");
        if (error.isObject()) {
            add(parts, error.path("code"));
            add(parts, error.path("message"));
        } else {
            add(parts, error);
        }
        add(parts, root.path("code"));
        add(parts, root.path("message"));
        add(parts, root.path("status"));
        return parts.isEmpty() ? ProviderHttp.text(body) : String.join(": ", parts);
    }

    private static void add(List<String> parts, JsonNode value) {
        if (value.isValueNode() && !value.isNull() && !value.asText().isBlank() && !parts.contains(value.asText())) {
            parts.add(value.asText());
        }
    }
}
