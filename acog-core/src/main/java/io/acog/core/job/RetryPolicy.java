package io.acog.core.job;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a failed job waits before its next attempt: {@code base × 2^retry}, capped at {@code
 * max}, of which a random share up to {@code jitter} is taken off, so that jobs failing together do
 * not retry together.
 *
 * @param base the wait before the first retry, without jitter
 * @param max the longest wait
 * @param jitter between 0 (none) and 1 (anywhere from 0 to the full delay)
 */
public record RetryPolicy(Duration base, Duration max, double jitter) {

    /** 2 s, 4 s, 8 s, ... up to 10 minutes, with up to half taken off at random. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(10), 0.5);

    /**
     * Creates a policy.
     *
     * @param base the wait before the first retry, without jitter
     * @param max the longest wait
     * @param jitter between 0 (none) and 1 (anywhere from 0 to the full delay)
     * @throws NullPointerException when {@code base} or {@code max} is null
     * @throws IllegalArgumentException when {@code base} is negative, {@code max} is shorter than
     *     {@code base}, or {@code jitter} lies outside 0 to 1
     */
    public RetryPolicy {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 <= base <= max, got base " + base + " and max " + max);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must lie between 0 and 1, got " + jitter);
        }
    }

    /**
     * Returns the wait before retry number {@code retry + 1}, for a random draw in [0, 1).
     *
     * @param retry how many retries came before, from 0
     * @param random a draw in [0, 1): 0 takes nothing off
     * @return the wait, to the millisecond
     */
    public Duration delay(int retry, double random) {
        long ceiling = max.toMillis();
        long full = base.toMillis() << Math.min(retry, 30);
        if (full < 0 || full > ceiling) {
            full = ceiling;
        }
        return Duration.ofMillis(full - (long) (full * jitter * random));
    }

    /**
     * Returns the longest wait before retry number {@code retry + 1}.
     *
     * @param retry how many retries came before, from 0
     * @return the wait without jitter
     */
    public Duration maxDelay(int retry) {
        return delay(retry, 0);
    }

    /**
     * Returns the shortest wait before retry number {@code retry + 1}.
     *
     * @param retry how many retries came before, from 0
     * @return the wait with all the jitter taken off
     */
    public Duration minDelay(int retry) {
        return delay(retry, Math.nextDown(1.0));
    }
}
