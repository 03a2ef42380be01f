package io.acog.core.pipeline;

import static io.acog.testing.Waiting.patiently;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.asset.Asset;
import io.acog.core.asset.AssetType;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.job.Job;
import io.acog.core.job.JobStatus;
import io.acog.core.job.JobWorker;
import io.acog.providers.offline.OfflineProviders;
import io.acog.testing.Waiting;
import io.acog.testkit.postgres.AcogPostgres;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // workers are closed by try-with-resources without being referenced
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class EpisodePipelineTest extends PipelineTestCase {

    @Test
    void anEpisodeGoesFromIdeaToPublished() throws Exception {
        OfflineProviders offline =
                PipelineTesting.offline().renderPolls(1, Duration.ofMillis(10)).build();
        EpisodePipeline pipeline = pipeline(offline);
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            patiently()
                    .until(() -> acog.episodes().get(episode.id()).status() == EpisodeStatus.PUBLISHED
                            || acog.episodes().get(episode.id()).status() == EpisodeStatus.FAILED);
        }
        Episode done = acog.episodes().get(episode.id());
        assertThat(done.lastError()).isNull();
        assertThat(done.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(done.publishedUrl()).startsWith("https://video.offline.invalid/watch/");
        assertThat(done.publishedAt()).isNotNull();
        assertThat(done.script()).contains("[AVATAR]", "[BROLL:");
        assertThat(done.plan().sections()).isNotEmpty();
        assertThat(done.metadata().finalTitle()).isNotBlank();
        for (PipelineStage stage : PipelineStage.values()) {
            StageState state = done.pipelineState().stage(stage).orElseThrow();
            assertThat(state.status()).as(stage.label()).isEqualTo(StageStatus.COMPLETED);
            assertThat(state.startedAt()).as(stage.label()).isNotNull();
            assertThat(state.completedAt()).as(stage.label()).isNotNull();
            assertThat(state.provider()).as(stage.label()).isEqualTo("offline");
        }
        List<Asset> assets = acog.assets().list(episode.id());
        assertThat(assets)
                .filteredOn(Asset::primary)
                .extracting(Asset::type)
                .containsExactlyInAnyOrder(AssetType.AUDIO, AssetType.AVATAR_VIDEO, AssetType.ASSEMBLED_VIDEO);
        assertThat(assets)
                .filteredOn(a -> a.type() == AssetType.B_ROLL)
                .hasSize(done.scriptMetadata().brollSegments());
        assertThat(pipeline.cost(episode.id()).totalUsd()).isPositive();
    }

    @Test
    void awaitReturnsTheEpisodeOnceItIsThereAndOtherwiseSaysWhereItIs() throws Exception {
        EpisodePipeline pipeline = pipeline(PipelineTesting.offline().build());
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());

        // no worker runs: it stays in planning, and waiting says so
        assertThatThrownBy(() -> pipeline.await(episode.id(), Duration.ofMillis(200)))
                .isInstanceOf(EpisodeWaitTimeoutException.class)
                .hasMessage("episode " + episode.id() + " is still planning after PT0.2S (waited for it to be"
                        + " published, failed, cancelled or waiting for a person)")
                .satisfies(e -> assertThat(
                                ((EpisodeWaitTimeoutException) e).episode().status())
                        .isEqualTo(EpisodeStatus.PLANNING));
        assertThatThrownBy(() -> pipeline.await(episode.id(), Duration.ZERO, EpisodeStatus.AUDIO))
                .isInstanceOf(EpisodeWaitTimeoutException.class)
                .hasMessageContaining("(waited for it to be audio)");

        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            Episode inAudioOrLater = pipeline.await(
                    episode.id(),
                    Duration.ofMinutes(5),
                    EpisodeStatus.AUDIO,
                    EpisodeStatus.AVATAR,
                    EpisodeStatus.BROLL,
                    EpisodeStatus.ASSEMBLY,
                    EpisodeStatus.PUBLISHING,
                    EpisodeStatus.PUBLISHED);
            assertThat(inAudioOrLater.pipelineState().stage(PipelineStage.SCRIPTING))
                    .get()
                    .extracting(StageState::status)
                    .isEqualTo(StageStatus.COMPLETED);

            Episode rested = pipeline.await(episode.id(), Duration.ofMinutes(5));
            assertThat(rested.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        }
        assertThatThrownBy(() -> pipeline.await(java.util.UUID.randomUUID(), Duration.ofSeconds(1)))
                .isInstanceOf(io.acog.core.NotFoundException.class);
    }

    @Test
    void workersKeptToTheirStagesTogetherPublishAnEpisodeEachRunningOnlyItsOwn() throws Exception {
        Set<PipelineStage> renderStages = EnumSet.of(PipelineStage.AVATAR, PipelineStage.BROLL, PipelineStage.ASSEMBLY);
        Set<PipelineStage> writerStages = EnumSet.complementOf(EnumSet.copyOf(renderStages));
        EpisodePipeline pipeline = pipeline(PipelineTesting.offline().build());
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());

        try (JobWorker writer =
                pipeline.worker("writer").threads(2).stages(writerStages).start()) {
            // alone, the writer runs every stage up to the renders, and leaves those queued: b-roll
            // was queued with metadata, the avatar when the audio completed
            Waiting.until(
                    () -> "audio and metadata completed, nothing running: " + PipelineTesting.jobs(acog, episode.id()),
                    () -> {
                        Episode now = acog.episodes().get(episode.id());
                        return completed(now, PipelineStage.AUDIO)
                                && completed(now, PipelineStage.METADATA)
                                && PipelineTesting.jobs(acog, episode.id()).stream()
                                        .noneMatch(job -> job.status() == JobStatus.RUNNING);
                    });
            List<Job> renders = PipelineTesting.jobs(acog, episode.id()).stream()
                    .filter(job -> renderStages.contains(job.stage()))
                    .toList();
            assertThat(renders)
                    .extracting(Job::stage)
                    .contains(PipelineStage.AVATAR, PipelineStage.BROLL)
                    .doesNotContain(PipelineStage.ASSEMBLY);
            assertThat(renders).allSatisfy(job -> {
                assertThat(job.status()).as(job.stage().label()).isEqualTo(JobStatus.QUEUED);
                assertThat(job.attempts())
                        .as(job.stage().label() + " never claimed")
                        .isZero();
            });

            try (JobWorker render =
                    pipeline.worker("render").threads(2).stages(renderStages).start()) {
                PipelineTesting.awaitRest(acog, episode.id());
                PipelineTesting.awaitNoLiveJobs(acog, episode.id());
            }
        }

        Episode done = acog.episodes().get(episode.id());
        assertThat(done.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        List<Job> jobs = PipelineTesting.jobs(acog, episode.id());
        assertThat(jobs).extracting(Job::stage).containsAll(EnumSet.allOf(PipelineStage.class));
        // a job's claim token names the worker that last claimed it
        assertThat(jobs).allSatisfy(job -> {
            assertThat(job.status()).as(job.stage().label()).isEqualTo(JobStatus.COMPLETED);
            assertThat(job.claimToken())
                    .as(job.stage().label())
                    .startsWith((renderStages.contains(job.stage()) ? "render" : "writer") + "/");
        });
    }

    @Test
    void aPipelineWorkerRefusesNoStagesAndHasAHandlerForEveryStage() {
        EpisodePipeline pipeline = pipeline(PipelineTesting.offline().build());

        assertThatThrownBy(() -> pipeline.worker("w").stages(Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stages is empty");
        // every stage has its handler: any set of them is accepted
        pipeline.worker("w").stages(EnumSet.allOf(PipelineStage.class));
        pipeline.worker("w").stages(Set.of(PipelineStage.UPLOAD));
        // a stage already dropped has no handler left
        assertThatThrownBy(() -> pipeline.worker("w")
                        .stages(Set.of(PipelineStage.AUDIO))
                        .stages(Set.of(PipelineStage.AUDIO, PipelineStage.UPLOAD)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[upload] have no handler")
                .hasMessageContaining("handlers for [audio]");
    }

    private static boolean completed(Episode episode, PipelineStage stage) {
        return episode.pipelineState()
                .stage(stage)
                .map(state -> state.status() == StageStatus.COMPLETED)
                .orElse(false);
    }
}
