package io.acog.core.job;

import java.time.OffsetDateTime;

/** What a running {@link JobHandler} can learn about its job's claim while it runs. */
public interface JobContext {

    /**
     * Returns the claim, as of the last heartbeat.
     *
     * @return the claim, with its current lease
     */
    ClaimedJob claim();

    /**
     * Tells whether someone asked to cancel the job (seen at the worker's last heartbeat).
     *
     * @return whether a cancel was requested
     */
    boolean cancelRequested();

    /**
     * Ends the handler with the job cancelled if a cancel was requested.
     *
     * @throws JobCancelledException when one was
     */
    default void throwIfCancelRequested() {
        if (cancelRequested()) {
            throw new JobCancelledException(claim().job().id());
        }
    }

    /**
     * Tells whether the worker lost the job's lease (another worker may run it now). A handler that
     * sees this should stop: what it writes with the claim fails with {@link LeaseLostException}.
     *
     * @return whether the lease was lost
     */
    boolean leaseLost();

    /**
     * Returns until when the lease holds.
     *
     * @return the lease's end, as of the last heartbeat
     */
    default OffsetDateTime leaseUntil() {
        return claim().leaseUntil();
    }
}
