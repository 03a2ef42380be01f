package io.acog.core.job;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A job a worker holds: the job as claimed, the claim's token (every later change by this worker is
 * guarded by it) and the lease's end.
 *
 * @param job the job as claimed
 * @param token the claim's token: changes made with another token are refused
 * @param workerId the worker holding it
 * @param leaseUntil when the lease runs out, unless a heartbeat extends it
 */
public record ClaimedJob(Job job, String token, String workerId, OffsetDateTime leaseUntil) {

    /**
     * Creates a claim.
     *
     * @param job the job as claimed
     * @param token the claim's token: changes made with another token are refused
     * @param workerId the worker holding it
     * @param leaseUntil when the lease runs out, unless a heartbeat extends it
     * @throws NullPointerException when {@code job} or {@code token} is null
     */
    public ClaimedJob {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(token, "token");
    }

    /**
     * Returns the same claim with its lease extended.
     *
     * @param until the lease's new end
     * @return the changed copy
     */
    public ClaimedJob withLeaseUntil(OffsetDateTime until) {
        return new ClaimedJob(job, token, workerId, until);
    }
}
