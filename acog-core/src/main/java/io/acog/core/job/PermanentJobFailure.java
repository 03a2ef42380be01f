package io.acog.core.job;

/**
 * Thrown by a {@link JobHandler} for a failure that retrying cannot fix (bad credentials,
 * exhausted quota, rejected content): the job fails at once, without using its retries.
 */
public class PermanentJobFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PermanentJobFailure(String message) {
        super(message);
    }

    public PermanentJobFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
