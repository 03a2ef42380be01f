package io.acog.core.job;

import java.time.Duration;
import java.util.UUID;

/**
 * Hears what a {@link JobWorker} does, for metrics and logs. Called on worker threads: return
 * quickly, never throw (what is thrown is logged and dropped). All methods do nothing by default.
 */
public interface JobListener {

    /** The worker claimed the job and is about to run it. */
    default void claimed(ClaimedJob job) {}

    /** The job completed after running for {@code duration}. */
    default void completed(Job job, Duration duration) {}

    /** The job failed and will be retried at its {@code runAfter}. */
    default void retried(Job job, Throwable error) {}

    /** The job failed for good. */
    default void failed(Job job, Throwable error) {}

    /** The job goes back to the queue to be checked again later. */
    default void rescheduled(Job job) {}

    /** The job ended as cancelled. */
    default void cancelled(Job job) {}

    /**
     * A lease ran out: the job {@code jobId}, held by {@code worker}, was reclaimed (or failed
     * for good when out of retries).
     */
    default void leaseExpired(UUID jobId, String worker) {}

    /** This worker lost a job's lease before it finished; its outcome was not written. */
    default void leaseLost(ClaimedJob job) {}
}
