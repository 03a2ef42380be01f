package io.acog.micrometer;

import io.acog.core.Acog;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.JobStatus;
import io.acog.core.job.QueueStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reading of the queue and the episodes that every gauge reads: read again at most every
 * {@code refreshEvery} (by the Acog's clock), so a scrape of all the gauges costs one read of the
 * database, however many gauges and registries there are. A read that fails (the database is
 * away) keeps the last reading, is logged once, and is tried again a {@code refreshEvery} later;
 * a gauge never throws. Before the first reading succeeds, the gauges read {@code NaN}: no value
 * rather than a made-up zero.
 *
 * <p>Thread-safe: one scrape reads while the others keep to the last reading.
 */
final class QueueReadings {

    private static final Logger LOG = LoggerFactory.getLogger(QueueReadings.class);

    /** A reading of the queue and of the episodes by status. */
    record Reading(QueueStats queue, Map<EpisodeStatus, Long> episodes) {}

    private final Acog acog;
    private final Duration refreshEvery;
    private final ReentrantLock reading = new ReentrantLock();

    private volatile Reading last;
    /** When the last read was tried, successful or not; null before the first. */
    private volatile Instant triedAt;
    /** Whether the last read failed (guarded by {@link #reading}). */
    private boolean failing;

    QueueReadings(Acog acog, Duration refreshEvery) {
        this.acog = acog;
        this.refreshEvery = refreshEvery;
    }

    double jobs(PipelineStage stage, JobStatus status) {
        Reading reading = current();
        return reading == null ? Double.NaN : reading.queue().jobs(stage, status);
    }

    double oldestAgeSeconds(PipelineStage stage) {
        Reading reading = current();
        if (reading == null) {
            return Double.NaN;
        }
        Duration wait = reading.queue().longestWait().getOrDefault(stage, Duration.ZERO);
        return wait.toNanos() / 1e9;
    }

    double expiredLeases() {
        Reading reading = current();
        return reading == null ? Double.NaN : reading.queue().expiredLeases();
    }

    double episodes(EpisodeStatus status) {
        Reading reading = current();
        return reading == null ? Double.NaN : reading.episodes().getOrDefault(status, 0L);
    }

    /** The reading, read again first when it is due and no other thread reads it already. */
    Reading current() {
        if (!due()) {
            return last;
        }
        // a scrape that finds another reading keeps to the last reading, unless there is none yet
        if (last != null ? !reading.tryLock() : !lockInterruptibly()) {
            return last;
        }
        try {
            if (due()) {
                read();
            }
            return last;
        } finally {
            reading.unlock();
        }
    }

    private boolean lockInterruptibly() {
        try {
            reading.lockInterruptibly();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean due() {
        Instant tried = triedAt;
        if (tried == null) {
            return true;
        }
        Duration since = Duration.between(tried, acog.clock().instant());
        // a clock set back counts as due, so the gauges do not freeze until it catches up
        return since.isNegative() || since.compareTo(refreshEvery) >= 0;
    }

    private void read() {
        triedAt = acog.clock().instant();
        try {
            QueueStats queue = acog.jobs().stats();
            Map<EpisodeStatus, Long> episodes = acog.episodes().statusCounts();
            last = new Reading(queue, episodes);
            if (failing) {
                failing = false;
                LOG.info("ACOG metrics read the queue and the episodes again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn(
                        "ACOG metrics cannot read the queue and the episodes ({}); the gauges keep their last"
                                + " values and the read is tried again every {}",
                        Failures.describe(e),
                        refreshEvery);
            } else {
                LOG.debug("ACOG metrics still cannot read the queue and the episodes: {}", Failures.describe(e));
            }
        }
    }
}
