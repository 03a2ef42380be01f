package io.acog.core.internal.queue;

import static io.acog.jooq.generated.Tables.JOBS;

import io.acog.core.NotFoundException;
import io.acog.core.episode.PipelineStage;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.db.DbEnums;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import io.acog.core.job.JobStatus;
import io.acog.core.job.LeaseLostException;
import io.acog.core.job.RetryPolicy;
import io.acog.jooq.generated.tables.records.JobsRecord;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record2;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

/**
 * Changing jobs after they were claimed or enqueued: failures with retries and backoff, a job put
 * back for a later check or handed back unfinished, cancels, and the pipeline's own changes
 * (queued work of a failed episode cancelled, a render's task forgotten, a render's job woken).
 */
final class JobChanges {

    private final Db db;
    private final RetryPolicy retryPolicy;

    JobChanges(Db db, RetryPolicy retryPolicy) {
        this.db = db;
        this.retryPolicy = retryPolicy;
    }

    Job fail(ClaimedJob job, String error, boolean retryable) {
        return fail(job, error, retryable, Duration.ZERO);
    }

    Job fail(ClaimedJob job, String error, boolean retryable, Duration notBefore) {
        Checks.notNull(JobSql.ENTITY, "job", job);
        Duration floor = notBefore == null || notBefore.isNegative() ? Duration.ZERO : notBefore;
        String message = Checks.storable(
                JobSql.ENTITY, "error_message", error == null || error.isBlank() ? "failed without a message" : error);
        OffsetDateTime now = db.now();
        double draw = ThreadLocalRandom.current().nextDouble();
        return db.write(dsl -> {
            Record2<Integer, Integer> retries = dsl.select(JOBS.RETRY_COUNT, JOBS.MAX_RETRIES)
                    .from(JOBS)
                    .where(held(job))
                    .forUpdate()
                    .fetchOne();
            if (retries == null) {
                throw new LeaseLostException(job.job().id(), job.token());
            }
            boolean retry = retryable && retries.value1() < retries.value2();
            var update = dsl.update(JOBS)
                    .set(JOBS.ERROR_MESSAGE, message)
                    .setNull(JOBS.LOCKED_BY)
                    .setNull(JOBS.LOCKED_UNTIL);
            if (retry) {
                update = update.set(JOBS.STATUS, DbEnums.db(JobStatus.QUEUED))
                        .set(JOBS.RETRY_COUNT, retries.value1() + 1)
                        .set(JOBS.RUN_AFTER, now.plus(max(floor, retryPolicy.delay(retries.value1(), draw))));
            } else {
                update = update.set(JOBS.STATUS, DbEnums.db(JobStatus.FAILED)).set(JOBS.COMPLETED_AT, now);
            }
            return JobQueries.map(
                    update.where(JOBS.ID.eq(job.job().id())).returning().fetchOne());
        });
    }

    Job reschedule(ClaimedJob job, Duration delay, Map<String, Object> progress) {
        Checks.notNull(JobSql.ENTITY, "job", job);
        Checks.notNull(JobSql.ENTITY, "delay", delay);
        JSONB patch =
                JSONB.valueOf(JsonCodec.text(JobSql.ENTITY, "input_params", progress == null ? Map.of() : progress));
        OffsetDateTime runAfter = db.now().plus(delay);
        return guarded(
                job,
                dsl -> dsl.update(JOBS)
                        .set(JOBS.STATUS, DbEnums.db(JobStatus.QUEUED))
                        .set(JOBS.RUN_AFTER, runAfter)
                        .set(
                                JOBS.INPUT_PARAMS,
                                DSL.field(
                                        "{0} || {1}",
                                        JOBS.INPUT_PARAMS.getDataType(), JOBS.INPUT_PARAMS, DSL.val(patch)))
                        .setNull(JOBS.LOCKED_BY)
                        .setNull(JOBS.LOCKED_UNTIL));
    }

    /** Merges {@code patch} into the input of a job this claim still holds (a provider's checkpoint). */
    Job note(ClaimedJob job, Map<String, Object> patch) {
        Checks.notNull(JobSql.ENTITY, "job", job);
        JSONB json = JSONB.valueOf(JsonCodec.text(JobSql.ENTITY, "input_params", patch));
        return guarded(
                job,
                dsl -> dsl.update(JOBS)
                        .set(
                                JOBS.INPUT_PARAMS,
                                DSL.field(
                                        "{0} || {1}",
                                        JOBS.INPUT_PARAMS.getDataType(), JOBS.INPUT_PARAMS, DSL.val(json))));
    }

    /**
     * As {@link #note}, as one constant plain-JDBC statement in auto-commit mode that returns
     * nothing: a provider saves its checkpoint on every resumable call (each upload).
     */
    void noteQuietly(ClaimedJob job, Map<String, Object> patch) {
        Checks.notNull(JobSql.ENTITY, "job", job);
        String json = JsonCodec.text(JobSql.ENTITY, "input_params", patch);
        int updated = db.onConnection(connection -> {
            try (PreparedStatement note = connection.prepareStatement(NOTE_SQL)) {
                note.setString(1, json);
                note.setObject(2, job.job().id());
                note.setString(3, job.token());
                return note.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new LeaseLostException(job.job().id(), job.token());
        }
    }

    private static final String NOTE_SQL = """
            UPDATE jobs SET input_params = input_params || ?::jsonb
            WHERE id = ? AND status::text = 'running' AND celery_task_id IS NOT DISTINCT FROM ?""";

    Job release(ClaimedJob job) {
        return requeue(job, true);
    }

    /**
     * As {@link #release}, for a job no handler started: its claim is not counted as an attempt.
     */
    Job handBack(ClaimedJob job) {
        return requeue(job, false);
    }

    private Job requeue(ClaimedJob job, boolean attempted) {
        Checks.notNull(JobSql.ENTITY, "job", job);
        OffsetDateTime now = db.now();
        return guarded(
                job,
                dsl -> dsl.update(JOBS)
                        .set(JOBS.STATUS, DbEnums.db(JobStatus.QUEUED))
                        .set(JOBS.RUN_AFTER, now)
                        .set(
                                JOBS.ATTEMPTS,
                                attempted ? JOBS.ATTEMPTS : DSL.greatest(JOBS.ATTEMPTS.minus(1), DSL.inline(0)))
                        .setNull(JOBS.LOCKED_BY)
                        .setNull(JOBS.LOCKED_UNTIL));
    }

    Job cancelled(ClaimedJob job) {
        Checks.notNull(JobSql.ENTITY, "job", job);
        OffsetDateTime now = db.now();
        return guarded(
                job,
                dsl -> dsl.update(JOBS)
                        .set(JOBS.STATUS, DbEnums.db(JobStatus.CANCELLED))
                        .set(JOBS.COMPLETED_AT, now)
                        .setNull(JOBS.LOCKED_BY)
                        .setNull(JOBS.LOCKED_UNTIL));
    }

    private Job guarded(ClaimedJob job, Function<DSLContext, UpdateSetMoreStep<JobsRecord>> update) {
        return db.write(dsl -> update.apply(dsl)
                .where(held(job))
                .returning()
                .fetchOptional(JobQueries::map)
                .orElseThrow(() -> new LeaseLostException(job.job().id(), job.token())));
    }

    private static Condition held(ClaimedJob job) {
        return JOBS.ID
                .eq(job.job().id())
                .and(JobSql.STILL_RUNNING)
                .and(JOBS.CELERY_TASK_ID.isNotDistinctFrom(job.token()));
    }

    Job cancel(UUID jobId) {
        Checks.notNull(JobSql.ENTITY, "id", jobId);
        OffsetDateTime now = db.now();
        // One statement: if a claim holds the row, this waits for it and then sees the job
        // running, so it requests the cancel instead of overwriting the claim.
        return db.write(dsl -> dsl.update(JOBS)
                .set(
                        JOBS.STATUS,
                        DSL.when(JobSql.QUEUED, DSL.inline(DbEnums.db(JobStatus.CANCELLED)))
                                .otherwise(JOBS.STATUS))
                .set(JOBS.COMPLETED_AT, DSL.when(JobSql.QUEUED, DSL.val(now)).otherwise(JOBS.COMPLETED_AT))
                .set(
                        JOBS.CANCEL_REQUESTED,
                        DSL.when(JobSql.LIVE_STATUS, DSL.inline(true)).otherwise(JOBS.CANCEL_REQUESTED))
                .where(JOBS.ID.eq(jobId))
                .returning()
                .fetchOptional(JobQueries::map)
                .orElseThrow(() -> new NotFoundException(JobSql.ENTITY, "id " + jobId)));
    }

    int cancelAll(UUID episodeId) {
        Checks.notNull(JobSql.ENTITY, "episode_id", episodeId);
        OffsetDateTime now = db.now();
        return db.write(dsl -> dsl.update(JOBS)
                .set(
                        JOBS.STATUS,
                        DSL.when(JobSql.QUEUED, DSL.inline(DbEnums.db(JobStatus.CANCELLED)))
                                .otherwise(JOBS.STATUS))
                .set(JOBS.COMPLETED_AT, DSL.when(JobSql.QUEUED, DSL.val(now)).otherwise(JOBS.COMPLETED_AT))
                .set(JOBS.CANCEL_REQUESTED, true)
                .where(JOBS.EPISODE_ID.eq(episodeId), JobSql.LIVE_STATUS)
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
                .set(JOBS.STATUS, DbEnums.db(JobStatus.CANCELLED))
                .set(JOBS.COMPLETED_AT, now)
                .where(
                        JOBS.EPISODE_ID.eq(episodeId),
                        JobSql.QUEUED,
                        // ({0} ->> {1}) rather than the jsonb ? operator: in a jOOQ template a
                        // ? is a bind placeholder, which made this statement invalid SQL
                        DSL.condition("({0} ->> {1}) is null", JOBS.INPUT_PARAMS, DSL.val(progressKey)))
                .execute());
    }

    /** Removes keys a job's earlier runs merged into its input (a render's task id). */
    void forgetProgress(UUID jobId, String... keys) {
        db.statement(dsl -> dsl.update(JOBS)
                .set(
                        JOBS.INPUT_PARAMS,
                        DSL.field(
                                "{0} - {1}::text[]", JOBS.INPUT_PARAMS.getDataType(), JOBS.INPUT_PARAMS, DSL.val(keys)))
                .where(JOBS.ID.eq(jobId))
                .execute());
    }

    /**
     * Makes the queued job of one of {@code stages} whose input has {@code key = value} and
     * {@code providerKey = provider} due now, and wakes idle workers.
     *
     * @return whether there was such a job
     */
    boolean wake(Set<PipelineStage> stages, String key, String value, String providerKey, String provider) {
        OffsetDateTime now = db.now();
        return db.write(dsl -> {
            int woken = dsl.update(JOBS)
                    .set(JOBS.RUN_AFTER, now)
                    .where(
                            JobSql.QUEUED,
                            JOBS.STAGE.in(
                                    stages.stream().map(PipelineStage::label).toList()),
                            DSL.condition("{0} ->> {1} = {2}", JOBS.INPUT_PARAMS, DSL.val(key), DSL.val(value)),
                            DSL.condition(
                                    "{0} ->> {1} = {2}", JOBS.INPUT_PARAMS, DSL.val(providerKey), DSL.val(provider)))
                    .execute();
            if (woken > 0) {
                dsl.execute("SELECT pg_notify({0}, '')", DSL.inline(JobSql.CHANNEL));
            }
            return woken > 0;
        });
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
