package io.acog.core.job;

import io.acog.core.AcogException;
import java.util.UUID;

/**
 * Ends a handler whose job was asked to cancel ({@link JobContext#throwIfCancelRequested()}); the
 * job ends as cancelled.
 */
public class JobCancelledException extends AcogException {

    private static final long serialVersionUID = 1L;

    private final UUID jobId;

    public JobCancelledException(UUID jobId) {
        super("job " + jobId + " was cancelled");
        this.jobId = jobId;
    }

    /** The job that was cancelled. */
    public UUID jobId() {
        return jobId;
    }
}
