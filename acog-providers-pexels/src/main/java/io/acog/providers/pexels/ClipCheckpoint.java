package io.acog.providers.pexels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.providers.http.JsonBodies;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a clip's job keeps with {@link io.acog.spi.ProviderCall#saveCheckpoint}: the clip chosen,
 * so that a retried submit (after a crash between Pexels' answer and ACOG recording the task)
 * returns the same choice instead of searching again; and the videos found gone since, so that the
 * search after one skips them. Saved as JSON such as {@code {"v":1,"task":"2499611:9256581",
 * "gone":[1526909]}}; it holds no link and no credential.
 *
 * @param taskId the chosen clip's task id; null before one is chosen, or once it was found gone
 * @param goneVideoIds the videos found gone (removed from Pexels), to skip, oldest first
 */
record ClipCheckpoint(String taskId, List<Long> goneVideoIds) {

    private static final int VERSION = 1;

    /** How many gone videos are remembered: far more than a clip meets, well within 4,000 characters. */
    private static final int GONE_KEPT = 100;

    /** The checkpoint of a clip not chosen yet. */
    static final ClipCheckpoint NONE = new ClipCheckpoint(null, List.of());

    ClipCheckpoint {
        goneVideoIds = List.copyOf(goneVideoIds);
    }

    /**
     * Reads a saved checkpoint.
     *
     * @param saved what an earlier attempt saved
     * @return the checkpoint, or empty when it is not one this adapter wrote
     */
    static Optional<ClipCheckpoint> parse(String saved) {
        try {
            JsonNode node = saved == null || saved.isBlank() ? null : JsonBodies.MAPPER.readTree(saved);
            if (node == null || !node.isObject() || node.path("v").asInt() != VERSION) {
                return Optional.empty();
            }
            String task = node.path("task").asText("");
            if (!task.isEmpty() && ClipTask.parse(task).isEmpty()) {
                return Optional.empty();
            }
            List<Long> gone = new ArrayList<>();
            for (JsonNode id : node.path("gone")) {
                if (id.canConvertToLong()) {
                    gone.add(id.asLong());
                }
            }
            return Optional.of(new ClipCheckpoint(task.isEmpty() ? null : task, gone));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns the checkpoint as saved.
     *
     * @return its JSON
     */
    String json() {
        ObjectNode node = JsonBodies.MAPPER.createObjectNode();
        node.put("v", VERSION);
        if (taskId != null) {
            node.put("task", taskId);
        }
        if (!goneVideoIds.isEmpty()) {
            goneVideoIds.forEach(node.putArray("gone")::add);
        }
        return node.toString();
    }

    /**
     * Returns this checkpoint with a clip chosen.
     *
     * @param chosen the chosen clip's task id
     * @return the changed copy
     */
    ClipCheckpoint withTask(String chosen) {
        return new ClipCheckpoint(chosen, goneVideoIds);
    }

    /**
     * Returns this checkpoint with the chosen clip let go of because its video is gone: the next
     * submit searches again and skips it.
     *
     * @param videoId the gone video
     * @return the changed copy, without a task
     */
    ClipCheckpoint withGone(long videoId) {
        Set<Long> gone = new LinkedHashSet<>(goneVideoIds);
        gone.remove(videoId);
        gone.add(videoId);
        List<Long> kept = new ArrayList<>(gone);
        return new ClipCheckpoint(null, kept.subList(Math.max(0, kept.size() - GONE_KEPT), kept.size()));
    }
}
