package io.acog.core.job;

import java.time.OffsetDateTime;

/** What a running {@link JobHandler} can learn about its job's claim while it runs. */
public interface JobContext {

    /** The claim, as of the last heartbeat. */
    ClaimedJob claim();

    /** Whether someone asked to cancel the job (seen at the worker's last heartbeat). */
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

    /** Whether the worker lost the job's lease (another worker may run it now). */
    boolean leaseLost();

    /** Until when the lease holds. */
    default OffsetDateTime leaseUntil() {
        return claim().leaseUntil();
    }
}
