package io.acog.core.job;

import io.acog.jooq.generated.enums.JobStatus;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A job as the dashboard shows it: stage, status and timing. */
public record JobSummary(UUID id, String stage, JobStatus status, OffsetDateTime startedAt,
        OffsetDateTime completedAt) {}
