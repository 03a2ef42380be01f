package io.acog.core.job;

import io.acog.core.internal.Labels;

/** Where a job stands in the queue ({@code jobs.status}). */
public enum JobStatus {
    /** Waiting to be claimed (at its {@code runAfter}). */
    QUEUED,
    /** Held by a worker under a lease. */
    RUNNING,
    COMPLETED,
    /** Failed for good: out of retries, or a permanent failure. */
    FAILED,
    CANCELLED;

    /** The status as stored, e.g. {@code "queued"}. */
    public String label() {
        return Labels.of(this);
    }

    /** Whether the job is done for good: completed, failed or cancelled. */
    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /**
     * The status with this label.
     *
     * @throws IllegalArgumentException naming the label and the ones allowed
     */
    public static JobStatus fromLabel(String label) {
        return Labels.parse(JobStatus.class, label);
    }
}
