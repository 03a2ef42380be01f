package io.acog.core.internal.queue;

import static io.acog.jooq.generated.Tables.JOBS;

import io.acog.core.ValidationException;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.db.DbEnums;
import io.acog.core.job.JobStatus;
import java.time.Duration;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** What the queue's statements share: names, limits, and the status conditions they filter on. */
final class JobSql {

    private JobSql() {}

    static final String ENTITY = "job";
    /** The channel enqueues notify and idle workers listen on. */
    static final String CHANNEL = "acog_jobs";

    static final int MAX_PAGE = 500;
    static final int MAX_CLAIM = 1000;
    static final int RECLAIM_BATCH = 1000;

    // Literals, not parameters: the partial indexes' predicates must be provable from the query
    // text for the server's generic plans (see EpisodeQueries.IN_PRODUCTION).
    static final Condition QUEUED = JOBS.STATUS.eq(DSL.inline(DbEnums.db(JobStatus.QUEUED)));
    static final Condition LIVE_STATUS =
            JOBS.STATUS.in(DSL.inline(DbEnums.db(JobStatus.QUEUED)), DSL.inline(DbEnums.db(JobStatus.RUNNING)));
    static final Condition FINISHED = JOBS.STATUS.in(
            DSL.inline(DbEnums.db(JobStatus.COMPLETED)),
            DSL.inline(DbEnums.db(JobStatus.FAILED)),
            DSL.inline(DbEnums.db(JobStatus.CANCELLED)));
    /**
     * The guard of writes to held jobs, which are found by primary key (here and, written out, in
     * the batch statements below). Written so that no partial index matches it: status as text
     * (not {@code status = 'running'}, which the running-jobs indexes match) and the token with
     * IS NOT DISTINCT FROM (not {@code =}, which implies the NOT NULL of idx_jobs_celery_task).
     * Otherwise a generic plan built on statistics from a quieter moment can take one of those
     * indexes for a small table and walk every entry, dead ones of finished jobs included. This
     * way the primary key is the only way in.
     */
    static final Condition STILL_RUNNING = DSL.condition("{0}::text = 'running'", JOBS.STATUS);

    static void checkLease(Duration lease) {
        Checks.notNull(ENTITY, "lease", lease);
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ValidationException(ENTITY, "lease", "is " + lease + ", must be at least" + " one second");
        }
    }
}
