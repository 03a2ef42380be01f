package io.acog.core.job;

import io.acog.core.AcogException;
import java.util.UUID;

/**
 * Ends a handler whose job was asked to cancel ({@link JobContext#throwIfCancelRequested()}); the
 * job ends as cancelled.
 */
public class JobCancelledException extends AcogException {

    private static final long serialVersionUID = 1L;

    /** The cancelled job. */
    private final UUID jobId;

    /**
     * Creates the exception.
     *
     * @param jobId the job that was asked to cancel
     */
    public JobCancelledException(UUID jobId) {
        super("job " + jobId + " was cancelled");
        this.jobId = jobId;
    }

    /**
     * Returns the job that was cancelled.
     *
     * @return the job's id
     */
    public UUID jobId() {
        return jobId;
    }
}
