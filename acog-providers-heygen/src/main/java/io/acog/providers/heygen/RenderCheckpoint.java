package io.acog.providers.heygen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.providers.http.JsonBodies;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.util.Optional;

/**
 * What a render job got from HeyGen so far, saved with {@link
 * io.acog.spi.ProviderCall#saveCheckpoint} the moment HeyGen answers, so that a retry (or another
 * worker, after a crash) neither uploads the audio again nor pays for a second render: the
 * uploaded audio's asset id, the video id of the render in progress, and how many of the job's
 * renders HeyGen gave up on (each later one is created under a new idempotency key, as HeyGen
 * would otherwise replay the failed one's answer). Saved as JSON such as {@code
 * {"v":1,"asset_id":"ast_1","video_id":"v_2","failed_renders":0}}; it holds no credentials.
 *
 * @param assetId HeyGen's id of the uploaded audio; null when none was uploaded
 * @param videoId HeyGen's id of the job's current render; null before one is created, and after
 *     HeyGen gave up on it
 * @param failedRenders how many of the job's renders HeyGen gave up on
 */
record RenderCheckpoint(String assetId, String videoId, int failedRenders) {

    private static final int VERSION = 1;

    /** The checkpoint of a job that has not begun. */
    static final RenderCheckpoint NONE = new RenderCheckpoint(null, null, 0);

    /**
     * Reads a saved checkpoint.
     *
     * @param saved what an earlier attempt saved, or empty
     * @return the checkpoint; {@link #NONE} when nothing was saved
     * @throws ProviderException (permanent) when it cannot be read: starting over could pay for a
     *     second render
     */
    static RenderCheckpoint read(Optional<String> saved) {
        if (saved.isEmpty() || saved.get().isBlank()) {
            return NONE;
        }
        try {
            JsonNode node = JsonBodies.MAPPER.readTree(saved.get());
            if (node != null && node.isObject() && node.path("v").asInt() == VERSION) {
                return new RenderCheckpoint(
                        text(node, "asset_id"),
                        text(node, "video_id"),
                        node.path("failed_renders").asInt(0));
            }
        } catch (JsonProcessingException e) {
            // unreadable: refused below
        }
        throw ProviderException.permanent(
                HeyGenSettings.NAME,
                Reason.INVALID_REQUEST,
                "the render's checkpoint is not one this adapter wrote (version " + VERSION
                        + " JSON), so it cannot tell whether HeyGen renders the video already; check the"
                        + " account's videos on HeyGen before rendering the episode again");
    }

    /**
     * Returns the checkpoint as saved.
     *
     * @return its JSON
     */
    String json() {
        ObjectNode node = JsonBodies.MAPPER.createObjectNode();
        node.put("v", VERSION);
        if (assetId != null) {
            node.put("asset_id", assetId);
        }
        if (videoId != null) {
            node.put("video_id", videoId);
        }
        node.put("failed_renders", failedRenders);
        return node.toString();
    }

    RenderCheckpoint withAssetId(String id) {
        return new RenderCheckpoint(id, videoId, failedRenders);
    }

    RenderCheckpoint withVideoId(String id) {
        return new RenderCheckpoint(assetId, id, failedRenders);
    }

    /** The render in progress failed: the next submit creates another, under a new key. */
    RenderCheckpoint withRenderFailed() {
        return new RenderCheckpoint(assetId, null, failedRenders + 1);
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText("");
        return value.isBlank() ? null : value;
    }
}
