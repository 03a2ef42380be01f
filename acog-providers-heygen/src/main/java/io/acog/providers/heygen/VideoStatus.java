package io.acog.providers.heygen;

import com.fasterxml.jackson.databind.JsonNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ProviderHttp;
import io.acog.spi.ProviderException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What {@code GET /v3/videos/{video_id}} says of a render: {@code {"data":{"id","status",
 * "video_url","duration","failure_code","failure_message","created_at",…}}}. The v1 answer {@code
 * {"code":100,"data":{"id","status","video_url","duration","error":{"code","message","detail"}}}}
 * is read too, should the endpoint answer in it.
 *
 * @param state where the render stands
 * @param videoUrl the presigned URL of the finished video (a secret while it lives: never logged);
 *     null until completed
 * @param durationSeconds how long the video runs; null when not given
 * @param failureCode HeyGen's code for a failure; null when none was given
 * @param failureMessage HeyGen's words for a failure; null when none were given
 * @param createdAt when the render was created, in Unix seconds; null when not given
 * @param videoPageUrl the video's page in HeyGen's app; null when not given
 */
record VideoStatus(
        State state,
        URI videoUrl,
        BigDecimal durationSeconds,
        String failureCode,
        String failureMessage,
        Long createdAt,
        String videoPageUrl) {

    /** Where a render stands. */
    enum State {
        /** {@code pending}, {@code waiting} (queued) or {@code processing}. */
        RENDERING,
        /** {@code completed}: its {@code video_url} is ready. */
        COMPLETED,
        /** {@code failed}: HeyGen gave up. */
        FAILED
    }

    /** What the status answer is called in messages. */
    static final String WHAT = "the video status answer";

    /**
     * Reads a status answer.
     *
     * @param http the adapter's HTTP support, for messages without secrets
     * @param body the answer's body
     * @return the status
     * @throws ProviderException (retryable) when the body is not the documented JSON, its status is
     *     unknown, or a completed video has no URL
     */
    static VideoStatus parse(ProviderHttp http, byte[] body) {
        JsonNode root = JsonBodies.object(http, body, WHAT);
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw JsonBodies.malformed(
                    http, WHAT, "it has no data object (" + http.excerpt(ProviderHttp.text(body)) + ")");
        }
        String status = text(data, "status");
        State state = switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
            case "pending", "waiting", "processing" -> State.RENDERING;
            case "completed" -> State.COMPLETED;
            case "failed" -> State.FAILED;
            default ->
                throw JsonBodies.malformed(
                        http,
                        WHAT,
                        "its status is " + (status == null ? "missing" : "'" + http.excerpt(status) + "'")
                                + ", none of pending, waiting, processing, completed or failed");
        };
        URI videoUrl = null;
        if (state == State.COMPLETED) {
            String url = text(data, "video_url");
            if (url == null) {
                throw JsonBodies.malformed(http, WHAT, "the video is completed but has no video_url");
            }
            try {
                videoUrl = new URI(url);
            } catch (URISyntaxException e) {
                throw JsonBodies.malformed(http, WHAT, "its video_url is not a URL");
            }
            if (videoUrl.getScheme() == null || videoUrl.getHost() == null) {
                throw JsonBodies.malformed(http, WHAT, "its video_url is not an absolute URL");
            }
        }
        JsonNode duration = data.get("duration");
        JsonNode created = data.get("created_at");
        String failureCode = text(data, "failure_code");
        String failureMessage = text(data, "failure_message");
        JsonNode error = data.get("error"); // the v1 shape's failure
        if (error != null && error.isObject()) {
            failureCode = failureCode != null ? failureCode : text(error, "code");
            failureMessage = failureMessage != null
                    ? failureMessage
                    : text(error, "message") != null ? text(error, "message") : text(error, "detail");
        }
        return new VideoStatus(
                state,
                videoUrl,
                duration != null
                                && duration.isNumber()
                                && duration.decimalValue().signum() > 0
                        ? duration.decimalValue()
                        : null,
                failureCode,
                failureMessage,
                created != null && created.canConvertToLong() && created.isNumber() ? created.asLong() : null,
                text(data, "video_page_url"));
    }

    /** Leaves the presigned URL out. */
    @Override
    public String toString() {
        return "VideoStatus[" + state + ", duration " + durationSeconds + " s"
                + (failureCode == null ? "" : ", failure " + failureCode) + "]";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
