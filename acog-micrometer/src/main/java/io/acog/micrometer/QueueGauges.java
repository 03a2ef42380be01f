package io.acog.micrometer;

import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.JobStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Registers the gauges of the queue and the episodes in a registry, all reading one {@link
 * QueueReadings}: every series at once (each stage by queued and running, each stage's oldest
 * wait, each episode status), so the set is fixed and a series does not appear only once it is
 * non-zero.
 */
final class QueueGauges {

    private static final List<JobStatus> LIVE = List.of(JobStatus.QUEUED, JobStatus.RUNNING);

    private QueueGauges() {}

    static void register(MeterRegistry registry, QueueReadings readings) {
        for (PipelineStage stage : PipelineStage.values()) {
            for (JobStatus status : LIVE) {
                Gauge.builder(AcogMeters.QUEUE_DEPTH, readings, r -> r.jobs(stage, status))
                        .description("Live jobs, by stage and status (queued, running)")
                        .tag(AcogMeters.TAG_STAGE, stage.label())
                        .tag(AcogMeters.TAG_STATUS, status.label())
                        .strongReference(true)
                        .register(registry);
            }
            TimeGauge.builder(AcogMeters.QUEUE_OLDEST_AGE, readings, TimeUnit.SECONDS, r -> r.oldestAgeSeconds(stage))
                    .description("How long the stage's longest-waiting due job has waited")
                    .tag(AcogMeters.TAG_STAGE, stage.label())
                    .strongReference(true)
                    .register(registry);
        }
        Gauge.builder(AcogMeters.QUEUE_LEASES_EXPIRED, readings, QueueReadings::expiredLeases)
                .description("Running jobs whose lease ran out and that no worker has reclaimed yet")
                .strongReference(true)
                .register(registry);
        for (EpisodeStatus status : EpisodeStatus.values()) {
            Gauge.builder(AcogMeters.EPISODES, readings, r -> r.episodes(status))
                    .description("Live episodes of every channel, by status")
                    .tag(AcogMeters.TAG_STATUS, status.label())
                    .strongReference(true)
                    .register(registry);
        }
    }
}
