package io.acog.core.job;

import io.acog.core.Page;
import io.acog.core.episode.PipelineStage;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The job queue on the {@code jobs} table: enqueue, claim with leases, complete, fail with
 * retries, cancel, inspect. {@link #worker(String)} builds the runtime that does the claiming;
 * the claim-level methods are here for hosts that run their own loop.
 *
 * <p>Guarantees: a claimed job is held by one claim at a time ({@code FOR UPDATE SKIP LOCKED});
 * every change a worker makes is guarded by its claim token, so a worker whose lease ran out can
 * no longer complete, fail or extend the job; a job runs again only after its lease ran out or it
 * failed (at-least-once). Every method is atomic and thread-safe; times come from the
 * {@link io.acog.core.Acog#clock()}.
 */
public interface JobTracker {

    /**
     * Enqueues a job (a new one, or the live one with the same idempotency key).
     *
     * @throws io.acog.core.ValidationException for a negative priority or max retries, an over-long
     *     idempotency key, or input that is not storable JSON
     * @throws io.acog.core.NotFoundException when the episode is absent or soft-deleted
     */
    Job enqueue(NewJob job);

    /**
     * Enqueues many jobs in one transaction with a fixed number of round trips, and wakes idle
     * workers once. Returns them in input order; a job whose idempotency key names a queued or
     * running job is that job. If any job is invalid, none is enqueued.
     */
    List<Job> enqueueAll(List<NewJob> jobs);

    /**
     * Claims up to {@code max} queued jobs whose time has come, by priority, then run-after, then
     * age, in one statement; they become {@code running}, held by {@code workerId} until
     * {@code lease} from now.
     *
     * @param stages only jobs of these stages; all when empty
     */
    List<ClaimedJob> claim(String workerId, int max, Duration lease, Set<PipelineStage> stages);

    /**
     * Extends the leases of held jobs to {@code lease} from now.
     *
     * @return the jobs still held, with their cancel requests; jobs missing were lost
     */
    List<Job> heartbeat(Collection<ClaimedJob> jobs, Duration lease);

    /** Completes a held job. @throws LeaseLostException when it is no longer held */
    Job complete(ClaimedJob job, JobCompletion completion);

    /**
     * Completes many held jobs in one statement.
     *
     * @return the ids of the jobs that were no longer held (their completion was not written)
     */
    Set<UUID> completeAll(Collection<Completion> completions);

    /** One held job and its completion, for {@link #completeAll}. */
    record Completion(ClaimedJob job, JobCompletion completion) {}

    /**
     * Records a failure of a held job: with {@code retryable} and retries left it is queued again
     * after the retry policy's backoff and its retry count goes up; otherwise it fails for good
     * with {@code error}.
     *
     * @throws LeaseLostException when it is no longer held
     */
    Job fail(ClaimedJob job, String error, boolean retryable);

    /**
     * As {@link #fail(ClaimedJob, String, boolean)}, retrying no sooner than {@code notBefore}
     * from now (a provider's retry-after) even when the backoff is shorter.
     */
    Job fail(ClaimedJob job, String error, boolean retryable, Duration notBefore);

    /**
     * Puts a held job back in the queue to run after {@code delay}, merging {@code progress} into
     * its input, without counting a retry: the submit-then-poll loop of long provider renders.
     */
    Job reschedule(ClaimedJob job, Duration delay, java.util.Map<String, Object> progress);

    /** Hands a held job back to the queue unfinished, to run again now (no retry counted). */
    Job release(ClaimedJob job);

    /** Ends a held job as cancelled (its handler saw the cancel request). */
    Job cancelled(ClaimedJob job);

    /**
     * Cancels a job: a queued one at once; a running one gets a cancel request its handler sees
     * ({@link JobContext#cancelRequested()}). A finished job stays as it is.
     *
     * @return the job afterwards
     * @throws io.acog.core.NotFoundException when there is no such job
     */
    Job cancel(UUID jobId);

    /** {@link #cancel} for every queued or running job of an episode; returns how many. */
    int cancelAll(UUID episodeId);

    /**
     * Reclaims jobs whose lease ran out before now: each is queued again (counting a retry) or,
     * out of retries, fails for good. Guarded by status, so a job finished meanwhile is untouched.
     * Workers call this on their own; hosts with their own loop call it periodically.
     *
     * @return the reclaimed jobs' ids
     */
    List<UUID> reclaimExpired();

    Job get(UUID id);

    Optional<Job> find(UUID id);

    /** A page of jobs, newest first, by episode, stage and status. */
    Page<Job> list(JobQuery query);

    /** How many jobs of each stage are queued and running. */
    List<QueueDepth> depth();

    /**
     * Deletes finished (completed, failed, cancelled) jobs that finished more than
     * {@code olderThan} ago, {@code batchSize} per transaction, so the queue's table and indexes
     * stay small.
     *
     * @return how many were deleted
     */
    int prune(Duration olderThan, int batchSize);

    /** Starts building a worker named {@code name} (unique among running workers). */
    JobWorker.Builder worker(String name);

    /** The statuses in which a job is live: in the queue or held by a worker. */
    Set<JobStatus> LIVE = Set.of(JobStatus.QUEUED, JobStatus.RUNNING);
}
