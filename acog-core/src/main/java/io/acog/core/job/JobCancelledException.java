package io.acog.core.job;

import java.util.UUID;

/** Ends a handler whose job was asked to cancel; the job ends as cancelled. */
public class JobCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobCancelledException(UUID jobId) {
        super("job " + jobId + " was cancelled");
    }
}
