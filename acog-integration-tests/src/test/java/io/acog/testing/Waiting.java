package io.acog.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * How these tests wait for what worker threads and other processes bring about: on a condition,
 * with Awaitility, and generously. A loaded machine only makes the wait longer; a broken feature
 * never meets the condition, so the limit is a backstop, never a claim about speed.
 */
public final class Waiting {

    /** The backstop for anything one episode or a few jobs do. */
    public static final Duration PATIENCE = Duration.ofMinutes(5);
    /** The backstop for many episodes on several workers. */
    public static final Duration LONG_PATIENCE = Duration.ofMinutes(15);

    private Waiting() {}

    /** Waits up to {@link #PATIENCE}, looking every 20 ms. */
    public static ConditionFactory patiently() {
        return within(PATIENCE);
    }

    public static ConditionFactory within(Duration limit) {
        return Awaitility.await().atMost(limit).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20));
    }

    /**
     * Waits until {@code condition} holds; if it never does, fails saying {@code what} (computed at
     * the last look, so it can tell what was seen instead).
     */
    public static void until(Supplier<String> what, BooleanSupplier condition) {
        patiently().untilAsserted(() -> {
            if (!condition.getAsBoolean()) {
                throw new AssertionError(what.get());
            }
        });
    }
}
