package io.acog.core.internal.queue;

import static io.acog.jooq.generated.Tables.JOBS;

import io.acog.core.NotFoundException;
import io.acog.core.Page;
import io.acog.core.ValidationException;
import io.acog.core.episode.PipelineStage;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.db.Cursor;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.db.DbEnums;
import io.acog.core.internal.db.Pages;
import io.acog.core.job.Job;
import io.acog.core.job.JobQuery;
import io.acog.core.job.JobStatus;
import io.acog.core.job.QueueDepth;
import io.acog.core.job.QueueStats;
import io.acog.jooq.generated.tables.records.JobsRecord;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/** Reading jobs, and pruning finished ones. */
final class JobQueries {

    private final Db db;

    JobQueries(Db db) {
        this.db = db;
    }

    Job get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException(JobSql.ENTITY, "id " + id));
    }

    Optional<Job> find(UUID id) {
        Checks.notNull(JobSql.ENTITY, "id", id);
        return db.read(dsl -> dsl.selectFrom(JOBS).where(JOBS.ID.eq(id)).fetchOptional(JobQueries::map));
    }

    Page<Job> list(JobQuery query) {
        Checks.notNull(JobSql.ENTITY, "query", query);
        int limit = Checks.pageSize(JobSql.ENTITY, query.limit(), JobSql.MAX_PAGE);
        List<Condition> where = new ArrayList<>();
        query.episodeId().ifPresent(id -> where.add(JOBS.EPISODE_ID.eq(id)));
        query.stage().ifPresent(stage -> where.add(JOBS.STAGE.eq(stage.label())));
        if (!query.statuses().isEmpty()) {
            where.add(JOBS.STATUS.in(query.statuses().stream().map(DbEnums::db).toList()));
        }
        query.after()
                .map(cursor -> Cursor.decode(JobSql.ENTITY, cursor))
                .ifPresent(cursor -> where.add(DSL.row(JOBS.CREATED_AT, JOBS.ID).lt(cursor.createdAt(), cursor.id())));
        List<Job> rows = db.read(dsl -> dsl.selectFrom(JOBS)
                .where(where)
                .orderBy(JOBS.CREATED_AT.desc(), JOBS.ID.desc())
                .limit(limit + 1)
                .fetch(JobQueries::map));
        return Pages.of(rows, limit, job -> new Cursor(job.createdAt(), job.id()));
    }

    List<QueueDepth> depth() {
        return db.read(JobQueries::depth);
    }

    private static List<QueueDepth> depth(DSLContext dsl) {
        return dsl.select(JOBS.STAGE, JOBS.STATUS, DSL.count())
                .from(JOBS)
                .where(JobSql.LIVE_STATUS)
                .groupBy(JOBS.STAGE, JOBS.STATUS)
                .orderBy(JOBS.STAGE, JOBS.STATUS)
                .fetch(row ->
                        new QueueDepth(DbEnums.stage(row.value1()), DbEnums.jobStatus(row.value2()), row.value3()));
    }

    QueueStats stats() {
        OffsetDateTime now = db.now();
        return db.read(dsl -> {
            List<QueueDepth> depth = depth(dsl);
            Map<PipelineStage, Duration> waits = new EnumMap<>(PipelineStage.class);
            dsl.select(JOBS.STAGE, DSL.min(JOBS.RUN_AFTER))
                    .from(JOBS)
                    .where(JobSql.QUEUED, JOBS.RUN_AFTER.le(now))
                    .groupBy(JOBS.STAGE)
                    .fetch()
                    .forEach(row -> waits.put(DbEnums.stage(row.value1()), Duration.between(row.value2(), now)));
            long expired = dsl.fetchCount(
                    JOBS, JOBS.STATUS.eq(DSL.inline(DbEnums.db(JobStatus.RUNNING))), JOBS.LOCKED_UNTIL.lt(now));
            return new QueueStats(now, depth, waits, expired);
        });
    }

    int prune(Duration olderThan, int batchSize) {
        Checks.notNull(JobSql.ENTITY, "olderThan", olderThan);
        if (olderThan.isNegative()) {
            throw new ValidationException("prune", "olderThan", "is " + olderThan + ", must not be negative");
        }
        if (batchSize < 1) {
            throw new ValidationException("prune", "batchSize", "is " + batchSize + ", must be 1 or more");
        }
        OffsetDateTime cutoff = db.now().minus(olderThan);
        int total = 0;
        int deleted;
        do {
            deleted = db.write(dsl -> dsl.deleteFrom(JOBS)
                    .where(JOBS.ID.in(DSL.select(JOBS.ID)
                            .from(JOBS)
                            .where(JobSql.FINISHED, JOBS.COMPLETED_AT.lt(cutoff))
                            // inline, as in claim: a bound LIMIT invites a scan of the table
                            .limit(DSL.inline(batchSize))))
                    .execute());
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }

    private static Map<String, Object> object(JSONB json) {
        return JobRows.object(json == null ? null : json.data());
    }

    static Job map(JobsRecord row) {
        Map<String, Object> input = object(row.getInputParams());
        Map<String, Object> result = row.getResult() == null ? null : object(row.getResult());
        return new Job(
                row.getId(),
                row.getEpisodeId(),
                DbEnums.stage(row.getStage()),
                DbEnums.jobStatus(row.getStatus()),
                row.getPriority(),
                row.getRunAfter(),
                row.getLockedBy(),
                row.getLockedUntil(),
                row.getCeleryTaskId(),
                input,
                result,
                row.getErrorMessage(),
                row.getStartedAt(),
                row.getCompletedAt(),
                row.getRetryCount(),
                row.getMaxRetries(),
                row.getAttempts(),
                row.getCostUsd(),
                row.getTokensUsed(),
                row.getIdempotencyKey(),
                row.getCancelRequested(),
                row.getCreatedAt(),
                row.getUpdatedAt());
    }
}
