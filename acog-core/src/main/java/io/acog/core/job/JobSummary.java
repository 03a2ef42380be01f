package io.acog.core.job;

import io.acog.core.episode.PipelineStage;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A job as the dashboard shows it: stage, status and timing. */
public record JobSummary(
        UUID id, PipelineStage stage, JobStatus status, OffsetDateTime startedAt, OffsetDateTime completedAt) {}
