package io.acog.core.job;

import io.acog.core.internal.Labels;

/** Where a job stands in the queue ({@code jobs.status}). */
public enum JobStatus {
    /** Waiting to be claimed (at its {@code runAfter}). */
    QUEUED,
    /** Held by a worker under a lease. */
    RUNNING,
    /** Done; its result is stored. */
    COMPLETED,
    /** Failed for good: out of retries, or a permanent failure. */
    FAILED,
    /** Ended by a cancel before it ran, or by its handler seeing a cancel request. */
    CANCELLED;

    /**
     * Returns the status as stored, e.g. {@code "queued"}.
     *
     * @return the label
     */
    public String label() {
        return Labels.of(this);
    }

    /**
     * Tells whether the job is done for good: completed, failed or cancelled.
     *
     * @return whether the status is final
     */
    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /**
     * Returns the status with this label.
     *
     * @param label the status as stored, e.g. {@code "running"}
     * @return the status
     * @throws IllegalArgumentException naming the label and the ones allowed
     */
    public static JobStatus fromLabel(String label) {
        return Labels.parse(JobStatus.class, label);
    }
}
