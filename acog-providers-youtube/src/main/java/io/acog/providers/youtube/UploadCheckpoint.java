package io.acog.providers.youtube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.providers.http.JsonBodies;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.net.URI;
import java.util.Optional;

/**
 * How far an upload got, saved with {@link io.acog.spi.ProviderCall#saveCheckpoint} so another
 * attempt (or another worker, after a crash) resumes it: the resumable session and the size it was
 * started for, then the video's id, then whether the thumbnail and the captions are done. Saved as
 * JSON such as {@code {"v":1,"session":"https://…","size":1234,"video_id":"abc",
 * "thumbnail_done":true,"captions_done":false}}; it holds no credentials (the session URI names an
 * upload, not an account). Its {@code toString} leaves the session URI out.
 *
 * @param session the resumable session's URI; null before one is started
 * @param size the size of the video the session was started for, in bytes; 0 without a session
 * @param videoId YouTube's id of the uploaded video; null until YouTube has it
 * @param thumbnailDone whether the thumbnail was set (or given up on)
 * @param captionsDone whether the captions were inserted (or given up on)
 */
record UploadCheckpoint(URI session, long size, String videoId, boolean thumbnailDone, boolean captionsDone) {

    private static final int VERSION = 1;

    /** The checkpoint of a job that has not begun. */
    static final UploadCheckpoint NONE = new UploadCheckpoint(null, 0, null, false, false);

    /**
     * Reads a saved checkpoint.
     *
     * @param saved what an earlier attempt saved, or empty
     * @return the checkpoint; {@link #NONE} when nothing was saved
     * @throws ProviderException (permanent) when it cannot be read: starting over could upload the
     *     video twice
     */
    static UploadCheckpoint read(Optional<String> saved) {
        if (saved.isEmpty() || saved.get().isBlank()) {
            return NONE;
        }
        try {
            JsonNode node = JsonBodies.MAPPER.readTree(saved.get());
            if (node != null && node.isObject() && node.path("v").asInt() == VERSION) {
                String session = node.path("session").asText("");
                String videoId = node.path("video_id").asText("");
                return new UploadCheckpoint(
                        session.isEmpty() ? null : URI.create(session),
                        node.path("size").asLong(0),
                        videoId.isEmpty() ? null : videoId,
                        node.path("thumbnail_done").asBoolean(false),
                        node.path("captions_done").asBoolean(false));
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // unreadable: refused below
        }
        throw ProviderException.permanent(
                YouTubeSettings.NAME,
                Reason.INVALID_REQUEST,
                "the upload's checkpoint is not one this adapter wrote (version " + VERSION
                        + " JSON), so it cannot tell whether the video was uploaded already; check the"
                        + " channel on YouTube before publishing the episode again");
    }

    /**
     * Returns the checkpoint as saved.
     *
     * @return its JSON
     */
    String json() {
        ObjectNode node = JsonBodies.MAPPER.createObjectNode();
        node.put("v", VERSION);
        if (session != null) {
            node.put("session", session.toString());
            node.put("size", size);
        }
        if (videoId != null) {
            node.put("video_id", videoId);
        }
        node.put("thumbnail_done", thumbnailDone);
        node.put("captions_done", captionsDone);
        return node.toString();
    }

    UploadCheckpoint withSession(URI newSession, long newSize) {
        return new UploadCheckpoint(newSession, newSize, videoId, thumbnailDone, captionsDone);
    }

    UploadCheckpoint withVideoId(String id) {
        return new UploadCheckpoint(session, size, id, thumbnailDone, captionsDone);
    }

    UploadCheckpoint withThumbnailDone() {
        return new UploadCheckpoint(session, size, videoId, true, captionsDone);
    }

    UploadCheckpoint withCaptionsDone() {
        return new UploadCheckpoint(session, size, videoId, thumbnailDone, true);
    }

    @Override
    public String toString() {
        return "UploadCheckpoint[session " + (session == null ? "none" : "saved") + ", size " + size + ", video "
                + videoId + ", thumbnail " + (thumbnailDone ? "done" : "to do") + ", captions "
                + (captionsDone ? "done" : "to do") + "]";
    }
}
