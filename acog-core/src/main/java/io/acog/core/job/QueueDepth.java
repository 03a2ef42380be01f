package io.acog.core.job;

import io.acog.core.episode.PipelineStage;

/** How many jobs of a stage are queued or running. */
public record QueueDepth(PipelineStage stage, JobStatus status, long jobs) {}
