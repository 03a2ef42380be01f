package io.acog.providers.synthesia;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.providers.http.JsonBodies;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.util.Optional;

/**
 * How far a submit got, saved with {@link io.acog.spi.ProviderCall#saveCheckpoint} the moment
 * Synthesia answers, so that a later attempt (another worker, after a crash) neither uploads the
 * audio again nor, above all, creates (and pays for) a second video: Synthesia takes no idempotency
 * key. Saved as JSON such as {@code {"v":1,"audio_id":"…","video_id":"…"}}; it holds Synthesia's
 * ids only, no credentials.
 *
 * @param audioId the id Synthesia gave the uploaded script audio; null before the upload
 * @param videoId the id of the video created from it; null before the create, and again once the
 *     video failed (a retry then creates another)
 */
record RenderCheckpoint(String audioId, String videoId) {

    private static final int VERSION = 1;

    /** The checkpoint of a job that has not begun. */
    static final RenderCheckpoint NONE = new RenderCheckpoint(null, null);

    /**
     * Reads a saved checkpoint.
     *
     * @param saved what an earlier attempt saved, or empty
     * @return the checkpoint; {@link #NONE} when nothing was saved
     * @throws ProviderException (permanent) when it cannot be read: creating a video anyway could
     *     pay for the render twice
     */
    static RenderCheckpoint read(Optional<String> saved) {
        if (saved.isEmpty() || saved.get().isBlank()) {
            return NONE;
        }
        try {
            JsonNode node = JsonBodies.MAPPER.readTree(saved.get());
            if (node != null && node.isObject() && node.path("v").asInt() == VERSION) {
                return new RenderCheckpoint(text(node, "audio_id"), text(node, "video_id"));
            }
        } catch (JsonProcessingException e) {
            // unreadable: refused below
        }
        throw ProviderException.permanent(
                SynthesiaSettings.NAME,
                Reason.INVALID_REQUEST,
                "the render's checkpoint is not one this adapter wrote (version " + VERSION
                        + " JSON), so it cannot tell whether Synthesia already renders this episode's video;"
                        + " check the account's videos at Synthesia before running the episode again");
    }

    /**
     * Returns the checkpoint as saved.
     *
     * @return its JSON
     */
    String json() {
        ObjectNode node = JsonBodies.MAPPER.createObjectNode();
        node.put("v", VERSION);
        if (audioId != null) {
            node.put("audio_id", audioId);
        }
        if (videoId != null) {
            node.put("video_id", videoId);
        }
        return node.toString();
    }

    RenderCheckpoint withAudio(String id) {
        return new RenderCheckpoint(id, videoId);
    }

    RenderCheckpoint withVideo(String id) {
        return new RenderCheckpoint(audioId, id);
    }

    RenderCheckpoint withoutVideo() {
        return new RenderCheckpoint(audioId, null);
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText("");
        return value.isBlank() ? null : value;
    }
}
