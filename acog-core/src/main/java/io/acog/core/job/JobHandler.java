package io.acog.core.job;

/**
 * Runs the jobs of one pipeline stage in a {@link JobWorker}. It is called on a worker thread with
 * the job the worker claimed; the worker extends the job's lease while it runs.
 *
 * <ul>
 *   <li>Return {@link JobOutcome#completed} and the job completes with that result.
 *   <li>Throw, and the job fails: it is retried after a backoff while retries are left, then fails
 *       for good with the message as its error. Throw {@link PermanentJobFailureException}, or a
 *       {@link io.acog.spi.ProviderException} that is not retryable, to fail for good at once; a
 *       retryable {@code ProviderException}'s retry-after is honoured.
 *   <li>{@link JobContext#throwIfCancelRequested()} (or your own check of
 *       {@link JobContext#cancelRequested()}) ends the job as cancelled.
 * </ul>
 *
 * <p>The same job may run again after a worker dies mid-run (at-least-once): make handlers
 * idempotent, e.g. by passing the job id to providers as an idempotency key.
 */
@FunctionalInterface
public interface JobHandler {

    /**
     * Runs one job.
     *
     * @param job the claimed job, with its input
     * @param context the claim, its cancel request and lease, as the worker's heartbeats see them
     * @return how the job ended, or that it should be looked at again later
     * @throws Exception to fail the job; see above for which failures are retried
     */
    JobOutcome handle(Job job, JobContext context) throws Exception;
}
