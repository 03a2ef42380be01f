package io.acog.core.job;

import io.acog.core.episode.PipelineStage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The queue at one moment, read in one transaction: what metrics and health checks report.
 *
 * @param at when it was read, by the {@link io.acog.core.Acog#clock() Acog's clock}
 * @param depth the jobs of each stage that are queued and running (as {@link JobTracker#depth()})
 * @param longestWait per stage, how long its longest-waiting due job has waited since it became due
 *     (since it was queued, or since the end of its backoff or polling delay); a stage with no due
 *     job is absent. A growing wait means the workers do not keep up.
 * @param expiredLeases running jobs whose lease ran out and that no worker has reclaimed yet: their
 *     workers died or stalled. Workers reclaim such jobs as they poll, so a number that stays above
 *     zero means no worker is running.
 */
public record QueueStats(
        OffsetDateTime at, List<QueueDepth> depth, Map<PipelineStage, Duration> longestWait, long expiredLeases) {

    /**
     * Creates the reading, copying the list and the map.
     *
     * @param at when it was read, by the {@link io.acog.core.Acog#clock() Acog's clock}
     * @param depth the jobs of each stage that are queued and running
     * @param longestWait per stage, how long its longest-waiting due job has waited
     * @param expiredLeases running jobs whose lease ran out
     * @throws NullPointerException when a component is null
     */
    public QueueStats {
        Objects.requireNonNull(at, "at");
        depth = List.copyOf(depth);
        longestWait = Map.copyOf(longestWait);
    }

    /**
     * Returns how many jobs of {@code stage} are in {@code status}.
     *
     * @param stage the stage
     * @param status {@link JobStatus#QUEUED} or {@link JobStatus#RUNNING}
     * @return how many; zero when none
     */
    public long jobs(PipelineStage stage, JobStatus status) {
        return depth.stream()
                .filter(entry -> entry.stage() == stage && entry.status() == status)
                .mapToLong(QueueDepth::jobs)
                .sum();
    }

    /**
     * Returns how many jobs are in {@code status}, all stages together.
     *
     * @param status {@link JobStatus#QUEUED} or {@link JobStatus#RUNNING}
     * @return how many
     */
    public long jobs(JobStatus status) {
        return depth.stream()
                .filter(entry -> entry.status() == status)
                .mapToLong(QueueDepth::jobs)
                .sum();
    }
}
