package io.acog.spi;

import java.util.Objects;

/**
 * A verified webhook delivery about a render: which render, and what the provider said happened.
 * The pipeline checks the render at once; its outcome is read from the provider's API.
 *
 * @param taskId the provider's id of the render, as {@link RenderTask#taskId()} gave it
 * @param type the provider's event type, e.g. {@code "avatar_video.success"}, for logs
 */
public record WebhookEvent(String taskId, String type) {

    /**
     * Creates an event; both components are required.
     *
     * @param taskId the provider's id of the render
     * @param type the provider's event type
     * @throws NullPointerException when a component is null
     */
    public WebhookEvent {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(type, "type");
    }
}
