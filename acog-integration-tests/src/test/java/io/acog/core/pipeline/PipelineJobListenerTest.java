package io.acog.core.pipeline;

import static io.acog.core.pipeline.PipelineTesting.awaitNoLiveJobs;
import static io.acog.core.pipeline.PipelineTesting.awaitRest;
import static io.acog.core.pipeline.PipelineTesting.jobs;
import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import io.acog.core.job.JobListener;
import io.acog.core.job.JobStatus;
import io.acog.core.job.JobWorker;
import io.acog.providers.offline.OfflineProviders;
import io.acog.testing.Waiting;
import io.acog.testkit.postgres.AcogPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A pipeline's stage handlers write their jobs' ends themselves, with the stage's outputs; the
 * worker's {@link JobListener} still hears each end (completed, retried, rescheduled, failed,
 * cancelled), as it does for a handler whose end the worker writes: what job metrics count.
 */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class PipelineJobListenerTest extends PipelineTestCase {

    /** One thing the listener heard about a job. */
    record Heard(String kind, Job job, String error) {}

    /** Everything the worker's listener hears, in order. */
    static final class Recorder implements JobListener {
        final List<Heard> heard = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void claimed(ClaimedJob job) {
            heard.add(new Heard("claimed", job.job(), null));
        }

        @Override
        public void completed(Job job, Duration duration) {
            heard.add(new Heard("completed", job, null));
        }

        @Override
        public void retried(Job job, Throwable error) {
            heard.add(new Heard("retried", job, error.getMessage()));
        }

        @Override
        public void failed(Job job, Throwable error) {
            heard.add(new Heard("failed", job, error.getMessage()));
        }

        @Override
        public void rescheduled(Job job) {
            heard.add(new Heard("rescheduled", job, null));
        }

        @Override
        public void cancelled(Job job) {
            heard.add(new Heard("cancelled", job, null));
        }

        List<Heard> of(String kind) {
            synchronized (heard) {
                return heard.stream().filter(h -> h.kind().equals(kind)).toList();
            }
        }

        List<Heard> of(String kind, PipelineStage stage) {
            return of(kind).stream().filter(h -> h.job().stage() == stage).toList();
        }
    }

    private static Set<UUID> ids(List<Heard> heard) {
        return heard.stream().map(h -> h.job().id()).collect(Collectors.toSet());
    }

    @Test
    void everyEndOfAPipelinesJobsIsHeardAsTheWorkerWouldTellIt() throws Exception {
        // metadata fails once (a retry); renders answer "still going" once (a check later)
        OfflineProviders offline = PipelineTesting.offline()
                .fail("metadata", OfflineProviders.Failure.RETRYABLE, 1)
                .renderPolls(1, Duration.ofMillis(20))
                .build();
        EpisodePipeline pipeline = pipeline(offline);
        Episode first = fixtures.episode().create();
        Episode second = fixtures.episode().create();
        pipeline.start(first.id());
        pipeline.start(second.id());
        Recorder recorder = new Recorder();
        try (JobWorker worker =
                pipeline.worker("w").threads(2).listener(recorder).start()) {
            for (Episode episode : List.of(first, second)) {
                awaitRest(acog, episode.id());
                awaitNoLiveJobs(acog, episode.id());
            }
            // the recorders tell the listener after the handlers return: wait for the last word
            Waiting.until(
                    () -> "a completed upload per episode: " + recorder.of("completed", PipelineStage.UPLOAD),
                    () -> recorder.of("completed", PipelineStage.UPLOAD).size() == 2);
        }
        assertThat(acog.episodes().get(first.id()).status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(acog.episodes().get(second.id()).status()).isEqualTo(EpisodeStatus.PUBLISHED);

        List<Job> all = new ArrayList<>(jobs(acog, first.id()));
        all.addAll(jobs(acog, second.id()));
        // completed: exactly the jobs that completed, each once, as completed
        Set<UUID> completed = all.stream()
                .filter(job -> job.status() == JobStatus.COMPLETED)
                .map(Job::id)
                .collect(Collectors.toSet());
        assertThat(recorder.of("completed")).hasSize(completed.size());
        assertThat(ids(recorder.of("completed"))).isEqualTo(completed);
        assertThat(recorder.of("completed"))
                .allSatisfy(h -> assertThat(h.job().status()).isEqualTo(JobStatus.COMPLETED));
        for (PipelineStage stage : PipelineStage.values()) {
            long done = all.stream()
                    .filter(job -> job.stage() == stage && job.status() == JobStatus.COMPLETED)
                    .count();
            assertThat(recorder.of("completed", stage)).as(stage.label()).hasSize((int) done);
        }
        // the metadata call that failed: retried once, with the error it recorded
        assertThat(recorder.of("retried")).singleElement().satisfies(h -> {
            assertThat(h.job().stage()).isEqualTo(PipelineStage.METADATA);
            assertThat(h.job().status()).isEqualTo(JobStatus.QUEUED);
            assertThat(h.error()).isEqualTo("offline: injected rate limit on metadata call #1");
        });
        // each render: taken (rescheduled to be polled), then still going (rescheduled again)
        for (PipelineStage render : List.of(PipelineStage.AVATAR, PipelineStage.BROLL)) {
            assertThat(recorder.of("rescheduled", render))
                    .as(render.label())
                    .hasSize(2 * recorder.of("completed", render).size());
        }
        assertThat(recorder.of("rescheduled"))
                .allSatisfy(h -> assertThat(PipelineStage.AVATAR == h.job().stage()
                                || PipelineStage.BROLL == h.job().stage())
                        .isTrue());
        assertThat(recorder.of("failed")).isEmpty();
        assertThat(recorder.of("cancelled")).isEmpty();
        // every claim ended in exactly one thing heard
        assertThat(recorder.of("claimed"))
                .hasSize(recorder.of("completed").size()
                        + recorder.of("retried").size()
                        + recorder.of("rescheduled").size());
    }

    @Test
    void aStageThatFailsForGoodIsHeardAsFailedWithItsError() throws Exception {
        OfflineProviders offline = PipelineTesting.offline()
                .fail("audio", OfflineProviders.Failure.PERMANENT, 1)
                .build();
        EpisodePipeline pipeline = pipeline(offline);
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        Recorder recorder = new Recorder();
        try (JobWorker worker =
                pipeline.worker("w").threads(2).listener(recorder).start()) {
            awaitRest(acog, episode.id());
            awaitNoLiveJobs(acog, episode.id());
            Waiting.until(
                    () -> "a failure heard: " + recorder.heard,
                    () -> !recorder.of("failed").isEmpty());
        }
        assertThat(acog.episodes().get(episode.id()).status()).isEqualTo(EpisodeStatus.FAILED);
        Job audio = jobs(acog, episode.id(), PipelineStage.AUDIO).get(0);
        assertThat(recorder.of("failed")).singleElement().satisfies(h -> {
            assertThat(h.job().id()).isEqualTo(audio.id());
            assertThat(h.job().status()).isEqualTo(JobStatus.FAILED);
            assertThat(h.error()).isEqualTo(audio.errorMessage());
        });
        assertThat(recorder.of("retried")).isEmpty();
    }

    @Test
    void aStageWhoseEpisodeIsCancelledWhileItRunsIsHeardAsCancelled() throws Exception {
        OfflineProviders offline = PipelineTesting.offline()
                .latency("planning", Duration.ofSeconds(2))
                .build();
        EpisodePipeline pipeline = pipeline(offline);
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        Recorder recorder = new Recorder();
        try (JobWorker worker =
                pipeline.worker("w").threads(1).listener(recorder).start()) {
            Waiting.until(
                    () -> "planning claimed: " + recorder.heard,
                    () -> !recorder.of("claimed", PipelineStage.PLANNING).isEmpty());
            pipeline.cancel(episode.id());
            awaitNoLiveJobs(acog, episode.id());
            Waiting.until(
                    () -> "a cancel heard: " + recorder.heard,
                    () -> !recorder.of("cancelled").isEmpty());
        }
        Job planning = jobs(acog, episode.id(), PipelineStage.PLANNING).get(0);
        assertThat(planning.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(recorder.of("cancelled")).singleElement().satisfies(h -> {
            assertThat(h.job().id()).isEqualTo(planning.id());
            assertThat(h.job().status()).isEqualTo(JobStatus.CANCELLED);
        });
        assertThat(recorder.of("completed")).isEmpty();
    }
}
