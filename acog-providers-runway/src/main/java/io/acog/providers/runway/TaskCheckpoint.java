package io.acog.providers.runway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.providers.http.JsonBodies;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.util.Optional;

/**
 * The Runway task a clip's job created, saved with {@link io.acog.spi.ProviderCall#saveCheckpoint}
 * the moment Runway answers the create, so that a later attempt (a retry, or another worker after
 * a crash) takes the same task up instead of paying for a second one. Saved as JSON such as {@code
 * {"v":1,"task":"7f8a…","model":"gen4.5","seconds":5,"ratio":"1280:720"}}; {@code "ended":true} is
 * added once the task failed or was cancelled, so that the next attempt creates a new one. It holds
 * no credentials.
 *
 * @param taskId Runway's id of the task
 * @param model the model it was created with
 * @param seconds the duration it was created with (what Runway bills)
 * @param ratio the frame it was created with
 * @param ended whether the task failed or was cancelled: nothing is left to take up
 */
record TaskCheckpoint(String taskId, String model, int seconds, String ratio, boolean ended) {

    private static final int VERSION = 1;

    /**
     * Reads a saved checkpoint.
     *
     * @param saved what an earlier attempt saved, or empty
     * @return the checkpoint; empty when nothing was saved
     * @throws ProviderException (permanent) when it cannot be read: creating a task anyway could pay
     *     for the clip twice
     */
    static Optional<TaskCheckpoint> read(Optional<String> saved) {
        if (saved.isEmpty() || saved.get().isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JsonBodies.MAPPER.readTree(saved.get());
            if (node != null
                    && node.isObject()
                    && node.path("v").asInt() == VERSION
                    && !node.path("task").asText("").isBlank()) {
                return Optional.of(new TaskCheckpoint(
                        node.path("task").asText(),
                        node.path("model").asText(""),
                        node.path("seconds").asInt(0),
                        node.path("ratio").asText(""),
                        node.path("ended").asBoolean(false)));
            }
        } catch (JsonProcessingException e) {
            // unreadable: refused below
        }
        throw ProviderException.permanent(
                RunwaySettings.NAME,
                Reason.INVALID_REQUEST,
                "the clip's checkpoint is not one this adapter wrote (version " + VERSION + " JSON with a task),"
                        + " so it cannot tell whether a Runway task was created for it already; check the account's"
                        + " tasks at Runway before rendering the clip again");
    }

    /**
     * Returns the checkpoint as saved.
     *
     * @return its JSON
     */
    String json() {
        ObjectNode node = JsonBodies.MAPPER.createObjectNode();
        node.put("v", VERSION);
        node.put("task", taskId);
        node.put("model", model);
        node.put("seconds", seconds);
        node.put("ratio", ratio);
        if (ended) {
            node.put("ended", true);
        }
        return node.toString();
    }

    /**
     * Returns this checkpoint marked as ended.
     *
     * @return a copy whose task is not taken up again
     */
    TaskCheckpoint withEnded() {
        return new TaskCheckpoint(taskId, model, seconds, ratio, true);
    }
}
