package io.acog.core.internal.queue;

import static io.acog.jooq.generated.Tables.JOBS;

import io.acog.core.episode.PipelineStage;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.db.DbEnums;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taking jobs out of the queue: claims in one statement over a partial index, leases extended by
 * heartbeats, and jobs whose leases ran out reclaimed.
 */
final class JobClaims {

    private static final Logger LOG = LoggerFactory.getLogger(JobClaims.class);

    private final Db db;

    JobClaims(Db db) {
        this.db = db;
    }

    List<ClaimedJob> claim(String workerId, int max, Duration lease, Set<PipelineStage> stages) {
        Checks.required(JobSql.ENTITY, JOBS.LOCKED_BY, workerId);
        Checks.pageSize(JobSql.ENTITY, max, JobSql.MAX_CLAIM);
        JobSql.checkLease(lease);
        OffsetDateTime now = db.now();
        OffsetDateTime until = now.plus(lease);
        String token = workerId + "/" + UUID.randomUUID();
        Checks.optional(JobSql.ENTITY, JOBS.CELERY_TASK_ID, token);
        String sql = CLAIM_SQL.computeIfAbsent(
                max + "/"
                        + (stages == null
                                ? Set.of()
                                : EnumSet.copyOf(stages.isEmpty() ? EnumSet.noneOf(PipelineStage.class) : stages)),
                key -> claimSql(max, stages));
        List<ClaimedJob> jobs = db.statement(dsl -> dsl.connectionResult(connection -> {
            // Sorting is disabled for the claim's transaction: statistics gathered while the queue
            // was empty make the planner think any plan is as good, and it may sort every queued
            // job by priority on each claim instead of walking idx_jobs_claim, which is in that
            // order already. SET LOCAL lasts only within a transaction block, so a claim on its
            // own (auto-commit) opens one; inside a host's transaction the setting is left alone.
            boolean alone = connection.getAutoCommit();
            if (!alone) {
                return claimIn(connection, sql, now, workerId, until, token, max);
            }
            connection.setAutoCommit(false);
            try {
                List<ClaimedJob> claimed = claimIn(connection, PIN_PLAN + sql, now, workerId, until, token, max);
                connection.commit();
                return claimed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }));
        jobs.sort(Comparator.comparing((ClaimedJob c) -> -c.job().priority())
                .thenComparing(c -> c.job().runAfter())
                .thenComparing(c -> c.job().createdAt()));
        return jobs;
    }

    /** Sent with the claim in one round trip, inside the claim's own transaction. */
    private static final String PIN_PLAN = "SET LOCAL enable_sort = off; ";

    private static List<ClaimedJob> claimIn(
            Connection connection,
            String sql,
            OffsetDateTime now,
            String workerId,
            OffsetDateTime until,
            String token,
            int max)
            throws SQLException {
        List<ClaimedJob> claimed = new ArrayList<>(max);
        try (PreparedStatement claim = connection.prepareStatement(sql)) {
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
            for (SQLWarning warning = claim.getWarnings(); warning != null; warning = warning.getNextWarning()) {
                LOG.warn("PostgreSQL warned on a claim: {}", warning.getMessage());
            }
        }
        return claimed;
    }

    /** Claim statements by batch size and stages: their text never changes, so build it once. */
    private static final Map<String, String> CLAIM_SQL = new ConcurrentHashMap<>();

    /**
     * The claim as plain JDBC (it is the hot path: no query building, no record mapping beyond
     * {@link JobRows}). The batch size and stages are literals: a bound LIMIT leaves the generic
     * plan guessing the row count (and for a large guess it hash-joins against a scan of the
     * table), and the status literal lets idx_jobs_claim's predicate be proven.
     */
    private static String claimSql(int max, Set<PipelineStage> stages) {
        String stageFilter =
                stages == null || stages.isEmpty() || stages.containsAll(EnumSet.allOf(PipelineStage.class))
                        ? ""
                        : " AND stage IN ("
                                + EnumSet.copyOf(stages).stream()
                                        .map(stage -> "'" + stage.label() + "'")
                                        .collect(Collectors.joining(", "))
                                + ")";
        return "WITH next AS (SELECT id FROM jobs WHERE status = 'queued' AND run_after <= ?"
                + stageFilter + " ORDER BY priority DESC, run_after, created_at LIMIT " + max
                + " FOR UPDATE SKIP LOCKED)"
                + " UPDATE jobs j SET status = 'running', locked_by = ?, locked_until = ?,"
                + " celery_task_id = ?, attempts = j.attempts + 1, started_at = ?"
                + " FROM next WHERE j.id = next.id RETURNING " + JobRows.COLUMNS_OF_J;
    }

    List<Job> heartbeat(Collection<ClaimedJob> jobs, Duration lease) {
        Checks.notNull(JobSql.ENTITY, "jobs", jobs);
        JobSql.checkLease(lease);
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
                .coerce(JOBS)
                .fetch(JobQueries::map));
    }

    List<UUID> reclaimExpired() {
        return reclaim().stream().map(JobStore.Reclaimed::id).toList();
    }

    List<JobStore.Reclaimed> reclaim() {
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
                RETURNING j.id, expired.locked_by, j.status""", DSL.val(now), DSL.inline(JobSql.RECLAIM_BATCH))
                .fetch(row -> new JobStore.Reclaimed(
                        row.get(0, UUID.class),
                        row.get(1, String.class),
                        DbEnums.jobStatus(row.get(2, io.acog.jooq.generated.enums.JobStatus.class)))));
    }

    /**
     * How long until the earliest queued job of these stages is due: zero when one is due now,
     * empty when none is queued. Idle workers sleep until then rather than a whole poll interval,
     * since a job coming due (a render's next check, a retry after its backoff) sends no
     * notification.
     */
    Optional<Duration> untilNextDue(Set<PipelineStage> stages) {
        Condition ofStages = stages.isEmpty() || stages.containsAll(EnumSet.allOf(PipelineStage.class))
                ? DSL.noCondition()
                : JOBS.STAGE.in(stages.stream().map(PipelineStage::label).toList());
        OffsetDateTime now = db.now();
        return db.read(dsl -> dsl.select(DSL.min(JOBS.RUN_AFTER))
                        .from(JOBS)
                        .where(JobSql.QUEUED, ofStages)
                        .fetchOptional(0, OffsetDateTime.class))
                .map(due -> due.isAfter(now) ? Duration.between(now, due) : Duration.ZERO);
    }
}
