package io.acog.core.job;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a failed job waits before its next attempt: {@code base × 2^retry}, capped at
 * {@code max}, of which a random share up to {@code jitter} is taken off, so that jobs failing
 * together do not retry together.
 *
 * @param jitter between 0 (none) and 1 (anywhere from 0 to the full delay)
 */
public record RetryPolicy(Duration base, Duration max, double jitter) {

    /** 2 s, 4 s, 8 s, ... up to 10 minutes, with up to half taken off at random. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(10), 0.5);

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

    /** The wait before retry number {@code retry + 1}, for a random draw in [0, 1). */
    public Duration delay(int retry, double random) {
        long ceiling = max.toMillis();
        long full = base.toMillis() << Math.min(retry, 30);
        if (full < 0 || full > ceiling) {
            full = ceiling;
        }
        return Duration.ofMillis(full - (long) (full * jitter * random));
    }

    /** The longest wait before retry number {@code retry + 1}. */
    public Duration maxDelay(int retry) {
        return delay(retry, 0);
    }

    /** The shortest wait before retry number {@code retry + 1}. */
    public Duration minDelay(int retry) {
        return delay(retry, Math.nextDown(1.0));
    }
}
