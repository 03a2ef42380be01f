package io.acog.core.internal.worker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * How many unfinished jobs a worker may hold: one per handler thread, and while its handlers are
 * fast a few more waiting in its hands, no more than it starts within {@link #BUFFER_NANOS} at the
 * pace its handlers run now. A claimed job is shown as running, so a worker that held more (a slow
 * or stalled one) would keep jobs from workers that could start them at once. A finished job whose
 * outcome is still being written keeps no one waiting: it does not count, so claiming goes on
 * while outcomes are written, unless as many wait to be written as may be held. Thread-safe.
 */
final class Capacity {

    /** Jobs waiting in a worker's hands start within about this long. */
    static final long BUFFER_NANOS = 20_000_000;

    private final int threads;
    private final int batchSize;
    private final AtomicInteger reserved = new AtomicInteger();
    /** When each running handler began, by its job. */
    private final Map<Object, Long> running = new ConcurrentHashMap<>();
    /**
     * How long handlers take, smoothed; until one has finished, unknown, and the worker holds no
     * more than its threads (a handler that never returns makes no room for a buffer).
     */
    private volatile double meanRunNanos = Double.NaN;

    /** The time in nanoseconds, {@link System#nanoTime} but in tests. */
    private final LongSupplier nanoTime;

    Capacity(int threads, int batchSize) {
        this(threads, batchSize, System::nanoTime);
    }

    Capacity(int threads, int batchSize, LongSupplier nanoTime) {
        this.threads = threads;
        this.batchSize = batchSize;
        this.nanoTime = nanoTime;
    }

    /** A handler starts on {@code job}; end it with {@link #ran}. */
    void begin(Object job) {
        running.put(job, nanoTime.getAsLong());
    }

    /** The handler that began on {@code job} has ended. */
    void ran(Object job) {
        Long began = running.remove(job);
        if (began != null) {
            ran(nanoTime.getAsLong() - began);
        }
    }

    /** A handler ran for {@code nanos}. */
    void ran(long nanos) {
        // racy on purpose: a smoothed estimate needs no lock
        double mean = meanRunNanos;
        meanRunNanos = Double.isNaN(mean) ? Math.max(nanos, 1) : 0.9 * mean + 0.1 * Math.max(nanos, 1);
    }

    /**
     * The most jobs the worker may hold now. A handler running for longer than handlers took so
     * far counts as the pace: a worker whose handlers stall claims nothing beyond its threads.
     */
    int limit() {
        double mean = meanRunNanos;
        if (Double.isNaN(mean)) {
            return threads; // no handler has ended yet
        }
        long now = nanoTime.getAsLong();
        for (long began : running.values()) {
            mean = Math.max(mean, now - began);
        }
        double waiting = threads * (BUFFER_NANOS / Math.max(mean, 1));
        return threads + (int) Math.min(waiting, 2.0 * batchSize);
    }

    /**
     * Reserves room for a claim, given the unfinished jobs held and the finished ones whose
     * outcomes wait to be written: a batch when at least half the room is free (a full one when
     * there is room for it), or whatever is free when nothing is held; else 0. Release what the
     * claim did not use with {@link #release}.
     */
    int reserve(int unfinished, int unwritten) {
        while (true) {
            int limit = limit();
            if (unwritten >= limit) {
                return 0;
            }
            int taken = reserved.get();
            int free = limit - unfinished - taken;
            int want = free >= threshold(limit)
                    ? Math.min(free, batchSize)
                    : unfinished == 0 && taken == 0 ? Math.max(0, Math.min(free, batchSize)) : 0;
            if (want == 0 || reserved.compareAndSet(taken, taken + want)) {
                return want;
            }
        }
    }

    /**
     * Whether a job that just finished, leaving {@code unfinished}, made room for a claim that
     * there was no room for before: the moment to wake a waiting claimer.
     */
    boolean opened(int unfinished) {
        int limit = limit();
        int free = limit - unfinished - reserved.get();
        return free == threshold(limit);
    }

    /** The least room worth a claim while jobs are held: a batch, or half the limit. */
    private int threshold(int limit) {
        return Math.min(batchSize, Math.max(1, limit / 2));
    }

    /** Gives back a reservation once its claim is held (or failed). */
    void release(int reservation) {
        reserved.addAndGet(-reservation);
    }
}
