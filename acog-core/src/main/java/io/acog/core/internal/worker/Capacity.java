package io.acog.core.internal.worker;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many jobs a worker may hold: one per handler thread, and while its handlers are fast a few
 * more waiting in its hands, no more than it starts within {@link #BUFFER_NANOS} at the pace its
 * handlers run now. A claimed job is shown as running, so a worker that held more (a slow or
 * stalled one) would keep jobs from workers that could start them at once. Thread-safe.
 */
final class Capacity {

    /** Jobs waiting in a worker's hands start within about this long. */
    static final long BUFFER_NANOS = 20_000_000;
    /** How long handlers are taken to run until seen running (a cautious start). */
    static final double FIRST_RUN_NANOS = 5_000_000;

    private final int threads;
    private final int batchSize;
    private final AtomicInteger reserved = new AtomicInteger();
    /** How long handlers take, smoothed. */
    private volatile double meanRunNanos = FIRST_RUN_NANOS;

    Capacity(int threads, int batchSize) {
        this.threads = threads;
        this.batchSize = batchSize;
    }

    /** A handler ran for {@code nanos}. */
    void ran(long nanos) {
        // racy on purpose: a smoothed estimate needs no lock
        meanRunNanos = 0.9 * meanRunNanos + 0.1 * Math.max(nanos, 1);
    }

    /** The most jobs the worker may hold now. */
    int limit() {
        double waiting = threads * (BUFFER_NANOS / meanRunNanos);
        return threads + (int) Math.min(waiting, 2.0 * batchSize);
    }

    /**
     * Reserves room for a claim, given the jobs held: a batch when at least half the room is free
     * (a full one when there is room for it), or whatever is free when nothing is held; else 0.
     * Release what the claim did not use with {@link #release}.
     */
    int reserve(int held) {
        while (true) {
            int limit = limit();
            int taken = reserved.get();
            int free = limit - held - taken;
            int want = free >= Math.min(batchSize, Math.max(1, limit / 2))
                    ? Math.min(free, batchSize)
                    : held == 0 && taken == 0 ? Math.max(0, Math.min(free, batchSize)) : 0;
            if (want == 0 || reserved.compareAndSet(taken, taken + want)) {
                return want;
            }
        }
    }

    /** Gives back a reservation once its claim is held (or failed). */
    void release(int reservation) {
        reserved.addAndGet(-reservation);
    }
}
