package io.acog.providers.elevenlabs;

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
import java.util.Set;

/**
 * ElevenLabs' error answers, read and classified. Three body shapes are read: {@code
 * {"detail":{"type","code","message","request_id","param"}}}, the older {@code
 * {"detail":{"status":"quota_exceeded","message"}}}, and FastAPI's validation errors {@code
 * {"detail":[{"loc","msg","type"}]}}. The error's code decides first, whatever the status (a
 * {@code voice_not_found} has come as 400 and as 404); then the status.
 */
final class ElevenLabsErrors {

    static final String QUOTA_EXCEEDED = "quota_exceeded";
    static final String INVALID_API_KEY = "invalid_api_key";
    static final String VOICE_NOT_FOUND = "voice_not_found";
    static final String RATE_LIMIT_EXCEEDED = "rate_limit_exceeded";

    /** 429s that mean "too many of your requests in flight": wait for one to end, spend no attempt. */
    static final Set<String> CONCURRENCY =
            Set.of("concurrent_limit_exceeded", "too_many_concurrent_requests", "system_busy");

    private ElevenLabsErrors() {}

    /**
     * What an error answer said.
     *
     * @param code its {@code code} (or the older {@code status}, or FastAPI's first {@code type});
     *     null when it gave none
     * @param message what it said, for the exception's message
     * @param field the request's field it names ({@code param}, or FastAPI's {@code loc} less its
     *     leading {@code body}); null for none
     */
    record Detail(String code, String message, String field) {}

    /**
     * Classifies a failed text-to-speech answer.
     *
     * @param http the adapter's HTTP support, for messages without secrets
     * @param response the answer
     * @param body its body
     * @param voiceId the voice asked for, named when it is not found
     * @return the exception, to throw
     */
    static ProviderException classify(ProviderHttp http, HttpResponse<?> response, byte[] body, String voiceId) {
        int status = response.statusCode();
        Detail detail = read(http, body);
        String code = detail.code() == null ? "" : detail.code();
        String said = detail.message();
        String provider = http.provider();
        Duration retryAfter = http.retryAfter(response.headers()).orElse(null);
        String what = TextToSpeechClient.WHAT;
        if (code.equals(QUOTA_EXCEEDED)) {
            return ProviderException.permanent(
                    provider,
                    Reason.QUOTA_EXHAUSTED,
                    http.message(
                            response.request(),
                            what,
                            "the ElevenLabs account is out of credits (HTTP " + status + " " + code
                                    + "); buy credits or enable usage-based billing, then retry the episode",
                            said));
        }
        if (code.equals(VOICE_NOT_FOUND) || status == 404) {
            return ProviderException.permanent(
                    provider,
                    Reason.NOT_FOUND,
                    http.message(
                            response.request(),
                            what,
                            "the voice '" + voiceId + "' does not exist for this account (HTTP " + status
                                    + (code.isEmpty() ? "" : " " + code) + "); check voice_profile.voice_id or "
                                    + ElevenLabsSettings.key(ElevenLabsSettings.VOICE_ID),
                            said));
        }
        if (CONCURRENCY.contains(code)) {
            return ProviderException.overConcurrencyLimit(
                    provider,
                    http.message(
                            response.request(),
                            what,
                            "too many requests in flight for the account's plan (HTTP " + status + " " + code
                                    + "); the call waits for one to end. If this recurs, set "
                                    + ElevenLabsSettings.key(ElevenLabsSettings.CONCURRENT_REQUESTS)
                                    + " to the plan's limit",
                            said),
                    retryAfter);
        }
        if (code.equals(RATE_LIMIT_EXCEEDED) || status == 429) {
            return ProviderException.retryable(
                    provider,
                    Reason.RATE_LIMITED,
                    http.message(response.request(), what, "rate limited (HTTP " + status + " " + code + ")", said),
                    retryAfter);
        }
        if (code.equals(INVALID_API_KEY) || status == 401) {
            return ProviderException.permanent(
                    provider,
                    Reason.AUTHENTICATION,
                    http.message(
                            response.request(),
                            what,
                            "the API key was refused (HTTP " + status + (code.isEmpty() ? "" : " " + code)
                                    + "); check " + ElevenLabsSettings.key(ElevenLabsSettings.API_KEY)
                                    + " and the key's permissions",
                            said));
        }
        if (status == 400 || status == 422) {
            String field = detail.field() == null ? "" : ", field " + detail.field();
            return ProviderException.permanent(
                    provider,
                    Reason.INVALID_REQUEST,
                    http.message(
                            response.request(),
                            what,
                            "the request was refused as invalid (HTTP " + status + (code.isEmpty() ? "" : " " + code)
                                    + field + ")",
                            said));
        }
        return http.failure(response, what, said);
    }

    /**
     * Reads what an error body says, in any of its shapes.
     *
     * @param http for excerpts without secrets
     * @param body the body
     * @return what it said; a body that is not one of the shapes is quoted
     */
    static Detail read(ProviderHttp http, byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : JsonBodies.MAPPER.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        JsonNode detail = root == null ? null : root.get("detail");
        if (detail != null && detail.isObject()) {
            String code = text(detail, "code");
            String message = text(detail, "message");
            String requestId = text(detail, "request_id");
            return new Detail(
                    code != null ? code : text(detail, "status"),
                    (message == null ? "" : message) + (requestId == null ? "" : " [request_id " + requestId + "]"),
                    text(detail, "param"));
        }
        if (detail != null && detail.isArray() && !detail.isEmpty()) {
            List<String> problems = new ArrayList<>();
            String field = null;
            for (JsonNode item : detail) {
                String location = location(item.get("loc"));
                if (field == null) {
                    field = location;
                }
                String msg = text(item, "msg");
                problems.add((location == null ? "" : location + ": ") + (msg == null ? "invalid" : msg));
            }
            return new Detail(text(detail.get(0), "type"), String.join("; ", problems), field);
        }
        if (detail != null && detail.isTextual()) {
            return new Detail(null, detail.asText(), null);
        }
        return new Detail(null, ProviderHttp.text(body), null);
    }

    /** FastAPI's {@code loc}, e.g. {@code ["body","voice_settings","stability"]}: {@code voice_settings.stability}. */
    private static String location(JsonNode loc) {
        if (loc == null || !loc.isArray() || loc.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode part : loc) {
            parts.add(part.asText());
        }
        if (parts.size() > 1 && parts.get(0).equals("body")) {
            parts.remove(0);
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (part.chars().allMatch(Character::isDigit) && path.length() > 0) {
                path.append('[').append(part).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(part);
            }
        }
        return path.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
