package io.acog.core.internal.limits;

import io.acog.core.internal.db.Db;
import io.acog.core.job.ClaimedJob;
import io.acog.spi.Provider;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderLimits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each provider's declared {@link ProviderLimits} across every worker on the database: before
 * a stage calls its provider it takes a slot of the provider's calls in flight and counts the call
 * in the provider's minute and quota-day windows, all in one short transaction; after the call it
 * gives the slot back. Nothing is held open during the call. A call over a limit is refused with a
 * {@link ProviderException} that spends no attempt ({@link ProviderException#attemptSpent()} is
 * false): the job is rescheduled, and its thread goes on to other work.
 *
 * <p>A slot is held while the job that took it is running under the same claim with a live lease
 * ({@code provider_slots} joined to {@code jobs}), so a worker that dies mid-call frees its slots
 * when its lease runs out, and a job that ended without giving a slot back (a lost database
 * connection) frees it by ending. A provider that declares no limits costs nothing here.
 * Thread-safe.
 */
public final class ProviderLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderLimiter.class);

    /** A free slot of the provider, taken for the claim; the one with the lowest number. */
    private static final String TAKE_SLOT = """
            UPDATE provider_slots s SET job_id = ?, claim = ?, taken_at = ?
            WHERE (s.provider, s.slot) = (
                SELECT f.provider, f.slot FROM provider_slots f
                WHERE f.provider = ? AND f.slot < ?
                  AND (f.job_id IS NULL OR NOT EXISTS (
                      SELECT 1 FROM jobs j
                      WHERE j.id = f.job_id AND j.status = 'running' AND j.celery_task_id = f.claim
                        AND j.locked_until > ?))
                ORDER BY f.slot
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING s.slot""";

    /** The provider's slots 0 .. N-1, made where missing. */
    private static final String MAKE_SLOTS = """
            INSERT INTO provider_slots (provider, slot)
            SELECT ?, n FROM generate_series(0, ? - 1) AS n
            ON CONFLICT (provider, slot) DO NOTHING""";

    private static final String GIVE_BACK = "UPDATE provider_slots SET job_id = NULL, claim = NULL, taken_at = NULL"
            + " WHERE provider = ? AND slot = ? AND claim = ?";

    /** One more call in the window, unless it has had its limit. */
    private static final String COUNT_CALL = """
            INSERT INTO provider_calls AS c (provider, window_kind, window_start, calls)
            VALUES (?, ?, ?, 1)
            ON CONFLICT (provider, window_kind, window_start)
            DO UPDATE SET calls = c.calls + 1 WHERE c.calls < ?
            RETURNING c.calls""";

    /** The provider's windows of this kind before the current one, no longer counted. */
    private static final String FORGET_WINDOWS =
            "DELETE FROM provider_calls WHERE provider = ? AND window_kind = ? AND window_start < ?";

    private final Db db;
    private final Duration slotWait;

    /**
     * @param slotWait about how long a call waits when every slot is taken (it is tried again
     *     after between half and one and a half times this)
     */
    public ProviderLimiter(Db db, Duration slotWait) {
        this.db = db;
        this.slotWait = slotWait;
    }

    /**
     * Takes what a call of {@code provider} for {@code claim} needs of the provider's limits, or
     * refuses the call.
     *
     * @param provider the provider about to be called; null for none
     * @return the permit, to close once the call is over
     * @throws ProviderException ({@linkplain ProviderException#attemptSpent() spending no attempt})
     *     when a limit is reached: every slot in use (tried again after about the slot wait), or the
     *     minute's or day's calls made (tried again when the window ends)
     */
    public Permit acquire(Provider provider, ClaimedJob claim) {
        ProviderLimits limits = provider == null ? null : provider.limits();
        if (limits == null || limits.unlimited()) {
            return Permit.NONE;
        }
        String name =
                Objects.requireNonNullElse(provider.name(), provider.getClass().getName());
        OffsetDateTime now = db.now();
        Integer slot = db.write(dsl -> dsl.connectionResult(connection -> {
            Integer taken = limits.concurrentRequests() > 0
                    ? takeSlot(connection, name, limits.concurrentRequests(), claim, now)
                    : null;
            if (limits.requestsPerMinute() > 0) {
                OffsetDateTime minute = now.truncatedTo(ChronoUnit.MINUTES);
                count(connection, name, "minute", minute, limits.requestsPerMinute(), minute.plusMinutes(1));
            }
            if (limits.requestsPerDay() > 0) {
                ZonedDateTime day = now.atZoneSameInstant(limits.quotaDay()).truncatedTo(ChronoUnit.DAYS);
                count(
                        connection,
                        name,
                        "day",
                        day.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
                        limits.requestsPerDay(),
                        day.plusDays(1).toOffsetDateTime());
            }
            return taken;
        }));
        return slot == null ? Permit.NONE : new Permit(this, name, slot, claim.token());
    }

    private Integer takeSlot(Connection connection, String provider, int slots, ClaimedJob claim, OffsetDateTime now)
            throws SQLException {
        Integer slot = pick(connection, provider, slots, claim, now);
        if (slot == null) {
            try (PreparedStatement make = connection.prepareStatement(MAKE_SLOTS)) {
                make.setString(1, provider);
                make.setInt(2, slots);
                if (make.executeUpdate() > 0) {
                    slot = pick(connection, provider, slots, claim, now);
                }
            }
        }
        if (slot == null) {
            Duration wait = jittered(slotWait);
            throw ProviderException.overConcurrencyLimit(
                    provider,
                    "all " + slots + " of " + provider + "'s calls in flight are taken across the fleet (ACOG's"
                            + " limit from " + provider + "'s declared concurrentRequests)",
                    wait);
        }
        return slot;
    }

    private static Integer pick(Connection connection, String provider, int slots, ClaimedJob claim, OffsetDateTime now)
            throws SQLException {
        try (PreparedStatement take = connection.prepareStatement(TAKE_SLOT)) {
            take.setObject(1, claim.job().id());
            take.setString(2, claim.token());
            take.setObject(3, now);
            take.setString(4, provider);
            take.setInt(5, slots);
            take.setObject(6, now);
            try (ResultSet rows = take.executeQuery()) {
                return rows.next() ? rows.getInt(1) : null;
            }
        }
    }

    private static void count(
            Connection connection, String provider, String kind, OffsetDateTime start, int limit, OffsetDateTime ends)
            throws SQLException {
        int calls;
        try (PreparedStatement count = connection.prepareStatement(COUNT_CALL)) {
            count.setString(1, provider);
            count.setString(2, kind);
            count.setObject(3, start);
            count.setInt(4, limit);
            try (ResultSet rows = count.executeQuery()) {
                if (!rows.next()) {
                    // rolls the transaction back: a slot taken for this call is not kept
                    throw ProviderException.quotaExhaustedUntil(
                            provider,
                            limit + " call" + (limit == 1 ? "" : "s") + " of " + provider + " a " + kind
                                    + " are made across the fleet (ACOG's limit from " + provider
                                    + "'s declared requestsPer" + (kind.equals("minute") ? "Minute" : "Day")
                                    + "); the next " + kind + " begins at " + ends,
                            ends.toInstant());
                }
                calls = rows.getInt(1);
            }
        }
        if (calls == 1) { // the window's first call: the windows before it count no more
            try (PreparedStatement forget = connection.prepareStatement(FORGET_WINDOWS)) {
                forget.setString(1, provider);
                forget.setString(2, kind);
                forget.setObject(3, start);
                forget.executeUpdate();
            }
        }
    }

    private void giveBack(String provider, int slot, String claim) {
        try {
            db.onConnection(connection -> {
                try (PreparedStatement back = connection.prepareStatement(GIVE_BACK)) {
                    back.setString(1, provider);
                    back.setInt(2, slot);
                    back.setString(3, claim);
                    return back.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            // the slot frees itself when the job ends or its lease runs out
            LOG.warn(
                    "Slot {} of {}'s calls in flight could not be given back; it frees when its job ends: {}",
                    slot,
                    provider,
                    e.toString());
        }
    }

    private static Duration jittered(Duration wait) {
        long millis = Math.max(1, wait.toMillis());
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis));
    }

    /** What a call holds of its provider's limits; closing gives its slot back. Idempotent. */
    public static final class Permit implements AutoCloseable {

        static final Permit NONE = new Permit(null, null, -1, null);

        private final ProviderLimiter limiter;
        private final String provider;
        private final int slot;
        private final String claim;
        private boolean closed;

        private Permit(ProviderLimiter limiter, String provider, int slot, String claim) {
            this.limiter = limiter;
            this.provider = provider;
            this.slot = slot;
            this.claim = claim;
        }

        /** The slot held, or -1 when the provider limits no calls in flight. */
        public int slot() {
            return slot;
        }

        @Override
        public void close() {
            if (limiter != null && !closed) {
                closed = true;
                limiter.giveBack(provider, slot, claim);
            }
        }
    }
}
