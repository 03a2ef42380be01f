package io.acog.core.internal.queue;

import static io.acog.jooq.generated.Tables.JOBS;

import io.acog.core.episode.PipelineStage;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.job.Job;
import io.acog.core.job.JobStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.Field;
import org.jooq.JSONB;

/**
 * Jobs read straight from JDBC rows, for the queue's hot statements (claim): PostgreSQL's driver
 * returns UUIDs and times as Java objects, so a row costs a few getters instead of a jOOQ record's
 * conversions. The column list comes from the generated table, in the order {@link #read} reads.
 */
public final class JobRows {

    private static final Field<?>[] COLUMNS = {
        JOBS.ID,
        JOBS.EPISODE_ID,
        JOBS.STAGE,
        JOBS.STATUS,
        JOBS.PRIORITY,
        JOBS.RUN_AFTER,
        JOBS.LOCKED_BY,
        JOBS.LOCKED_UNTIL,
        JOBS.CELERY_TASK_ID,
        JOBS.INPUT_PARAMS,
        JOBS.RESULT,
        JOBS.ERROR_MESSAGE,
        JOBS.STARTED_AT,
        JOBS.COMPLETED_AT,
        JOBS.RETRY_COUNT,
        JOBS.MAX_RETRIES,
        JOBS.ATTEMPTS,
        JOBS.COST_USD,
        JOBS.TOKENS_USED,
        JOBS.IDEMPOTENCY_KEY,
        JOBS.CANCEL_REQUESTED,
        JOBS.CREATED_AT,
        JOBS.UPDATED_AT
    };

    /** The columns qualified with the alias {@code j}, for RETURNING. */
    static final String COLUMNS_OF_J =
            Stream.of(COLUMNS).map(field -> "j." + field.getName()).collect(Collectors.joining(", "));

    static {
        if (COLUMNS.length != JOBS.fields().length) {
            throw new IllegalStateException("JobRows does not read every column of jobs");
        }
    }

    private JobRows() {}

    static Job read(ResultSet row) throws SQLException {
        return new Job(
                row.getObject(1, UUID.class),
                row.getObject(2, UUID.class),
                PipelineStage.fromLabel(row.getString(3)),
                JobStatus.fromLabel(row.getString(4)),
                row.getInt(5),
                row.getObject(6, OffsetDateTime.class),
                row.getString(7),
                row.getObject(8, OffsetDateTime.class),
                row.getString(9),
                object(row.getString(10)),
                row.getString(11) == null ? null : object(row.getString(11)),
                row.getString(12),
                row.getObject(13, OffsetDateTime.class),
                row.getObject(14, OffsetDateTime.class),
                row.getInt(15),
                row.getInt(16),
                row.getInt(17),
                row.getBigDecimal(18),
                row.getObject(19, Integer.class),
                row.getString(20),
                row.getBoolean(21),
                row.getObject(22, OffsetDateTime.class),
                row.getObject(23, OffsetDateTime.class));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String json) {
        return json == null || "{}".equals(json) ? Map.of() : JsonCodec.read(JSONB.valueOf(json), LinkedHashMap.class);
    }
}
