package io.acog.core.job;

import io.acog.core.episode.PipelineStage;

/**
 * How many jobs of a stage are queued or running.
 *
 * @param stage the stage
 * @param status {@link JobStatus#QUEUED} or {@link JobStatus#RUNNING}
 * @param jobs how many
 */
public record QueueDepth(PipelineStage stage, JobStatus status, long jobs) {}
