package io.acog.core.pipeline;

import static io.acog.core.pipeline.PipelineTesting.jobs;
import static io.acog.testing.Waiting.patiently;
import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.Job;
import io.acog.core.job.JobStatus;
import io.acog.core.job.JobWorker;
import io.acog.providers.offline.OfflineProviders;
import io.acog.testkit.postgres.AcogPostgres;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A worker shutting down while a stage's provider call runs: the call, interrupted at the
 * deadline, fails as an interrupted call does, and the stage's job goes back to the queue
 * unfinished, without a retry counted, as {@link JobWorker#shutdown} promises (the failure is the
 * shutdown's, not the provider's).
 */
@AcogPostgres
class PipelineShutdownTest extends PipelineTestCase {

    @Test
    void aStageInterruptedByItsWorkersShutdownGoesBackToTheQueueWithoutARetry() throws Exception {
        OfflineProviders slow = PipelineTesting.offline()
                .latency("planning", Duration.ofMinutes(10))
                .build();
        EpisodePipeline pipeline = pipeline(slow);
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        JobWorker worker = pipeline.worker("w").threads(1).start();
        patiently().until(() -> slow.calls("planning").size() == 1);

        boolean finished = worker.shutdown(Duration.ofMillis(200));

        assertThat(finished).as("the call was still running at the deadline").isFalse();
        Job back = jobs(acog, episode.id(), PipelineStage.PLANNING).get(0);
        assertThat(back.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(back.retryCount()).as("no retry counted").isZero();
        assertThat(back.lockedBy()).isNull();
        assertThat(back.errorMessage()).as("no failure recorded").isNull();
        assertThat(acog.episodes().get(episode.id()).status()).isEqualTo(EpisodeStatus.PLANNING);

        // the next worker runs it from the start, as if the first had stopped before the call
        EpisodePipeline quick = pipeline(PipelineTesting.offline().build());
        try (JobWorker next = quick.worker("next").threads(2).start()) {
            PipelineTesting.awaitRest(acog, episode.id());
        }
        assertThat(acog.episodes().get(episode.id()).status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(jobs(acog, episode.id(), PipelineStage.PLANNING).get(0).retryCount())
                .isZero();
    }
}
