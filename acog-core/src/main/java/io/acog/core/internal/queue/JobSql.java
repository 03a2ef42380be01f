package io.acog.core.internal.queue;

import static io.acog.jooq.generated.Tables.EPISODES;
import static io.acog.jooq.generated.Tables.JOBS;

import io.acog.core.ConflictException;
import io.acog.core.NotFoundException;
import io.acog.core.Page;
import io.acog.core.ValidationException;
import io.acog.core.episode.PipelineStage;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.db.Cursor;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.db.DbEnums;
import io.acog.core.internal.db.Pages;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.internal.store.EpisodeStore;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import io.acog.core.job.JobCompletion;
import io.acog.core.job.JobQuery;
import io.acog.core.job.JobStatus;
import io.acog.core.job.JobTracker.Completion;
import io.acog.core.job.NewJob;
import io.acog.core.job.QueueDepth;
import io.acog.core.job.LeaseLostException;
import io.acog.core.job.RetryPolicy;
import io.acog.jooq.generated.tables.records.JobsRecord;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record2;
import org.jooq.UpdateSetMoreStep;
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
    static final Condition LIVE_STATUS = JOBS.STATUS.in(DSL.inline(DbEnums.db(JobStatus.QUEUED)),
            DSL.inline(DbEnums.db(JobStatus.RUNNING)));
    static final Condition FINISHED = JOBS.STATUS.in(DSL.inline(DbEnums.db(JobStatus.COMPLETED)),
            DSL.inline(DbEnums.db(JobStatus.FAILED)), DSL.inline(DbEnums.db(JobStatus.CANCELLED)));
    /**
     * The guard of writes to held jobs, which are found by primary key (here and, written out, in
     * the batch statements below). Written so that no partial index matches it: status as text
     * (not {@code status = 'running'}, which the running-jobs indexes match) and the token with
     * IS NOT DISTINCT FROM (not {@code =}, which implies the NOT NULL of idx_jobs_celery_task).
     * Otherwise a generic plan built on statistics from a quieter moment can take one of those
     * indexes for a small table and walk every entry, dead ones of finished jobs included. This
     * way the primary key is the only way in.
     */
    static final Condition STILL_RUNNING = DSL.condition("{0}::text = 'running'",
            JOBS.STATUS);

    static void checkLease(Duration lease) {
        Checks.notNull(ENTITY, "lease", lease);
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ValidationException(ENTITY, "lease", "is " + lease + ", must be at least"
                    + " one second");
        }
    }
}
