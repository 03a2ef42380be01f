package io.acog.providers.http;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A deadline on reading an answer's body. The JDK client's request timeout ends when the answer's
 * headers arrive; a server that then stalls mid-body would hold the worker for good. At the
 * deadline the body's stream is closed, which ends a read blocked on it with an {@link
 * IOException}. {@link ProviderHttp#exchange} reads every body under one; an adapter that streams a
 * body itself arms its own. Thread-safe.
 *
 * <pre>{@code
 * InputStream body = response.body();
 * ReadDeadline deadline = ReadDeadline.arm(body, timeLeft);
 * try (body; deadline) {
 *     ... read ...
 * } catch (IOException e) {
 *     if (deadline.fired()) { ... a TIMEOUT ... }
 * }
 * }</pre>
 */
public final class ReadDeadline implements AutoCloseable {

    private final AtomicBoolean over = new AtomicBoolean();
    private volatile boolean fired;

    private ReadDeadline() {}

    /**
     * Closes {@code body} after {@code within}, unless this deadline is closed first.
     *
     * @param body the answer's body stream
     * @param within how long reading may take
     * @return the deadline; close it once the body is read
     */
    public static ReadDeadline arm(Closeable body, Duration within) {
        ReadDeadline deadline = new ReadDeadline();
        long millis = Math.max(1, within.toMillis());
        // run on the JDK's delay thread itself (closing is quick), not queued behind a busy common pool
        CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS, Runnable::run)
                .execute(() -> {
                    if (deadline.over.compareAndSet(false, true)) {
                        deadline.fired = true;
                        try {
                            body.close();
                        } catch (IOException | RuntimeException e) {
                            // the reader fails either way
                        }
                    }
                });
        return deadline;
    }

    /**
     * Tells whether the deadline passed and the body was closed under the reader.
     *
     * @return whether it fired
     */
    public boolean fired() {
        return fired;
    }

    /** Disarms the deadline: the body was read (or failed) in time. */
    @Override
    public void close() {
        over.set(true);
    }
}
