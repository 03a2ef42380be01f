package io.acog.core.job;

import io.acog.core.ConflictException;
import java.util.UUID;

/**
 * The worker no longer holds the job: its lease ran out and the job was reclaimed (or finished,
 * or cancelled) meanwhile. What the worker tried to write was not written.
 */
public class LeaseLostException extends ConflictException {

    private static final long serialVersionUID = 1L;

    private final UUID jobId;

    public LeaseLostException(UUID jobId, String token) {
        super(
                "job",
                "job " + jobId + " is no longer held by claim " + token + " (its lease ran"
                        + " out and it was reclaimed, or it finished or was cancelled meanwhile); nothing"
                        + " was written");
        this.jobId = jobId;
    }

    public UUID jobId() {
        return jobId;
    }
}
