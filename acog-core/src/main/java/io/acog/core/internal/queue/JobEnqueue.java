package io.acog.core.internal.queue;

import static io.acog.jooq.generated.Tables.EPISODES;
import static io.acog.jooq.generated.Tables.JOBS;

import io.acog.core.ConflictException;
import io.acog.core.ValidationException;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.internal.store.EpisodeStore;
import io.acog.core.job.Job;
import io.acog.core.job.NewJob;
import io.acog.jooq.generated.tables.records.JobsRecord;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Putting jobs in the queue: checked first, then inserted from arrays in one statement that skips
 * inputs whose idempotency key names a live job, and idle workers woken with one notification.
 */
final class JobEnqueue {

    /** An input checked and ready to bind. */
    private record Input(UUID id, NewJob job, String inputJson, OffsetDateTime runAfter) {}

    private final Db db;

    JobEnqueue(Db db) {
        this.db = db;
    }

    List<Job> enqueueAll(List<NewJob> jobs) {
        Checks.notNull(JobSql.ENTITY, "jobs", jobs);
        OffsetDateTime now = db.now();
        List<Input> inputs = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            inputs.add(check(jobs.size() == 1 ? JobSql.ENTITY : JobSql.ENTITY + "[" + i + "]", jobs.get(i), now));
        }
        if (inputs.isEmpty()) {
            return List.of();
        }
        return db.write(dsl -> {
            Set<UUID> episodes = new HashSet<>();
            inputs.forEach(input -> episodes.add(input.job().episodeId()));
            Set<UUID> live = new HashSet<>(dsl.select(EPISODES.ID)
                    .from(EPISODES)
                    .where(EPISODES.ID.in(episodes), EPISODES.DELETED_AT.isNull())
                    .forKeyShare()
                    .fetch(EPISODES.ID));
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
                    Job created = JobQueries.map(row);
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
                    dsl.selectFrom(JOBS)
                            .where(JOBS.IDEMPOTENCY_KEY.in(keys), JobSql.LIVE_STATUS)
                            .fetch()
                            .forEach(row -> byKey.put(row.getIdempotencyKey(), JobQueries.map(row)));
                }
                // A key whose live job finished between the conflict and the lookup is free
                // again: enqueue those inputs anew.
                pending = pending.stream()
                        .filter(input -> !byId.containsKey(input.id())
                                && (input.job().idempotencyKey() == null
                                        || !byKey.containsKey(input.job().idempotencyKey())))
                        .toList();
            }
            if (!byId.isEmpty()) {
                dsl.execute("SELECT pg_notify({0}, '')", DSL.inline(JobSql.CHANNEL));
            }
            List<Job> result = new ArrayList<>(inputs.size());
            for (Input input : inputs) {
                Job job = byId.containsKey(input.id())
                        ? byId.get(input.id())
                        : byKey.get(input.job().idempotencyKey());
                if (job == null) {
                    throw new ConflictException(
                            JobSql.ENTITY,
                            "job with idempotency key "
                                    + Checks.show(input.job().idempotencyKey()) + " kept changing while"
                                    + " being enqueued; nothing was enqueued, try again");
                }
                result.add(job);
            }
            return result;
        });
    }

    private static List<JobsRecord> insert(DSLContext dsl, List<Input> inputs, OffsetDateTime now) {
        List<Object> binds = new ArrayList<>();
        for (Object array : insertBinds(inputs, now)) {
            binds.add(DSL.val(array));
        }
        binds.add(DSL.val(now));
        return dsl.resultQuery(INSERT_SQL + " RETURNING *", binds.toArray())
                .coerce(JOBS)
                .fetch();
    }

    /**
     * The arrays {@link #INSERT_SQL} binds as {0} to {7}, in idempotency key order: an insert
     * waits on a key another enqueue inserted and has not committed, so two batches taking shared
     * keys in opposite orders would wait on each other (a deadlock). Taken in one order by every
     * batch, a key is only ever awaited by a batch that holds none after it, so waits cannot close a
     * circle. (Keys freed while an enqueue runs and inserted in its second round are outside it.)
     */
    private static Object[] insertBinds(List<Input> unordered, OffsetDateTime now) {
        List<Input> inputs = new ArrayList<>(unordered);
        inputs.sort(KEY_ORDER);
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
            stages[i] = input.job().stage().label();
            params[i] = input.inputJson();
            priorities[i] = input.job().priority();
            retries[i] = input.job().maxRetries();
            runAfter[i] = input.runAfter().toString();
            keys[i] = input.job().idempotencyKey();
        }
        return new Object[] {ids, episodes, stages, params, priorities, retries, runAfter, keys};
    }

    private static final Comparator<Input> KEY_ORDER = Comparator.comparing(
            (Input input) -> input.job().idempotencyKey(), Comparator.nullsLast(Comparator.naturalOrder()));

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
            inputs.add(check(JobSql.ENTITY, job, now));
        }
        Object[] binds = insertBinds(inputs, now);
        db.onConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(ENQUEUE_LOCKED_SQL)) {
                insert.setObject(1, now);
                insert.setObject(2, now);
                String[] types = {"uuid", "uuid", "text", "text", "int4", "int4", "text", "text"};
                for (int i = 0; i < types.length; i++) {
                    insert.setArray(3 + i, connection.createArrayOf(types[i], (Object[]) binds[i]));
                }
                insert.executeQuery().close();
            }
            return null;
        });
    }

    /**
     * {@link #INSERT_SQL} as plain JDBC (the pipeline runs it at every stage), waking idle workers
     * in the same statement when it inserted any job.
     */
    private static final String ENQUEUE_LOCKED_SQL = "WITH inserted AS ("
            + INSERT_SQL.replace("{8}", "?::timestamptz").replaceAll("\\{\\d+\\}", "?")
            + " RETURNING 1) SELECT pg_notify('" + JobSql.CHANNEL + "', '')"
            + " WHERE EXISTS (SELECT FROM inserted)";

    private static Input check(String entity, NewJob job, OffsetDateTime now) {
        Checks.notNull(entity, "job", job);
        Checks.notNull(entity, "episode_id", job.episodeId());
        Checks.notNull(entity, "stage", job.stage());
        if (job.priority() < 0) {
            throw new ValidationException(
                    entity, "priority", "is " + job.priority() + ", must be 0 or more (higher is claimed sooner)");
        }
        if (job.maxRetries() < 0) {
            throw new ValidationException(entity, "max_retries", "is " + job.maxRetries() + ", must be 0 or more");
        }
        Checks.optional(entity, JOBS.IDEMPOTENCY_KEY, job.idempotencyKey());
        String input = JsonCodec.text(entity, "input_params", job.input());
        if (!input.startsWith("{")) {
            throw new ValidationException(
                    entity,
                    "input_params",
                    "must be a JSON object (a record" + " or a map), got " + Checks.show(input));
        }
        OffsetDateTime runAfter =
                job.runAfter() == null ? now : OffsetDateTime.ofInstant(job.runAfter(), ZoneOffset.UTC);
        return new Input(UUID.randomUUID(), job, input, runAfter);
    }
}
