package io.acog.core.internal.queue;

import io.acog.core.Page;
import io.acog.core.episode.PipelineStage;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.worker.WorkerBuilder;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import io.acog.core.job.JobCompletion;
import io.acog.core.job.JobQuery;
import io.acog.core.job.JobTracker;
import io.acog.core.job.LeaseLostException;
import io.acog.core.job.NewJob;
import io.acog.core.job.QueueDepth;
import io.acog.core.job.QueueStats;
import io.acog.core.job.RetryPolicy;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@link JobTracker} on the {@code jobs} table, over one database scope (the data source, a
 * transaction, or a host's connection): a facade over enqueueing, claiming, completing, changing
 * and reading jobs. The pipeline's own queue operations are here too, public for it only.
 */
public final class JobStore implements JobTracker {

    /** The channel enqueues notify and idle workers listen on. */
    public static final String CHANNEL = JobSql.CHANNEL;

    private final Db db;
    private final RetryPolicy retryPolicy;
    private final DataSource listenSource;
    private final JobEnqueue enqueue;
    private final JobClaims claims;
    private final JobCompletions completions;
    private final JobChanges changes;
    private final JobQueries queries;

    /**
     * @param listenSource where workers open their LISTEN connection; null when this scope has no
     *     data source of its own (a transaction, a joined connection), where workers cannot run
     */
    public JobStore(Db db, RetryPolicy retryPolicy, DataSource listenSource) {
        this.db = db;
        this.retryPolicy = retryPolicy;
        this.listenSource = listenSource;
        this.enqueue = new JobEnqueue(db);
        this.claims = new JobClaims(db);
        this.completions = new JobCompletions(db);
        this.changes = new JobChanges(db, retryPolicy);
        this.queries = new JobQueries(db);
    }

    /** The same queue in another scope (a transaction): the same retry policy, no workers. */
    public JobStore in(Db scope) {
        return new JobStore(scope, retryPolicy, null);
    }

    @Override
    public Job enqueue(NewJob job) {
        return enqueue.enqueueAll(List.of(Checks.notNull(JobSql.ENTITY, "job", job)))
                .get(0);
    }

    @Override
    public List<Job> enqueueAll(List<NewJob> jobs) {
        return enqueue.enqueueAll(jobs);
    }

    /**
     * Enqueues jobs of episodes whose rows the caller holds locked, in the caller's transaction, in
     * one statement that also wakes idle workers; a job whose idempotency key names a live job is
     * skipped.
     */
    public void enqueueLocked(List<NewJob> jobs) {
        enqueue.enqueueLocked(jobs);
    }

    @Override
    public List<ClaimedJob> claim(String workerId, int max, Duration lease, Set<PipelineStage> stages) {
        return claims.claim(workerId, max, lease, stages);
    }

    /**
     * How long until the earliest queued job of these stages is due (zero: one is due now); empty
     * when none is queued.
     */
    public Optional<Duration> untilNextDue(Set<PipelineStage> stages) {
        return claims.untilNextDue(stages);
    }

    @Override
    public List<Job> heartbeat(Collection<ClaimedJob> jobs, Duration lease) {
        return claims.heartbeat(jobs, lease);
    }

    @Override
    public Job complete(ClaimedJob job, JobCompletion completion) {
        Checks.notNull(JobSql.ENTITY, "job", job);
        Set<UUID> lost = completions.completeAll(
                List.of(new Completion(job, completion == null ? JobCompletion.empty() : completion)), false);
        if (!lost.isEmpty()) {
            throw new LeaseLostException(job.job().id(), job.token());
        }
        return get(job.job().id());
    }

    @Override
    public Set<UUID> completeAll(Collection<Completion> completions) {
        return this.completions.completeAll(completions, false);
    }

    /**
     * As {@link #completeAll(Collection)}, in the caller's transaction when {@code inTransaction}
     * (several statements then need no savepoint to be atomic together).
     */
    public Set<UUID> completeAll(Collection<Completion> completions, boolean inTransaction) {
        return this.completions.completeAll(completions, inTransaction);
    }

    @Override
    public Job fail(ClaimedJob job, String error, boolean retryable) {
        return changes.fail(job, error, retryable);
    }

    @Override
    public Job fail(ClaimedJob job, String error, boolean retryable, Duration notBefore) {
        return changes.fail(job, error, retryable, notBefore);
    }

    /**
     * Merges {@code patch} into the input of a job the claim still holds, at once.
     *
     * @throws io.acog.core.job.LeaseLostException when the claim no longer holds it
     */
    public Job note(ClaimedJob job, Map<String, Object> patch) {
        return changes.note(job, patch);
    }

    /**
     * As {@link #note}, returning nothing (cheaper: what the pipeline's providers save on every
     * resumable call).
     *
     * @throws io.acog.core.job.LeaseLostException when the claim no longer holds it
     */
    public void noteQuietly(ClaimedJob job, Map<String, Object> patch) {
        changes.noteQuietly(job, patch);
    }

    @Override
    public Job reschedule(ClaimedJob job, Duration delay, Map<String, Object> progress) {
        return changes.reschedule(job, delay, progress);
    }

    @Override
    public Job release(ClaimedJob job) {
        return changes.release(job);
    }

    /** Hands back a held job that no handler started: queued again, its claim not an attempt. */
    public Job handBack(ClaimedJob job) {
        return changes.handBack(job);
    }

    @Override
    public Job cancelled(ClaimedJob job) {
        return changes.cancelled(job);
    }

    @Override
    public Job cancel(UUID jobId) {
        return changes.cancel(jobId);
    }

    @Override
    public int cancelAll(UUID episodeId) {
        return changes.cancelAll(episodeId);
    }

    /**
     * Cancels an episode's queued jobs that have not begun work at a provider (their input holds
     * no {@code progressKey}); running jobs, and renders waiting for their next check, go on.
     *
     * @return how many were cancelled
     */
    public int cancelQueued(UUID episodeId, String progressKey) {
        return changes.cancelQueued(episodeId, progressKey);
    }

    /** Removes keys a job's earlier runs merged into its input (a render's task id). */
    public void forgetProgress(UUID jobId, String... keys) {
        changes.forgetProgress(jobId, keys);
    }

    /**
     * Makes the queued job of one of {@code stages} whose input has {@code key = value} and
     * {@code providerKey = provider} due now, and wakes idle workers.
     *
     * @return whether there was such a job
     */
    public boolean wake(Set<PipelineStage> stages, String key, String value, String providerKey, String provider) {
        return changes.wake(stages, key, value, providerKey, provider);
    }

    @Override
    public List<UUID> reclaimExpired() {
        return claims.reclaimExpired();
    }

    /** Reclaims jobs whose leases ran out, saying whose they were. */
    public List<Reclaimed> reclaim() {
        return claims.reclaim();
    }

    /** A reclaimed job and the worker whose lease ran out. */
    public record Reclaimed(UUID id, String worker, io.acog.core.job.JobStatus status) {}

    @Override
    public Job get(UUID id) {
        return queries.get(id);
    }

    @Override
    public Optional<Job> find(UUID id) {
        return queries.find(id);
    }

    @Override
    public Page<Job> list(JobQuery query) {
        return queries.list(query);
    }

    @Override
    public List<QueueDepth> depth() {
        return queries.depth();
    }

    @Override
    public QueueStats stats() {
        return queries.stats();
    }

    @Override
    public int prune(Duration olderThan, int batchSize) {
        return queries.prune(olderThan, batchSize);
    }

    @Override
    public WorkerBuilder worker(String name) {
        Checks.required(JobSql.ENTITY, io.acog.jooq.generated.Tables.JOBS.LOCKED_BY, name);
        if (listenSource == null) {
            throw new IllegalStateException("A worker needs its own connections: build it from the"
                    + " Acog made with a data source, not from a joined or transactional view");
        }
        return new WorkerBuilder(this, name, listenSource);
    }
}
