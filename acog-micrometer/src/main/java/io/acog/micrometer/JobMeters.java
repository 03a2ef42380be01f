package io.acog.micrometer;

import io.acog.core.episode.PipelineStage;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import io.acog.core.job.JobListener;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.UUID;

/** Counts what a worker does with jobs, per stage: the listener of {@link AcogMetrics#jobListener()}. */
final class JobMeters implements JobListener {

    private final BoundRegistries registries;

    JobMeters(BoundRegistries registries) {
        this.registries = registries;
    }

    @Override
    public void claimed(ClaimedJob job) {
        count(AcogMeters.JOBS_CLAIMED, "Jobs a worker claimed to run", job.job().stage());
    }

    @Override
    public void completed(Job job, Duration duration) {
        count(AcogMeters.JOBS_COMPLETED, "Jobs that completed", job.stage());
    }

    @Override
    public void retried(Job job, Throwable error) {
        count(AcogMeters.JOBS_RETRIED, "Runs that failed and were queued again to be retried", job.stage());
    }

    @Override
    public void failed(Job job, Throwable error) {
        count(AcogMeters.JOBS_FAILED, "Jobs that failed for good", job.stage());
    }

    @Override
    public void rescheduled(Job job) {
        count(AcogMeters.JOBS_RESCHEDULED, "Runs that put their job back to be looked at later", job.stage());
    }

    @Override
    public void cancelled(Job job) {
        count(AcogMeters.JOBS_CANCELLED, "Jobs that ended cancelled while a worker held them", job.stage());
    }

    @Override
    public void leaseExpired(UUID jobId, String worker) {
        registries.count(AcogMeters.LEASES_EXPIRED, "Leases that ran out and were reclaimed", Tags.empty(), 1);
    }

    @Override
    public void leaseLost(ClaimedJob job) {
        count(
                AcogMeters.LEASES_LOST,
                "Jobs whose worker lost the lease before it wrote the end",
                job.job().stage());
    }

    private void count(String name, String description, PipelineStage stage) {
        registries.count(name, description, Tags.of(AcogMeters.TAG_STAGE, stage.label()), 1);
    }

    @Override
    public String toString() {
        return "AcogMetrics.jobListener";
    }
}
