package io.acog.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * A render a provider accepted and works on: its id at the provider, and when it is worth asking
 * again. Long renders are submitted, then polled (or reported by webhook); no worker thread waits.
 *
 * @param taskId the provider's id of the render, e.g. HeyGen's {@code video_id}
 * @param checkAfter how long to wait before the first poll; {@link Duration#ZERO} polls at once
 */
public record RenderTask(String taskId, Duration checkAfter) {

    /**
     * Creates a task; both components are required.
     *
     * @param taskId the provider's id of the render, e.g. HeyGen's {@code video_id}
     * @param checkAfter how long to wait before the first poll; {@link Duration#ZERO} polls at once
     * @throws NullPointerException when a component is null
     */
    public RenderTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(checkAfter, "checkAfter");
    }
}
