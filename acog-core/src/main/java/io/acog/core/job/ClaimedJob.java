package io.acog.core.job;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A job a worker holds: the job as claimed, the claim's token (every later change by this worker
 * is guarded by it) and the lease's end.
 */
public record ClaimedJob(Job job, String token, String workerId, OffsetDateTime leaseUntil) {

    public ClaimedJob {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(token, "token");
    }

    /** The same claim with its lease extended. */
    public ClaimedJob withLeaseUntil(OffsetDateTime until) {
        return new ClaimedJob(job, token, workerId, until);
    }
}
