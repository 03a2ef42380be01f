package io.acog.core.job;

import io.acog.jooq.generated.enums.JobStatus;
import io.acog.jooq.generated.enums.PipelineStage;

/** How many jobs of a stage are queued or running. */
public record QueueDepth(PipelineStage stage, JobStatus status, long jobs) {}
