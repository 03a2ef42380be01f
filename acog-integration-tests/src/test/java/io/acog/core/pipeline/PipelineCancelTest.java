package io.acog.core.pipeline;

import static io.acog.core.pipeline.PipelineTesting.awaitNoLiveJobs;
import static io.acog.core.pipeline.PipelineTesting.awaitRest;
import static io.acog.core.pipeline.PipelineTesting.jobs;
import static io.acog.core.pipeline.PipelineTesting.liveJobs;
import static io.acog.core.pipeline.PipelineTesting.stage;
import static io.acog.testing.Waiting.patiently;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.InvalidTransitionException;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.job.Job;
import io.acog.core.job.JobStatus;
import io.acog.core.job.JobWorker;
import io.acog.providers.offline.OfflineProviders;
import io.acog.spi.ProviderCall;
import io.acog.spi.Publisher;
import io.acog.testing.Waiting;
import io.acog.testkit.postgres.AcogPostgres;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cancelling episodes, and renders ended early by a provider's webhook. */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class PipelineCancelTest extends PipelineTestCase {

    /** The avatar render's task id, once it was submitted and its job waits for it. */
    private String avatarTask(UUID episodeId) {
        return acog.episodes()
                .get(episodeId)
                .pipelineState()
                .stage(PipelineStage.AVATAR)
                .map(StageState::jobId)
                .orElse(null);
    }

    @Test
    void cancellingDuringAnAvatarRenderCancelsTheRenderAndEveryJob() throws Exception {
        int callsAtCancel;
        // renders that never finish on their own
        OfflineProviders offline = PipelineTesting.offline()
                .renderPolls(1_000_000, Duration.ofMillis(100))
                .build();
        EpisodePipeline pipeline = pipeline(offline);
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            patiently().until(() -> avatarTask(episode.id()) != null);
            String task = avatarTask(episode.id());
            assertThat(offline.renders(episode.id())).contains(task);
            Episode rendering = acog.episodes().get(episode.id());
            assertThat(rendering.status()).isIn(EpisodeStatus.AVATAR, EpisodeStatus.AUDIO);
            assertThat(stage(rendering, PipelineStage.AVATAR).status()).isEqualTo(StageStatus.RUNNING);

            Episode cancelled = pipeline.cancel(episode.id());

            assertThat(cancelled.status()).isEqualTo(EpisodeStatus.CANCELLED);
            assertThat(stage(cancelled, PipelineStage.AVATAR).status()).isEqualTo(StageStatus.CANCELLED);
            assertThat(offline.cancelledRenders()).contains(task);
            awaitNoLiveJobs(acog, episode.id());
            // every render the episode started is cancelled at the provider, b-roll too
            Waiting.until(
                    () -> "all of " + offline.renders(episode.id()) + " cancelled, only " + offline.cancelledRenders(),
                    () -> offline.cancelledRenders().containsAll(offline.renders(episode.id())));
            callsAtCancel = offline.calls().size();
        }
        // the worker has stopped (its handlers finished): whatever it would still have done, it did
        assertThat(offline.calls()).as("provider calls after the cancel").hasSize(callsAtCancel);
        Episode after = acog.episodes().get(episode.id());
        assertThat(after.status()).isEqualTo(EpisodeStatus.CANCELLED);
        assertThat(liveJobs(acog, episode.id())).isEmpty();
        assertThat(jobs(acog, episode.id(), PipelineStage.AVATAR))
                .singleElement()
                .extracting(Job::status)
                .isEqualTo(JobStatus.CANCELLED);
        assertThat(after.pipelineState().stages().values())
                .extracting(StageState::status)
                .doesNotContain(StageStatus.RUNNING, StageStatus.PENDING, StageStatus.WAITING);
        assertThat(offline.calls("assembly")).isEmpty();
        assertThat(offline.calls("upload")).isEmpty();

        // cancelling again is a no-op
        List<Job> jobsBefore = jobs(acog, episode.id());
        Episode again = pipeline.cancel(episode.id());
        assertThat(again.status()).isEqualTo(EpisodeStatus.CANCELLED);
        assertThat(again.pipelineState()).isEqualTo(after.pipelineState());
        assertThat(again.retryCount()).isEqualTo(after.retryCount());
        assertThat(again.updatedAt())
                .as("the row is not even rewritten")
                .isEqualTo(acog.episodes().get(episode.id()).updatedAt())
                .isEqualTo(after.updatedAt());
        assertThat(jobs(acog, episode.id())).containsExactlyInAnyOrderElementsOf(jobsBefore);

        assertThatThrownBy(() -> pipeline.retry(episode.id())).isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> pipeline.publish(episode.id())).isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void cancellingAFailedEpisodeStopsTheRendersItLeftGoing() throws Exception {
        // audio fails for good while the b-roll clips render (and would render for ever)
        OfflineProviders offline = PipelineTesting.offline()
                .renderPolls(1_000_000, Duration.ofMillis(50))
                .latency("audio", Duration.ofMillis(300))
                .fail("audio", OfflineProviders.Failure.PERMANENT, 1)
                .build();
        EpisodePipeline pipeline = pipeline(offline);
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            Episode failed = awaitRest(acog, episode.id());
            assertThat(failed.status()).isEqualTo(EpisodeStatus.FAILED);
            assertThat(failed.lastError()).startsWith("audio: ");
            List<String> renders = offline.renders(episode.id());
            assertThat(renders)
                    .as("b-roll renders submitted before audio failed")
                    .isNotEmpty();
            assertThat(offline.cancelledRenders())
                    .as("failing leaves renders going")
                    .isEmpty();

            Episode cancelled = pipeline.cancel(episode.id());

            assertThat(cancelled.status()).isEqualTo(EpisodeStatus.CANCELLED);
            awaitNoLiveJobs(acog, episode.id());
            patiently().until(() -> offline.cancelledRenders().containsAll(offline.renders(episode.id())));
            assertThat(offline.cancelledRenders()).containsAll(renders);
        }
        assertThat(offline.calls("avatar")).isEmpty();
        assertThatThrownBy(() -> pipeline.retry(episode.id())).isInstanceOf(InvalidTransitionException.class);
        assertThat(acog.episodes().get(episode.id()).status()).isEqualTo(EpisodeStatus.CANCELLED);
    }

    @Test
    void anEpisodeNotYetStartedCanBeCancelled() {
        EpisodePipeline pipeline = pipeline(PipelineTesting.offline().build());
        Episode episode = fixtures.episode().create();

        assertThat(pipeline.cancel(episode.id()).status()).isEqualTo(EpisodeStatus.CANCELLED);
        assertThat(jobs(acog, episode.id())).isEmpty();
        assertThatThrownBy(() -> pipeline.start(episode.id())).isInstanceOf(InvalidTransitionException.class);
        assertThat(jobs(acog, episode.id())).isEmpty();
    }

    @Test
    void aPublishedEpisodeCannotBeCancelled() throws Exception {
        OfflineProviders offline = PipelineTesting.offline().build();
        EpisodePipeline pipeline = pipeline(offline);
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            awaitRest(acog, episode.id());
        }
        Episode published = acog.episodes().get(episode.id());
        assertThat(published.status()).isEqualTo(EpisodeStatus.PUBLISHED);

        assertThatThrownBy(() -> pipeline.cancel(episode.id()))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("its video went out (see published_url) and cannot be called back")
                .satisfies(
                        e -> assertThat(((InvalidTransitionException) e).to()).isEqualTo(EpisodeStatus.CANCELLED));
        Episode after = acog.episodes().get(episode.id());
        assertThat(after.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(after.pipelineState()).isEqualTo(published.pipelineState());
        assertThat(offline.cancelledRenders()).isEmpty();
    }

    @Test
    void aRenderCallbackWakesTheRenderJobSoTheEpisodeDoesNotWaitForItsNextPoll() throws Exception {
        // every render asks to be checked again in an hour, and is done at its second poll
        OfflineProviders offline =
                PipelineTesting.offline().renderPolls(1, Duration.ofHours(1)).build();
        EpisodePipeline pipeline = pipeline(offline);
        Episode episode = fixtures.episode().create();

        assertThat(pipeline.callback(new RenderCallback("offline", "no-such-task")))
                .isFalse();
        long started = System.nanoTime();
        pipeline.start(episode.id());
        AtomicInteger woken = new AtomicInteger();
        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            patiently().until(() -> avatarTask(episode.id()) != null);
            String task = avatarTask(episode.id());
            Job waiting = jobs(acog, episode.id(), PipelineStage.AVATAR).get(0);
            assertThat(waiting.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(waiting.input()).containsEntry("task_id", task).containsEntry("provider", "offline");
            assertThat(waiting.runAfter())
                    .isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(50));

            // the provider's name must match too
            assertThat(pipeline.callback(new RenderCallback("heygen", task))).isFalse();
            assertThat(pipeline.callback(new RenderCallback("offline", "offline-avatar-x")))
                    .isFalse();

            // the host's webhook endpoint hands over every render's "done" as it arrives
            patiently().until(() -> {
                for (String render : offline.renders(episode.id())) {
                    if (pipeline.callback(new RenderCallback("offline", render))) {
                        woken.incrementAndGet();
                    }
                }
                return acog.episodes().get(episode.id()).status() == EpisodeStatus.PUBLISHED;
            });
            awaitNoLiveJobs(acog, episode.id());
        }
        Episode done = acog.episodes().get(episode.id());
        assertThat(done.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(1));
        // each render needed two polls, so at least two wake-ups each (avatar and every clip)
        int renders = offline.renders(episode.id()).size();
        assertThat(renders).isEqualTo(1 + done.scriptMetadata().brollSegments());
        assertThat(woken.get()).isGreaterThanOrEqualTo(2 * renders);
        long polls = offline.calls().stream()
                .filter(call -> call.operation().equals("poll"))
                .count();
        assertThat(polls).isEqualTo(2L * renders);
        // a render that is done waits for nothing any more
        assertThat(pipeline.callback(new RenderCallback("offline", avatarTask(episode.id()))))
                .isFalse();
    }

    @Test
    void anUploadThatFinishesAfterCancelIsRecordedSoTheLiveVideoIsNotLost() throws Exception {
        OfflineProviders offline = PipelineTesting.offline().build();
        Publisher offlinePublisher = offline.publisher();
        CountDownLatch uploading = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        Publisher slow = new Publisher() {
            @Override
            public String name() {
                return offlinePublisher.name();
            }

            @Override
            public boolean serves(String platform) {
                return true;
            }

            @Override
            public Publication publish(PublishRequest request, ProviderCall call) {
                uploading.countDown();
                try {
                    // the upload is under way at the platform when the host cancels
                    assertThat(cancelled.await(5, TimeUnit.MINUTES)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return offlinePublisher.publish(request, call);
            }
        };
        EpisodePipeline pipeline = offline.installInto(
                        EpisodePipeline.builder(acog).publisher(slow))
                .assetStorage(new LocalFileStorage(storage))
                .build();
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            assertThat(uploading.await(5, TimeUnit.MINUTES)).isTrue();
            Episode whenCancelled = pipeline.cancel(episode.id());
            assertThat(whenCancelled.status()).isEqualTo(EpisodeStatus.CANCELLED);
            assertThat(whenCancelled.publishedUrl()).isNull();
            cancelled.countDown();

            Waiting.until(
                    () -> "the upload of " + episode.id() + " recorded",
                    () -> acog.episodes().get(episode.id()).publishedUrl() != null);
            awaitNoLiveJobs(acog, episode.id());
        }

        Episode after = acog.episodes().get(episode.id());
        assertThat(after.status()).isEqualTo(EpisodeStatus.CANCELLED);
        assertThat(after.publishedUrl())
                .startsWith("https://")
                .contains(episode.id().toString().substring(0, 8));
        assertThat(after.publishedAt()).isNotNull();
        StageState upload = after.pipelineState().stage(PipelineStage.UPLOAD).orElseThrow();
        assertThat(upload.status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(upload.jobId()).as("the publisher's id of the video").isNotBlank();
        assertThat(jobs(acog, episode.id(), PipelineStage.UPLOAD))
                .singleElement()
                .extracting(Job::status)
                .isEqualTo(JobStatus.COMPLETED);
    }
}
