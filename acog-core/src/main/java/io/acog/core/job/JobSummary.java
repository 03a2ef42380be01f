package io.acog.core.job;

import io.acog.core.episode.PipelineStage;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A job as the dashboard shows it: stage, status and timing.
 *
 * @param id the job's id
 * @param stage the stage it runs
 * @param status where it stands
 * @param startedAt when its current or last run began; null before
 * @param completedAt when it finished; null before
 */
public record JobSummary(
        UUID id, PipelineStage stage, JobStatus status, OffsetDateTime startedAt, OffsetDateTime completedAt) {}
