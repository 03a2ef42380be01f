package io.acog.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that stands still until told to move: for tests of anything time-based (soft-delete
 * purges, time windows, backoff, leases) without sleeping. Pass it to
 * {@code Acog.builder().clock(...)}. Thread-safe.
 */
public final class TestClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    private TestClock(Instant now, ZoneId zone) {
        this.now = Objects.requireNonNull(now, "now");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Returns a clock at {@code now}, in UTC.
     *
     * @param now where the clock stands
     * @return the clock
     */
    public static TestClock at(Instant now) {
        return new TestClock(now, ZoneOffset.UTC);
    }

    /**
     * Returns a clock at the current time, truncated to microseconds (PostgreSQL's precision), in
     * UTC.
     *
     * @return the clock
     */
    public static TestClock atNow() {
        return at(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    /**
     * Moves the clock forward (or back, for a negative duration).
     *
     * @param duration how far to move it
     * @return this clock
     */
    public TestClock advance(Duration duration) {
        synchronized (this) {
            now = now.plus(duration);
        }
        return this;
    }

    /**
     * Sets the clock.
     *
     * @param instant where the clock stands from now on
     * @return this clock
     */
    public TestClock set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(now, zone);
    }

    @Override
    public String toString() {
        return "TestClock[" + now + "]";
    }
}
