package io.acog.core.job;

import java.time.Duration;
import java.util.UUID;

/**
 * Hears what a {@link JobWorker} does, for metrics and logs. Called on worker threads: return
 * quickly, never throw (what is thrown is logged and dropped). All methods do nothing by default.
 *
 * <p>A job's end is heard once it is written, whether the worker wrote it or the handler did
 * ({@link JobOutcome#recorded(Job)}, as a pipeline's stages do).
 */
public interface JobListener {

    /**
     * Hears that the worker claimed the job and is about to run it.
     *
     * @param job the claim
     */
    default void claimed(ClaimedJob job) {}

    /**
     * Hears that the job completed after running for {@code duration}.
     *
     * @param job the completed job
     * @param duration how long its handler ran
     */
    default void completed(Job job, Duration duration) {}

    /**
     * Hears that the job failed and will be retried at its {@code runAfter}.
     *
     * @param job the job, queued again
     * @param error what the handler threw; for a failure its handler recorded itself ({@link
     *     JobOutcome#recorded(Job)}), an exception whose message is the job's recorded error
     */
    default void retried(Job job, Throwable error) {}

    /**
     * Hears that the job failed for good.
     *
     * @param job the failed job
     * @param error what the handler threw; for a failure its handler recorded itself ({@link
     *     JobOutcome#recorded(Job)}), an exception whose message is the job's recorded error
     */
    default void failed(Job job, Throwable error) {}

    /**
     * Hears that the job goes back to the queue to be checked again later.
     *
     * @param job the job, queued again
     */
    default void rescheduled(Job job) {}

    /**
     * Hears that the job ended as cancelled.
     *
     * @param job the cancelled job
     */
    default void cancelled(Job job) {}

    /**
     * Hears that a lease ran out: the job {@code jobId}, held by {@code worker}, was reclaimed (or
     * failed for good when out of retries).
     *
     * @param jobId the reclaimed job
     * @param worker the worker whose lease ran out
     */
    default void leaseExpired(UUID jobId, String worker) {}

    /**
     * Hears that this worker lost a job's lease before it finished; its outcome was not written.
     *
     * @param job the claim that was lost
     */
    default void leaseLost(ClaimedJob job) {}
}
