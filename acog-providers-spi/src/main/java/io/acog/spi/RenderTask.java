package io.acog.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * A render a provider accepted and works on: its id at the provider, and when it is worth asking
 * again. Long renders are submitted, then polled (or reported by webhook); no worker thread waits.
 */
public record RenderTask(String taskId, Duration checkAfter) {

    public RenderTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(checkAfter, "checkAfter");
    }
}
