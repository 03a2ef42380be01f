package io.acog.core.job;

import io.acog.core.ConflictException;
import java.util.UUID;

/**
 * The worker no longer holds the job: its lease ran out and the job was reclaimed (or finished,
 * or cancelled) meanwhile. What the worker tried to write was not written.
 */
public class LeaseLostException extends ConflictException {

    private static final long serialVersionUID = 1L;

    /** The job whose lease was lost. */
    private final UUID jobId;

    /**
     * Creates the exception.
     *
     * @param jobId the job
     * @param token the claim token that no longer holds it
     */
    public LeaseLostException(UUID jobId, String token) {
        super(
                "job",
                "job " + jobId + " is no longer held by claim " + token + " (its lease ran"
                        + " out and it was reclaimed, or it finished or was cancelled meanwhile); nothing"
                        + " was written");
        this.jobId = jobId;
    }

    /**
     * Returns the job whose lease was lost.
     *
     * @return the job's id
     */
    public UUID jobId() {
        return jobId;
    }
}
