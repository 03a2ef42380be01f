package io.acog.core.internal.worker;

/** Waits after errors: 50 ms, doubling up to 2 s. Not thread-safe: one per loop. */
final class Backoff {

    private static final long FIRST_MILLIS = 50;
    private static final long MAX_MILLIS = 2000;

    private long millis = FIRST_MILLIS;

    /**
     * Waits, then doubles the next wait.
     *
     * @return false when interrupted (the interrupt is kept)
     */
    boolean pause() {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        millis = Math.min(MAX_MILLIS, millis * 2);
        return true;
    }

    void reset() {
        millis = FIRST_MILLIS;
    }
}
