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
     * Enqueues a job (a new one, or the live one with the same idempotency key), and wakes idle
     * workers.
     *
     * @param job what to enqueue
     * @return the job as stored
     * @throws io.acog.core.ValidationException for a negative priority or max retries, an over-long
     *     idempotency key, or input that is not storable JSON
     * @throws io.acog.core.NotFoundException when the episode is absent or soft-deleted
     */
    Job enqueue(NewJob job);

    /**
     * Enqueues many jobs in one transaction with a fixed number of round trips, and wakes idle
     * workers once. Returns them in input order; a job whose idempotency key names a queued or
     * running job is that job. If any job is invalid, none is enqueued.
     *
     * @param jobs what to enqueue
     * @return the jobs as stored, in input order
     * @throws io.acog.core.ValidationException as {@link #enqueue(NewJob)}, for the first invalid
     *     job
     * @throws io.acog.core.NotFoundException when an episode is absent or soft-deleted
     */
    List<Job> enqueueAll(List<NewJob> jobs);

    /**
     * Claims up to {@code max} queued jobs whose time has come, by priority, then run-after, then
     * age, in one statement; they become {@code running}, held by {@code workerId} until {@code
     * lease} from now.
     *
     * @param workerId the claiming worker's name, recorded in {@code locked_by}
     * @param max the most jobs to claim, from 1 to 1000
     * @param lease how long the claims hold without a heartbeat; at least one second
     * @param stages only jobs of these stages; all when empty
     * @return the claimed jobs; empty when none is due
     * @throws io.acog.core.ValidationException for a blank worker id, a {@code max} outside 1 to
     *     1000 or a lease under one second
     */
    List<ClaimedJob> claim(String workerId, int max, Duration lease, Set<PipelineStage> stages);

    /**
     * Extends the leases of held jobs to {@code lease} from now.
     *
     * @param jobs the claims to extend
     * @param lease the new lease, from now; at least one second
     * @return the jobs still held, with their cancel requests; jobs missing were lost
     */
    List<Job> heartbeat(Collection<ClaimedJob> jobs, Duration lease);

    /**
     * Completes a held job.
     *
     * @param job the claim
     * @param completion its result and cost
     * @return the completed job
     * @throws LeaseLostException when it is no longer held
     */
    Job complete(ClaimedJob job, JobCompletion completion);

    /**
     * Completes many held jobs in one statement.
     *
     * @param completions the claims and their completions
     * @return the ids of the jobs that were no longer held (their completion was not written)
     */
    Set<UUID> completeAll(Collection<Completion> completions);

    /**
     * One held job and its completion, for {@link #completeAll}.
     *
     * @param job the claim
     * @param completion its result and cost
     */
    record Completion(ClaimedJob job, JobCompletion completion) {}

    /**
     * Records a failure of a held job: with {@code retryable} and retries left it is queued again
     * after the retry policy's backoff and its retry count goes up; otherwise it fails for good
     * with {@code error}.
     *
     * @param job the claim
     * @param error why it failed, stored as its {@code error_message}
     * @param retryable whether trying again may succeed
     * @return the job, queued again or failed
     * @throws LeaseLostException when it is no longer held
     */
    Job fail(ClaimedJob job, String error, boolean retryable);

    /**
     * Records a failure as {@link #fail(ClaimedJob, String, boolean)} does, retrying no sooner than
     * {@code notBefore} from now (a provider's retry-after) even when the backoff is shorter.
     *
     * @param job the claim
     * @param error why it failed
     * @param retryable whether trying again may succeed
     * @param notBefore the shortest wait before the retry; null for the backoff alone
     * @return the job, queued again or failed
     * @throws LeaseLostException when it is no longer held
     */
    Job fail(ClaimedJob job, String error, boolean retryable, Duration notBefore);

    /**
     * Puts a held job back in the queue to run after {@code delay}, merging {@code progress} into
     * its input, without counting a retry: the submit-then-poll loop of long provider renders.
     *
     * @param job the claim
     * @param delay how long to wait; not negative
     * @param progress merged into the job's input; null for none
     * @return the job, queued again
     * @throws LeaseLostException when it is no longer held
     */
    Job reschedule(ClaimedJob job, Duration delay, java.util.Map<String, Object> progress);

    /**
     * Hands a held job back to the queue unfinished, to run again now (no retry counted).
     *
     * @param job the claim
     * @return the job, queued again
     * @throws LeaseLostException when it is no longer held
     */
    Job release(ClaimedJob job);

    /**
     * Ends a held job as cancelled (its handler saw the cancel request).
     *
     * @param job the claim
     * @return the cancelled job
     * @throws LeaseLostException when it is no longer held
     */
    Job cancelled(ClaimedJob job);

    /**
     * Cancels a job: a queued one at once; a running one gets a cancel request its handler sees
     * ({@link JobContext#cancelRequested()}). A finished job stays as it is.
     *
     * @param jobId the job's id
     * @return the job afterwards
     * @throws io.acog.core.NotFoundException when there is no such job
     */
    Job cancel(UUID jobId);

    /**
     * Cancels every queued or running job of an episode, as {@link #cancel} does.
     *
     * @param episodeId the episode
     * @return how many jobs were cancelled or asked to cancel
     */
    int cancelAll(UUID episodeId);

    /**
     * Reclaims jobs whose lease ran out before now: each is queued again (counting a retry) or,
     * out of retries, fails for good. Guarded by status, so a job finished meanwhile is untouched.
     * Workers call this on their own; hosts with their own loop call it periodically.
     *
     * @return the reclaimed jobs' ids
     */
    List<UUID> reclaimExpired();

    /**
     * Returns the job, finished or not.
     *
     * @param id the job's id
     * @return the job
     * @throws io.acog.core.NotFoundException when there is no such job
     */
    Job get(UUID id);

    /**
     * Finds the job, finished or not.
     *
     * @param id the job's id
     * @return the job, or empty when there is none (or it was pruned)
     */
    Optional<Job> find(UUID id);

    /**
     * Lists a page of jobs, newest first, by episode, stage and status.
     *
     * @param query the filter, page size and cursor
     * @return the page
     * @throws io.acog.core.ValidationException for a page size outside 1 to 500, or a cursor this
     *     listing did not return
     */
    Page<Job> list(JobQuery query);

    /**
     * Counts the jobs of each stage that are queued and running.
     *
     * @return one entry per stage and status that has any jobs
     */
    List<QueueDepth> depth();

    /**
     * Reads the queue's depth per stage, how long due jobs have waited, and how many leases ran out
     * unreclaimed, in one transaction: what metrics and health checks poll. Cheap (the queue's
     * partial indexes answer it), but a query all the same: poll it every few seconds, not per
     * request.
     *
     * @return the reading
     */
    QueueStats stats();

    /**
     * Deletes finished (completed, failed, cancelled) jobs that finished more than {@code
     * olderThan} ago, {@code batchSize} per transaction, so the queue's table and indexes stay
     * small.
     *
     * @param olderThan how long ago they must have finished; not negative
     * @param batchSize jobs per transaction, 1 or more
     * @return how many were deleted
     * @throws io.acog.core.ValidationException for a negative age or a batch size below 1
     */
    int prune(Duration olderThan, int batchSize);

    /**
     * Starts building a worker named {@code name} (unique among running workers).
     *
     * @param name recorded in {@code locked_by} of the jobs it holds
     * @return a new builder
     * @throws io.acog.core.ValidationException for a blank or over-long name
     * @throws IllegalStateException on a joined or transactional view of {@code Acog}: a worker
     *     needs connections of its own
     */
    JobWorker.Builder worker(String name);

    /** The statuses in which a job is live: in the queue or held by a worker. */
    Set<JobStatus> LIVE = Set.of(JobStatus.QUEUED, JobStatus.RUNNING);
}
