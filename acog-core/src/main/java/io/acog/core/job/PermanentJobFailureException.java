package io.acog.core.job;

import io.acog.core.AcogException;

/**
 * Thrown by a {@link JobHandler} for a failure that retrying cannot fix (bad credentials,
 * exhausted quota, rejected content): the job fails at once, without using its retries.
 */
public class PermanentJobFailureException extends AcogException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why the job fails; stored as its error
     */
    public PermanentJobFailureException(String message) {
        super(message);
    }

    /**
     * Creates the exception for an underlying failure.
     *
     * @param message why the job fails; stored as its error
     * @param cause the underlying failure
     */
    public PermanentJobFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
