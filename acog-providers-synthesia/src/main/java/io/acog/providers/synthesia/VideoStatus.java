package io.acog.providers.synthesia;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * What {@code GET /v2/videos/{id}} says of a video: its status, and once {@code complete} its
 * time-limited {@code download} URL and {@code duration}. The download URL is a secret while it
 * lives: {@link #toString()} leaves it out.
 *
 * @param id the video's id
 * @param status {@code in_progress}, {@code complete}, {@code error}, {@code rejected}, or another
 *     the API adds ({@code deleted}, {@code approved}), in lower case
 * @param download the download URL; null until complete
 * @param durationMs how long the video runs, in milliseconds; -1 when not given or unreadable
 * @param reason what the answer says of a failure, where it says anything; null otherwise
 */
record VideoStatus(String id, String status, String download, long durationMs, String reason) {

    static final String IN_PROGRESS = "in_progress";
    static final String COMPLETE = "complete";
    static final String ERROR = "error";
    static final String REJECTED = "rejected";
    static final String DELETED = "deleted";
    /** Listed in the OpenAPI's status enum without a description: moderation passed, render going on. */
    static final String APPROVED = "approved";

    /**
     * Fields a failed video's reason might be in: the API documents none, so whichever of these is
     * present is quoted.
     */
    private static final List<String> REASON_FIELDS =
            List.of("error", "errorMessage", "error_message", "failureReason", "reason", "message", "detail");

    /**
     * Reads a video from its JSON.
     *
     * @param json the video object
     * @return the video; its status is empty when the answer names none
     */
    static VideoStatus of(JsonNode json) {
        String status = json.path("status").asText("").trim().toLowerCase(Locale.ROOT);
        String download = json.path("download").asText("").trim();
        return new VideoStatus(
                json.path("id").asText(""),
                status,
                download.isEmpty() ? null : download,
                VideoDuration.millis(json.get("duration")),
                reason(json));
    }

    private static String reason(JsonNode json) {
        for (String field : REASON_FIELDS) {
            JsonNode value = json.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isObject()) {
                String message = value.path("message").asText("").trim();
                String code = value.path("code").asText("").trim();
                String text = (code + " " + message).trim();
                if (!text.isEmpty()) {
                    return text;
                }
            } else if (value.isValueNode() && !value.asText().isBlank()) {
                return value.asText().trim();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "VideoStatus[" + id + ", " + status + ", download " + (download == null ? "none" : "given") + ", "
                + durationMs + " ms]";
    }
}
