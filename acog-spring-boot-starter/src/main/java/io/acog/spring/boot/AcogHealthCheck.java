package io.acog.spring.boot;

import io.acog.core.Acog;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.JobStatus;
import io.acog.core.job.QueueStats;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.jooq.AcogSchema;
import io.acog.jooq.SchemaStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What the {@code acog} health indicator reports, on either Spring Boot line (each has its own
 * {@code HealthIndicator} type; both adapt this). DOWN when the database cannot be reached or
 * ACOG's tables are not at the version this ACOG ships; UP otherwise, with the schema version, the
 * queue, the worker and the providers. The details hold no setting's value, so no secret.
 */
final class AcogHealthCheck {

    /** UP or DOWN, with details for the health endpoint. */
    record Reading(boolean up, Map<String, Object> details) {}

    /**
     * How long a schema found up to date is trusted before it is read again. Reading it asks
     * Flyway (a class path scan, a query, a log line); health endpoints are polled every few
     * seconds, and a schema changes only when some node migrates it. A schema not up to date is
     * read again at every check, so the indicator turns UP as soon as it is migrated; an
     * unreachable database shows at every check through the queue's query.
     */
    static final long SCHEMA_TRUSTED_NANOS = Duration.ofMinutes(1).toNanos();

    private SchemaStatus trusted;
    private long trustedSince;

    private final DataSource dataSource;
    private final String schema;
    private final Acog acog;
    private final ObjectProvider<EpisodePipeline> pipeline;
    private final ObjectProvider<AcogWorkerLifecycle> worker;

    AcogHealthCheck(
            DataSource dataSource,
            String schema,
            Acog acog,
            ObjectProvider<EpisodePipeline> pipeline,
            ObjectProvider<AcogWorkerLifecycle> worker) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.acog = acog;
        this.pipeline = pipeline;
        this.worker = worker;
    }

    Reading read() {
        Map<String, Object> details = new LinkedHashMap<>();
        SchemaStatus status;
        try {
            status = schemaStatus();
        } catch (RuntimeException e) {
            details.put("error", "database unreachable: " + e.getMessage());
            return new Reading(false, details);
        }
        details.put("schema", status.schema());
        details.put("schemaVersion", status.installedVersion().orElse("none"));
        if (!status.upToDate()) {
            details.put("expectedSchemaVersion", status.shippedVersion());
            details.put(
                    "error",
                    "ACOG's tables in schema '" + status.schema() + "' are at version "
                            + status.installedVersion().orElse("none") + "; this ACOG needs version "
                            + status.shippedVersion()
                            + (status.installedVersion().isEmpty()
                                    ? ": migrate them (acog.migration.enabled=true)"
                                    : ""));
            return new Reading(false, details);
        }
        QueueStats stats;
        try {
            stats = acog.jobs().stats();
        } catch (RuntimeException e) {
            details.put("error", "database unreachable: " + e.getMessage());
            return new Reading(false, details);
        }
        Map<String, Object> queue = new LinkedHashMap<>();
        for (PipelineStage stage : PipelineStage.values()) {
            Map<String, Object> depth = new LinkedHashMap<>();
            depth.put("queued", stats.jobs(stage, JobStatus.QUEUED));
            depth.put("running", stats.jobs(stage, JobStatus.RUNNING));
            queue.put(stage.label(), depth);
        }
        details.put("queue", queue);
        Map<String, Object> waits = new LinkedHashMap<>();
        for (PipelineStage stage : PipelineStage.values()) {
            Duration wait = stats.longestWait().get(stage);
            if (wait != null) {
                waits.put(stage.label(), wait.toString());
            }
        }
        details.put("longestWait", waits);
        details.put("expiredLeases", stats.expiredLeases());
        AcogWorkerLifecycle lifecycle = worker.getIfAvailable();
        details.put("worker", lifecycle == null ? Map.of("enabled", false, "running", false) : lifecycle.describe());
        EpisodePipeline episodes = pipeline.getIfAvailable();
        if (episodes != null) {
            details.put("providers", episodes.providers());
        }
        return new Reading(true, details);
    }

    private synchronized SchemaStatus schemaStatus() {
        if (trusted != null && System.nanoTime() - trustedSince < SCHEMA_TRUSTED_NANOS) {
            return trusted;
        }
        SchemaStatus status = schema == null ? AcogSchema.status(dataSource) : AcogSchema.status(dataSource, schema);
        trusted = status.upToDate() ? status : null;
        trustedSince = System.nanoTime();
        return status;
    }
}
