package io.acog.core.internal;

import static io.acog.jooq.generated.Tables.EPISODES;
import static io.acog.jooq.generated.Tables.JOBS;

import io.acog.core.NotFoundException;
import io.acog.core.Page;
import io.acog.core.ValidationException;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import io.acog.core.job.JobCompletion;
import io.acog.core.job.JobQuery;
import io.acog.core.job.JobTracker;
import io.acog.core.job.JobWorker;
import io.acog.core.job.LeaseLostException;
import io.acog.core.job.NewJob;
import io.acog.core.job.QueueDepth;
import io.acog.core.job.RetryPolicy;
import io.acog.jooq.generated.enums.JobStatus;
import io.acog.jooq.generated.enums.PipelineStage;
import io.acog.jooq.generated.tables.records.JobsRecord;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.impl.DSL;

final class JobStore implements JobTracker {

    static final String ENTITY = "job";
    /** The channel enqueues notify and idle workers listen on. */
    static final String CHANNEL = "acog_jobs";
    private static final int MAX_PAGE = 500;
    private static final int MAX_CLAIM = 1000;
    private static final int RECLAIM_BATCH = 1000;

    // Literals, not parameters: the partial indexes' predicates must be provable from the query
    // text for the server's generic plans (see EpisodeStore.IN_PRODUCTION).
    private static final Condition QUEUED = JOBS.STATUS.eq(DSL.inline(JobStatus.QUEUED));
    private static final Condition LIVE_STATUS = JOBS.STATUS.in(
            DSL.inline(JobStatus.QUEUED), DSL.inline(JobStatus.RUNNING));
    private static final Condition FINISHED = JOBS.STATUS.in(DSL.inline(JobStatus.COMPLETED),
            DSL.inline(JobStatus.FAILED), DSL.inline(JobStatus.CANCELLED));
    /**
     * The guard of writes to held jobs, which are found by primary key (here and, written out, in
     * the batch statements below). Written so that no partial index matches it: status as text
     * (not {@code status = 'running'}, which the running-jobs indexes match) and the token with
     * IS NOT DISTINCT FROM (not {@code =}, which implies the NOT NULL of idx_jobs_celery_task).
     * Otherwise a generic plan built on statistics from a quieter moment can take one of those
     * indexes for a small table and walk every entry, dead ones of finished jobs included. This
     * way the primary key is the only way in.
     */
    private static final Condition STILL_RUNNING = DSL.condition("{0}::text = 'running'",
            JOBS.STATUS);

    private final Db db;
    private final RetryPolicy retryPolicy;
    private final DataSource listenSource;

    /**
     * @param listenSource where workers open their LISTEN connection; null when this scope has no
     *     data source of its own (a joined connection), where workers cannot run
     */
    JobStore(Db db, RetryPolicy retryPolicy, DataSource listenSource) {
        this.db = db;
        this.retryPolicy = retryPolicy;
        this.listenSource = listenSource;
    }

    Db db() {
        return db;
    }

    @Override
    public Job enqueue(NewJob job) {
        return enqueueAll(List.of(Checks.notNull(ENTITY, "job", job))).get(0);
    }

    /** An input checked and ready to bind. */
    private record Input(UUID id, NewJob job, String inputJson, OffsetDateTime runAfter) {}

    @Override
    public List<Job> enqueueAll(List<NewJob> jobs) {
        Checks.notNull(ENTITY, "jobs", jobs);
        OffsetDateTime now = db.now();
        List<Input> inputs = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            inputs.add(check(jobs.size() == 1 ? ENTITY : ENTITY + "[" + i + "]", jobs.get(i), now));
        }
        if (inputs.isEmpty()) {
            return List.of();
        }
        return db.write(dsl -> {
            Set<UUID> episodes = new HashSet<>();
            inputs.forEach(input -> episodes.add(input.job().episodeId()));
            Set<UUID> live = new HashSet<>(dsl.select(EPISODES.ID).from(EPISODES)
                    .where(EPISODES.ID.in(episodes), EPISODES.DELETED_AT.isNull())
                    .forKeyShare().fetch(EPISODES.ID));
            for (Input input : inputs) {
                if (!live.contains(input.job().episodeId())) {
                    throw EpisodeStore.notFound(input.job().episodeId());
                }
            }
            Map<UUID, Job> byId = new HashMap<>();
            Map<String, Job> byKey = new HashMap<>();
            List<Input> pending = inputs;
            for (int round = 0; round < 3 && !pending.isEmpty(); round++) {
                for (JobsRecord row : insert(dsl, pending, now)) {
                    Job created = map(row);
                    byId.put(created.id(), created);
                    if (created.idempotencyKey() != null) {
                        byKey.putIfAbsent(created.idempotencyKey(), created);
                    }
                }
                List<String> keys = new ArrayList<>();
                for (Input input : pending) {
                    String key = input.job().idempotencyKey();
                    if (!byId.containsKey(input.id()) && key != null && !byKey.containsKey(key)) {
                        keys.add(key);
                    }
                }
                if (!keys.isEmpty()) {
                    dsl.selectFrom(JOBS).where(JOBS.IDEMPOTENCY_KEY.in(keys), LIVE_STATUS)
                            .fetch().forEach(row -> byKey.put(row.getIdempotencyKey(), map(row)));
                }
                // A key whose live job finished between the conflict and the lookup is free
                // again: enqueue those inputs anew.
                pending = pending.stream().filter(input -> !byId.containsKey(input.id())
                        && (input.job().idempotencyKey() == null
                                || !byKey.containsKey(input.job().idempotencyKey()))).toList();
            }
            if (!byId.isEmpty()) {
                dsl.execute("SELECT pg_notify({0}, '')", DSL.inline(CHANNEL));
            }
            List<Job> result = new ArrayList<>(inputs.size());
            for (Input input : inputs) {
                Job job = byId.containsKey(input.id()) ? byId.get(input.id())
                        : byKey.get(input.job().idempotencyKey());
                if (job == null) {
                    throw new io.acog.core.ConflictException(ENTITY, "job with idempotency key "
                            + Checks.show(input.job().idempotencyKey()) + " kept changing while"
                            + " being enqueued; nothing was enqueued, try again");
                }
                result.add(job);
            }
            return result;
        });
    }

    private static List<JobsRecord> insert(DSLContext dsl, List<Input> inputs, OffsetDateTime now) {
        return dsl.resultQuery(INSERT_SQL + " RETURNING *", insertBinds(inputs, now))
                .coerce(JOBS).fetch();
    }

    private static Object[] insertBinds(List<Input> inputs, OffsetDateTime now) {
        int n = inputs.size();
        UUID[] ids = new UUID[n];
        UUID[] episodes = new UUID[n];
        String[] stages = new String[n];
        String[] params = new String[n];
        Integer[] priorities = new Integer[n];
        Integer[] retries = new Integer[n];
        String[] runAfter = new String[n];
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            Input input = inputs.get(i);
            ids[i] = input.id();
            episodes[i] = input.job().episodeId();
            stages[i] = input.job().stage().getLiteral();
            params[i] = input.inputJson();
            priorities[i] = input.job().priority();
            retries[i] = input.job().maxRetries();
            runAfter[i] = input.runAfter().toString();
            keys[i] = input.job().idempotencyKey();
        }
        return new Object[] {DSL.val(ids), DSL.val(episodes), DSL.val(stages), DSL.val(params),
                DSL.val(priorities), DSL.val(retries), DSL.val(runAfter), DSL.val(keys),
                DSL.val(now)};
    }

    /**
     * Inserts jobs from unnested arrays, skipping those whose idempotency key names a live job;
     * binds from {@link #insertBinds}.
     */
    private static final String INSERT_SQL = """
            INSERT INTO jobs (id, episode_id, stage, input_params, priority, max_retries,
                              run_after, idempotency_key, created_at, updated_at)
            SELECT id, episode_id, stage, params::jsonb, priority, retries, run_after::timestamptz,
                   key, {8}, {8}
            FROM unnest({0}::uuid[], {1}::uuid[], {2}::text[], {3}::text[], {4}::int[],
                        {5}::int[], {6}::text[], {7}::text[])
                 AS x(id, episode_id, stage, params, priority, retries, run_after, key)
            ON CONFLICT (idempotency_key)
                WHERE idempotency_key IS NOT NULL AND status IN ('queued', 'running')
                DO NOTHING""";

    /**
     * Enqueues jobs of episodes whose rows the caller holds locked, in the caller's transaction,
     * in one statement that also wakes idle workers: the pipeline's way, which needs neither the
     * episodes' check nor the jobs back. A job whose idempotency key names a live job is skipped.
     */
    void enqueueLocked(List<NewJob> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        OffsetDateTime now = db.now();
        List<Input> inputs = new ArrayList<>(jobs.size());
        for (NewJob job : jobs) {
            inputs.add(check(ENTITY, job, now));
        }
        db.statement(dsl -> dsl.resultQuery("WITH inserted AS (" + INSERT_SQL
                + " RETURNING 1) SELECT pg_notify('" + CHANNEL + "', '')"
                + " WHERE EXISTS (SELECT FROM inserted)", insertBinds(inputs, now)).fetch());
    }

    private static Input check(String entity, NewJob job, OffsetDateTime now) {
        Checks.notNull(entity, "job", job);
        Checks.notNull(entity, "episode_id", job.episodeId());
        Checks.notNull(entity, "stage", job.stage());
        if (job.priority() < 0) {
            throw new ValidationException(entity, "priority", "is " + job.priority()
                    + ", must be 0 or more (higher is claimed sooner)");
        }
        if (job.maxRetries() < 0) {
            throw new ValidationException(entity, "max_retries", "is " + job.maxRetries()
                    + ", must be 0 or more");
        }
        Checks.optional(entity, JOBS.IDEMPOTENCY_KEY, job.idempotencyKey());
        String input = Checks.json(entity, "input_params", JsonCodec.text(job.input()));
        if (!input.startsWith("{")) {
            throw new ValidationException(entity, "input_params", "must be a JSON object (a record"
                    + " or a map), got " + Checks.show(input));
        }
        OffsetDateTime runAfter = job.runAfter() == null ? now
                : OffsetDateTime.ofInstant(job.runAfter(), java.time.ZoneOffset.UTC);
        return new Input(UUID.randomUUID(), job, input, runAfter);
    }

    @Override
    public List<ClaimedJob> claim(String workerId, int max, Duration lease,
            Set<PipelineStage> stages) {
        Checks.required(ENTITY, JOBS.LOCKED_BY, workerId);
        Checks.pageSize(ENTITY, max, MAX_CLAIM);
        checkLease(lease);
        OffsetDateTime now = db.now();
        OffsetDateTime until = now.plus(lease);
        String token = workerId + "/" + UUID.randomUUID();
        Checks.optional(ENTITY, JOBS.CELERY_TASK_ID, token);
        String sql = CLAIM_SQL.computeIfAbsent(max + "/" + (stages == null ? Set.of()
                : EnumSet.copyOf(stages.isEmpty() ? EnumSet.noneOf(PipelineStage.class) : stages)),
                key -> claimSql(max, stages));
        List<ClaimedJob> jobs = db.statement(dsl -> dsl.connectionResult(connection -> {
            List<ClaimedJob> claimed = new ArrayList<>(max);
            // On its own (auto-commit), the claim runs with sorting disabled for its implicit
            // transaction only: statistics gathered while the queue was empty make the planner
            // think any plan is as good, and it may sort every queued job by priority on each
            // claim instead of walking idx_jobs_claim, which is in that order already.
            boolean alone = connection.getAutoCommit();
            try (PreparedStatement claim = connection.prepareStatement(
                    alone ? "SET LOCAL enable_sort = off; " + sql : sql)) {
                claim.setObject(1, now);
                claim.setString(2, workerId);
                claim.setObject(3, until);
                claim.setString(4, token);
                claim.setObject(5, now);
                boolean rowsFirst = claim.execute();
                while (!rowsFirst && claim.getUpdateCount() != -1) {
                    rowsFirst = claim.getMoreResults();
                }
                try (ResultSet rows = claim.getResultSet()) {
                    while (rows.next()) {
                        claimed.add(new ClaimedJob(JobRows.read(rows), token, workerId, until));
                    }
                }
            }
            return claimed;
        }));
        jobs.sort(java.util.Comparator.comparing((ClaimedJob c) -> -c.job().priority())
                .thenComparing(c -> c.job().runAfter()).thenComparing(c -> c.job().createdAt()));
        return jobs;
    }

    /**
     * Completes the held jobs of one claim token, found by primary key (see
     * {@link #STILL_RUNNING} for the guard), storing each one's result, cost and usage.
     */
    private static final String COMPLETE_SQL = """
            UPDATE jobs j SET status = 'completed', completed_at = ?, result = x.result::jsonb,
                   cost_usd = x.cost::numeric, tokens_used = x.tokens,
                   locked_by = NULL, locked_until = NULL
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::int[]) AS x(id, result, cost, tokens)
            WHERE j.id = x.id AND j.status::text = 'running'
              AND j.celery_task_id IS NOT DISTINCT FROM ?
            RETURNING j.id""";

    /** As {@link #COMPLETE_SQL}, for jobs with nothing to store but their completion. */
    private static final String COMPLETE_PLAIN_SQL = """
            UPDATE jobs j SET status = 'completed', completed_at = ?,
                   locked_by = NULL, locked_until = NULL
            WHERE j.id = ANY (?::uuid[]) AND j.status::text = 'running'
              AND j.celery_task_id IS NOT DISTINCT FROM ?
            RETURNING j.id""";

    /**
     * The parameters of one token's completions: ids and token, then (unless none has anything
     * to store) results, costs and usages.
     */
    private static Object[] completionParameters(String token, List<Completion> group) {
        int n = group.size();
        UUID[] ids = new UUID[n];
        String[] results = new String[n];
        String[] costs = new String[n];
        Integer[] tokensUsed = new Integer[n];
        boolean plain = true;
        for (int i = 0; i < n; i++) {
            JobCompletion outcome = group.get(i).completion() == null ? JobCompletion.empty()
                    : group.get(i).completion();
            ids[i] = group.get(i).job().job().id();
            results[i] = outcome.result() == null ? null
                    : Checks.json(ENTITY, "result", JsonCodec.text(outcome.result()));
            costs[i] = cost(outcome.costUsd());
            tokensUsed[i] = outcome.tokensUsed();
            plain &= results[i] == null && costs[i] == null && tokensUsed[i] == null;
        }
        return plain ? new Object[] {ids, token} : new Object[] {ids, token, results, costs, tokensUsed};
    }

    /** Claim statements by batch size and stages: their text never changes, so build it once. */
    private static final Map<String, String> CLAIM_SQL = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The claim as plain JDBC (it is the hot path: no query building, no record mapping beyond
     * {@link JobRows}). The batch size and stages are literals: a bound LIMIT leaves the generic
     * plan guessing the row count (and for a large guess it hash-joins against a scan of the
     * table), and the status literal lets idx_jobs_claim's predicate be proven.
     */
    private static String claimSql(int max, Set<PipelineStage> stages) {
        String stageFilter = stages == null || stages.isEmpty()
                || stages.containsAll(EnumSet.allOf(PipelineStage.class)) ? ""
                : " AND stage IN (" + EnumSet.copyOf(stages).stream()
                        .map(stage -> "'" + stage.getLiteral() + "'")
                        .collect(java.util.stream.Collectors.joining(", ")) + ")";
        return "WITH next AS (SELECT id FROM jobs WHERE status = 'queued' AND run_after <= ?"
                + stageFilter + " ORDER BY priority DESC, run_after, created_at LIMIT " + max
                + " FOR UPDATE SKIP LOCKED)"
                + " UPDATE jobs j SET status = 'running', locked_by = ?, locked_until = ?,"
                + " celery_task_id = ?, attempts = j.attempts + 1, started_at = ?"
                + " FROM next WHERE j.id = next.id RETURNING " + JobRows.COLUMNS_OF_J;
    }

    @Override
    public List<Job> heartbeat(Collection<ClaimedJob> jobs, Duration lease) {
        Checks.notNull(ENTITY, "jobs", jobs);
        checkLease(lease);
        if (jobs.isEmpty()) {
            return List.of();
        }
        OffsetDateTime until = db.now().plus(lease);
        UUID[] ids = jobs.stream().map(job -> job.job().id()).toArray(UUID[]::new);
        String[] tokens = jobs.stream().map(ClaimedJob::token).toArray(String[]::new);
        return db.statement(dsl -> dsl.resultQuery("""
                UPDATE jobs j SET locked_until = {2}
                FROM unnest({0}::uuid[], {1}::text[]) AS x(id, token)
                WHERE j.id = ANY ({0}::uuid[]) AND j.id = x.id
                  AND j.status::text = 'running' AND j.celery_task_id IS NOT DISTINCT FROM x.token
                RETURNING j.*""", DSL.val(ids), DSL.val(tokens), DSL.val(until))
                .coerce(JOBS).fetch(JobStore::map));
    }

    @Override
    public Job complete(ClaimedJob job, JobCompletion completion) {
        Checks.notNull(ENTITY, "job", job);
        Set<UUID> lost = completeAll(List.of(new Completion(job,
                completion == null ? JobCompletion.empty() : completion)));
        if (!lost.isEmpty()) {
            throw new LeaseLostException(job.job().id(), job.token());
        }
        return get(job.job().id());
    }

    @Override
    public Set<UUID> completeAll(Collection<Completion> completions) {
        return completeAll(completions, false);
    }

    /**
     * @param inTransaction whether the caller runs this in a transaction of its own, so that
     *     several statements need no savepoint to be atomic together
     */
    Set<UUID> completeAll(Collection<Completion> completions, boolean inTransaction) {
        Checks.notNull(ENTITY, "completions", completions);
        if (completions.isEmpty()) {
            return Set.of();
        }
        // By claim token: the guard compares one token with each group's ids, and the common
        // case (no result, cost or usage to store) needs no per-row values at all.
        Map<String, List<Completion>> byToken = new LinkedHashMap<>();
        for (Completion completion : completions) {
            byToken.computeIfAbsent(completion.job().token(), token -> new ArrayList<>())
                    .add(completion);
        }
        List<Object[]> groups = new ArrayList<>();
        for (Map.Entry<String, List<Completion>> group : byToken.entrySet()) {
            groups.add(completionParameters(group.getKey(), group.getValue()));
        }
        OffsetDateTime now = db.now();
        java.util.function.Function<DSLContext, Set<UUID>> complete = dsl -> dsl.connectionResult(
                connection -> {
                    Set<UUID> done = new HashSet<>();
                    for (Object[] group : groups) {
                        boolean plain = group.length == 2;
                        try (PreparedStatement update = connection.prepareStatement(
                                plain ? COMPLETE_PLAIN_SQL : COMPLETE_SQL)) {
                            update.setObject(1, now);
                            update.setArray(2, connection.createArrayOf("uuid", (UUID[]) group[0]));
                            if (plain) {
                                update.setString(3, (String) group[1]);
                            } else {
                                update.setArray(3, connection.createArrayOf("text", (String[]) group[2]));
                                update.setArray(4, connection.createArrayOf("text", (String[]) group[3]));
                                update.setArray(5, connection.createArrayOf("int4", (Integer[]) group[4]));
                                update.setString(6, (String) group[1]);
                            }
                            try (ResultSet rows = update.executeQuery()) {
                                while (rows.next()) {
                                    done.add(rows.getObject(1, UUID.class));
                                }
                            }
                        }
                    }
                    return done;
                });
        // One group is one statement, atomic alone; several share a transaction.
        Set<UUID> completed = groups.size() == 1 || inTransaction ? db.statement(complete)
                : db.write(complete);
        Set<UUID> ids = new HashSet<>();
        completions.forEach(completion -> ids.add(completion.job().job().id()));
        Set<UUID> lost = new HashSet<>();
        for (UUID id : ids) {
            if (!completed.contains(id)) {
                lost.add(id);
            }
        }
        return lost;
    }

    private static String cost(BigDecimal cost) {
        if (cost == null) {
            return null;
        }
        if (cost.signum() < 0 || cost.stripTrailingZeros().scale() > 4
                || cost.precision() - cost.scale() > 6) {
            throw new ValidationException(ENTITY, "cost_usd", "is " + cost.toPlainString()
                    + ", must be 0 or more with at most 6 digits before the point and 4 after");
        }
        return cost.toPlainString();
    }

    @Override
    public Job fail(ClaimedJob job, String error, boolean retryable) {
        return fail(job, error, retryable, Duration.ZERO);
    }

    @Override
    public Job fail(ClaimedJob job, String error, boolean retryable, Duration notBefore) {
        Checks.notNull(ENTITY, "job", job);
        Duration floor = notBefore == null || notBefore.isNegative() ? Duration.ZERO : notBefore;
        String message = Checks.storable(ENTITY, "error_message",
                error == null || error.isBlank() ? "failed without a message" : error);
        OffsetDateTime now = db.now();
        double draw = ThreadLocalRandom.current().nextDouble();
        return db.write(dsl -> {
            Record2<Integer, Integer> retries = dsl.select(JOBS.RETRY_COUNT, JOBS.MAX_RETRIES)
                    .from(JOBS).where(held(job)).forUpdate().fetchOne();
            if (retries == null) {
                throw new LeaseLostException(job.job().id(), job.token());
            }
            boolean retry = retryable && retries.value1() < retries.value2();
            var update = dsl.update(JOBS)
                    .set(JOBS.ERROR_MESSAGE, message)
                    .setNull(JOBS.LOCKED_BY)
                    .setNull(JOBS.LOCKED_UNTIL);
            if (retry) {
                update = update.set(JOBS.STATUS, JobStatus.QUEUED)
                        .set(JOBS.RETRY_COUNT, retries.value1() + 1)
                        .set(JOBS.RUN_AFTER, now.plus(max(floor,
                                retryPolicy.delay(retries.value1(), draw))));
            } else {
                update = update.set(JOBS.STATUS, JobStatus.FAILED).set(JOBS.COMPLETED_AT, now);
            }
            return map(update.where(JOBS.ID.eq(job.job().id())).returning().fetchOne());
        });
    }

    @Override
    public Job reschedule(ClaimedJob job, Duration delay, Map<String, Object> progress) {
        Checks.notNull(ENTITY, "job", job);
        Checks.notNull(ENTITY, "delay", delay);
        JSONB patch = JSONB.valueOf(Checks.json(ENTITY, "input_params",
                JsonCodec.text(progress == null ? Map.of() : progress)));
        OffsetDateTime runAfter = db.now().plus(delay);
        return guarded(job, dsl -> dsl.update(JOBS)
                .set(JOBS.STATUS, JobStatus.QUEUED)
                .set(JOBS.RUN_AFTER, runAfter)
                .set(JOBS.INPUT_PARAMS, DSL.field("{0} || {1}", JOBS.INPUT_PARAMS.getDataType(),
                        JOBS.INPUT_PARAMS, DSL.val(patch)))
                .setNull(JOBS.LOCKED_BY).setNull(JOBS.LOCKED_UNTIL));
    }

    @Override
    public Job release(ClaimedJob job) {
        Checks.notNull(ENTITY, "job", job);
        OffsetDateTime now = db.now();
        return guarded(job, dsl -> dsl.update(JOBS)
                .set(JOBS.STATUS, JobStatus.QUEUED)
                .set(JOBS.RUN_AFTER, now)
                .setNull(JOBS.LOCKED_BY).setNull(JOBS.LOCKED_UNTIL));
    }

    @Override
    public Job cancelled(ClaimedJob job) {
        Checks.notNull(ENTITY, "job", job);
        OffsetDateTime now = db.now();
        return guarded(job, dsl -> dsl.update(JOBS)
                .set(JOBS.STATUS, JobStatus.CANCELLED)
                .set(JOBS.COMPLETED_AT, now)
                .setNull(JOBS.LOCKED_BY).setNull(JOBS.LOCKED_UNTIL));
    }

    private Job guarded(ClaimedJob job, java.util.function.Function<DSLContext,
            org.jooq.UpdateSetMoreStep<JobsRecord>> update) {
        return db.write(dsl -> update.apply(dsl).where(held(job)).returning()
                .fetchOptional(JobStore::map)
                .orElseThrow(() -> new LeaseLostException(job.job().id(), job.token())));
    }

    private static Condition held(ClaimedJob job) {
        return JOBS.ID.eq(job.job().id()).and(STILL_RUNNING)
                .and(JOBS.CELERY_TASK_ID.isNotDistinctFrom(job.token()));
    }

    @Override
    public Job cancel(UUID jobId) {
        Checks.notNull(ENTITY, "id", jobId);
        OffsetDateTime now = db.now();
        // One statement: if a claim holds the row, this waits for it and then sees the job
        // running, so it requests the cancel instead of overwriting the claim.
        return db.write(dsl -> dsl.update(JOBS)
                .set(JOBS.STATUS, DSL.when(QUEUED, DSL.inline(JobStatus.CANCELLED))
                        .otherwise(JOBS.STATUS))
                .set(JOBS.COMPLETED_AT, DSL.when(QUEUED, DSL.val(now)).otherwise(JOBS.COMPLETED_AT))
                .set(JOBS.CANCEL_REQUESTED, DSL.when(LIVE_STATUS, DSL.inline(true))
                        .otherwise(JOBS.CANCEL_REQUESTED))
                .where(JOBS.ID.eq(jobId))
                .returning().fetchOptional(JobStore::map)
                .orElseThrow(() -> new NotFoundException(ENTITY, "id " + jobId)));
    }

    @Override
    public int cancelAll(UUID episodeId) {
        Checks.notNull(ENTITY, "episode_id", episodeId);
        OffsetDateTime now = db.now();
        return db.write(dsl -> dsl.update(JOBS)
                .set(JOBS.STATUS, DSL.when(QUEUED, DSL.inline(JobStatus.CANCELLED))
                        .otherwise(JOBS.STATUS))
                .set(JOBS.COMPLETED_AT, DSL.when(QUEUED, DSL.val(now)).otherwise(JOBS.COMPLETED_AT))
                .set(JOBS.CANCEL_REQUESTED, true)
                .where(JOBS.EPISODE_ID.eq(episodeId), LIVE_STATUS)
                .execute());
    }

    /**
     * Cancels an episode's queued jobs that have not begun work at a provider (their input holds
     * no {@code progressKey}); running jobs, and renders waiting for their next check, go on.
     *
     * @return how many were cancelled
     */
    int cancelQueued(UUID episodeId, String progressKey) {
        OffsetDateTime now = db.now();
        return db.statement(dsl -> dsl.update(JOBS)
                .set(JOBS.STATUS, JobStatus.CANCELLED)
                .set(JOBS.COMPLETED_AT, now)
                .where(JOBS.EPISODE_ID.eq(episodeId), QUEUED,
                        // ({0} ->> {1}) rather than the jsonb ? operator: in a jOOQ template a
                        // ? is a bind placeholder, which made this statement invalid SQL
                        DSL.condition("({0} ->> {1}) is null", JOBS.INPUT_PARAMS,
                                DSL.val(progressKey)))
                .execute());
    }

    /** Removes keys a job's earlier runs merged into its input (a render's task id). */
    void forgetProgress(UUID jobId, String... keys) {
        db.statement(dsl -> dsl.update(JOBS)
                .set(JOBS.INPUT_PARAMS, DSL.field("{0} - {1}::text[]", JOBS.INPUT_PARAMS.getDataType(),
                        JOBS.INPUT_PARAMS, DSL.val(keys)))
                .where(JOBS.ID.eq(jobId)).execute());
    }

    /**
     * Makes the queued job of one of {@code stages} whose input has {@code key = value} and
     * {@code providerKey = provider} due now, and wakes idle workers.
     *
     * @return whether there was such a job
     */
    boolean wake(Set<PipelineStage> stages, String key, String value, String providerKey,
            String provider) {
        OffsetDateTime now = db.now();
        return db.write(dsl -> {
            int woken = dsl.update(JOBS).set(JOBS.RUN_AFTER, now)
                    .where(QUEUED, JOBS.STAGE.in(stages.stream().map(PipelineStage::getLiteral).toList()),
                            DSL.condition("{0} ->> {1} = {2}", JOBS.INPUT_PARAMS, DSL.val(key),
                                    DSL.val(value)),
                            DSL.condition("{0} ->> {1} = {2}", JOBS.INPUT_PARAMS,
                                    DSL.val(providerKey), DSL.val(provider)))
                    .execute();
            if (woken > 0) {
                dsl.execute("SELECT pg_notify({0}, '')", DSL.inline(CHANNEL));
            }
            return woken > 0;
        });
    }

    /** A reclaimed job and the worker whose lease ran out. */
    record Reclaimed(UUID id, String worker, JobStatus status) {}

    @Override
    public List<UUID> reclaimExpired() {
        return reclaim().stream().map(Reclaimed::id).toList();
    }

    List<Reclaimed> reclaim() {
        OffsetDateTime now = db.now();
        return db.write(dsl -> dsl.resultQuery("""
                WITH expired AS (
                    SELECT id, locked_by FROM jobs
                    WHERE status = 'running' AND locked_until < {0}
                    ORDER BY locked_until LIMIT {1}
                    FOR UPDATE SKIP LOCKED)
                UPDATE jobs j SET
                    status = CASE WHEN j.retry_count < j.max_retries THEN 'queued'
                                  ELSE 'failed' END::job_status,
                    retry_count = CASE WHEN j.retry_count < j.max_retries THEN j.retry_count + 1
                                       ELSE j.retry_count END,
                    completed_at = CASE WHEN j.retry_count < j.max_retries THEN NULL ELSE {0} END,
                    error_message = 'the lease of worker ' || coalesce(expired.locked_by, '?')
                                    || ' ran out before the job finished',
                    run_after = {0}, locked_by = NULL, locked_until = NULL
                FROM expired
                WHERE j.id = expired.id AND j.status::text = 'running'
                RETURNING j.id, expired.locked_by, j.status""", DSL.val(now),
                DSL.inline(RECLAIM_BATCH))
                .fetch(row -> new Reclaimed(row.get(0, UUID.class), row.get(1, String.class),
                        row.get(2, JobStatus.class))));
    }

    @Override
    public Job get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException(ENTITY, "id " + id));
    }

    @Override
    public Optional<Job> find(UUID id) {
        Checks.notNull(ENTITY, "id", id);
        return db.read(dsl -> dsl.selectFrom(JOBS).where(JOBS.ID.eq(id))
                .fetchOptional(JobStore::map));
    }

    @Override
    public Page<Job> list(JobQuery query) {
        Checks.notNull(ENTITY, "query", query);
        int limit = Checks.pageSize(ENTITY, query.limit(), MAX_PAGE);
        List<Condition> where = new ArrayList<>();
        query.episodeId().ifPresent(id -> where.add(JOBS.EPISODE_ID.eq(id)));
        query.stage().ifPresent(stage -> where.add(JOBS.STAGE.eq(stage.getLiteral())));
        if (!query.statuses().isEmpty()) {
            where.add(JOBS.STATUS.in(query.statuses()));
        }
        query.after().map(cursor -> Cursor.decode(ENTITY, cursor)).ifPresent(cursor ->
                where.add(DSL.row(JOBS.CREATED_AT, JOBS.ID).lt(cursor.createdAt(), cursor.id())));
        List<Job> rows = db.read(dsl -> dsl.selectFrom(JOBS).where(where)
                .orderBy(JOBS.CREATED_AT.desc(), JOBS.ID.desc())
                .limit(limit + 1).fetch(JobStore::map));
        return Pages.of(rows, limit, job -> new Cursor(job.createdAt(), job.id()));
    }

    @Override
    public List<QueueDepth> depth() {
        return db.read(dsl -> dsl.select(JOBS.STAGE, JOBS.STATUS, DSL.count()).from(JOBS)
                .where(LIVE_STATUS).groupBy(JOBS.STAGE, JOBS.STATUS)
                .orderBy(JOBS.STAGE, JOBS.STATUS)
                .fetch(row -> new QueueDepth(PipelineStage.lookupLiteral(row.value1()),
                        row.value2(), row.value3())));
    }

    @Override
    public int prune(Duration olderThan, int batchSize) {
        Checks.notNull(ENTITY, "olderThan", olderThan);
        if (olderThan.isNegative()) {
            throw new ValidationException("prune", "olderThan", "is " + olderThan
                    + ", must not be negative");
        }
        if (batchSize < 1) {
            throw new ValidationException("prune", "batchSize", "is " + batchSize
                    + ", must be 1 or more");
        }
        OffsetDateTime cutoff = db.now().minus(olderThan);
        int total = 0;
        int deleted;
        do {
            deleted = db.write(dsl -> dsl.deleteFrom(JOBS).where(JOBS.ID.in(
                    DSL.select(JOBS.ID).from(JOBS).where(FINISHED, JOBS.COMPLETED_AT.lt(cutoff))
                            // inline, as in claim: a bound LIMIT invites a scan of the table
                            .limit(DSL.inline(batchSize)))).execute());
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }

    @Override
    public JobWorker.Builder worker(String name) {
        Checks.required(ENTITY, JOBS.LOCKED_BY, name);
        if (listenSource == null) {
            throw new IllegalStateException("A worker needs its own connections: build it from the"
                    + " Acog made with a data source, not from a joined or transactional view");
        }
        return new Worker.Builder(this, name, listenSource);
    }

    private static Map<String, Object> object(JSONB json) {
        return JobRows.object(json == null ? null : json.data());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void checkLease(Duration lease) {
        Checks.notNull(ENTITY, "lease", lease);
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ValidationException(ENTITY, "lease", "is " + lease + ", must be at least"
                    + " one second");
        }
    }

    static Job map(JobsRecord row) {
        Map<String, Object> input = object(row.getInputParams());
        Map<String, Object> result = row.getResult() == null ? null : object(row.getResult());
        return new Job(row.getId(), row.getEpisodeId(), PipelineStage.lookupLiteral(row.getStage()),
                row.getStatus(), row.getPriority(), row.getRunAfter(), row.getLockedBy(),
                row.getLockedUntil(), row.getCeleryTaskId(), input, result, row.getErrorMessage(),
                row.getStartedAt(), row.getCompletedAt(), row.getRetryCount(), row.getMaxRetries(),
                row.getAttempts(), row.getCostUsd(), row.getTokensUsed(), row.getIdempotencyKey(),
                row.getCancelRequested(), row.getCreatedAt(), row.getUpdatedAt());
    }

}
