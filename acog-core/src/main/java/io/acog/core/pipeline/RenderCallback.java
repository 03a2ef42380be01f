package io.acog.core.pipeline;

import java.util.Objects;

/**
 * A provider's word that a render ended, as a host's webhook endpoint received it (e.g. HeyGen's
 * {@code avatar_video.success} with its {@code video_id}). The pipeline then checks the render at
 * once instead of at its next poll; the poll reads the outcome.
 *
 * @param provider the provider's name, e.g. {@code "heygen"}
 * @param taskId the provider's id of the render
 */
public record RenderCallback(String provider, String taskId) {

    /**
     * Creates a callback.
     *
     * @param provider the provider's name, e.g. {@code "heygen"}
     * @param taskId the provider's id of the render
     * @throws NullPointerException when a component is null
     */
    public RenderCallback {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(taskId, "taskId");
    }
}
