package io.acog.core.pipeline;

import static io.acog.core.pipeline.PipelineTesting.awaitNoLiveJobs;
import static io.acog.core.pipeline.PipelineTesting.awaitRest;
import static io.acog.core.pipeline.PipelineTesting.jobs;
import static io.acog.core.pipeline.PipelineTesting.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.InvalidTransitionException;
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
import io.acog.providers.offline.OfflineProviders.Failure;
import io.acog.testkit.postgres.AcogPostgres;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Provider failures: retried, permanent, out of retries, and {@link EpisodePipeline#retry}. */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class PipelineFailureTest extends PipelineTestCase {

    /** stageFailed events: "stage|error|willRetry". */
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected EpisodePipeline pipeline(OfflineProviders offline) {
        return pipeline(offline, UnaryOperator.identity());
    }

    private EpisodePipeline pipeline(OfflineProviders offline, UnaryOperator<EpisodePipeline.Builder> more) {
        return more.apply(builder(offline).listener(new PipelineListener() {
                    @Override
                    public void stageFailed(
                            java.util.UUID episodeId, PipelineStage stage, String error, boolean willRetry) {
                        failures.add(stage.label() + "|" + error + "|" + willRetry);
                    }
                }))
                .build();
    }

    /** Runs the episode until it rests and every job of it ended. */
    private Episode run(EpisodePipeline pipeline, Episode episode) throws Exception {
        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            awaitRest(acog, episode.id());
            awaitNoLiveJobs(acog, episode.id());
        }
        return acog.episodes().get(episode.id());
    }

    private static Map<String, Integer> callCounts(OfflineProviders offline) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (PipelineStage stage : PipelineStage.values()) {
            counts.put(stage.label(), offline.calls(stage.label()).size());
        }
        return counts;
    }

    @Test
    void aRetryableFailureIsRetriedUntilTheStageSucceeds() throws Exception {
        OfflineProviders offline =
                PipelineTesting.offline().fail("audio", Failure.RETRYABLE, 1, 2).build();
        EpisodePipeline pipeline = pipeline(offline);
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());

        Episode done = run(pipeline, episode);

        assertThat(done.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(done.lastError()).isNull();
        assertThat(done.retryCount()).isZero();
        StageState audio = stage(done, PipelineStage.AUDIO);
        assertThat(audio.status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(audio.attempts()).isEqualTo(3);
        assertThat(audio.error()).isNull();
        assertThat(offline.calls("audio")).hasSize(3);
        assertThat(offline.calls("audio"))
                .extracting(OfflineProviders.Call::attempt)
                .containsExactly(1, 2, 3);
        // one job did the three attempts, with the same idempotency key each time
        List<Job> audioJobs = jobs(acog, episode.id(), PipelineStage.AUDIO);
        assertThat(audioJobs).singleElement().satisfies(job -> {
            assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(job.retryCount()).isEqualTo(2);
        });
        assertThat(offline.calls("audio"))
                .extracting(OfflineProviders.Call::idempotencyKey)
                .containsOnly("acog-" + audioJobs.get(0).id());
        assertThat(failures)
                .containsExactly(
                        "audio|offline: injected rate limit on audio call #1|true",
                        "audio|offline: injected rate limit on audio call #2|true");
        // the retries made one audio asset, not three
        assertThat(acog.assets().list(episode.id()))
                .filteredOn(asset -> asset.type() == AssetType.AUDIO)
                .hasSize(1);
    }

    @Test
    void aRetryableFailureOutOfRetriesFailsTheEpisode() throws Exception {
        OfflineProviders offline = PipelineTesting.offline()
                .fail("audio", Failure.RETRYABLE, 1, 2, 3)
                .build();
        EpisodePipeline pipeline = pipeline(offline, builder -> builder.maxRetries(1));
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());

        Episode done = run(pipeline, episode);

        assertThat(done.status()).isEqualTo(EpisodeStatus.FAILED);
        assertThat(done.lastError()).isEqualTo("audio: offline: injected rate limit on audio call #2");
        StageState audio = stage(done, PipelineStage.AUDIO);
        assertThat(audio.status()).isEqualTo(StageStatus.FAILED);
        assertThat(audio.attempts()).isEqualTo(2);
        assertThat(audio.error()).isEqualTo("offline: injected rate limit on audio call #2");
        assertThat(offline.calls("audio")).hasSize(2);
        assertThat(offline.calls("avatar")).isEmpty();
        assertThat(failures)
                .containsExactly(
                        "audio|offline: injected rate limit on audio call #1|true",
                        "audio|offline: injected rate limit on audio call #2|false");
    }

    @Test
    void aPermanentFailureFailsTheEpisodeAtOnce() throws Exception {
        OfflineProviders offline =
                PipelineTesting.offline().fail("audio", Failure.PERMANENT, 1).build();
        EpisodePipeline pipeline = pipeline(offline);
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());

        Episode done = run(pipeline, episode);

        assertThat(done.status()).isEqualTo(EpisodeStatus.FAILED);
        assertThat(done.lastError()).isEqualTo("audio: offline: injected rejection of audio call #1");
        assertThat(done.publishedUrl()).isNull();
        StageState audio = stage(done, PipelineStage.AUDIO);
        assertThat(audio.status()).isEqualTo(StageStatus.FAILED);
        assertThat(audio.attempts()).isEqualTo(1);
        assertThat(audio.error()).isEqualTo("offline: injected rejection of audio call #1");
        assertThat(audio.completedAt()).isNotNull();
        assertThat(done.pipelineState().firstFailedStage()).contains(PipelineStage.AUDIO);
        // no retry burned on a permanent failure
        assertThat(offline.calls("audio")).hasSize(1);
        assertThat(jobs(acog, episode.id(), PipelineStage.AUDIO))
                .singleElement()
                .satisfies(job -> {
                    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
                    assertThat(job.retryCount()).isZero();
                    assertThat(job.errorMessage()).isEqualTo("offline: injected rejection of audio call #1");
                });
        // stages after audio never ran
        assertThat(offline.calls("avatar")).isEmpty();
        assertThat(offline.calls("assembly")).isEmpty();
        assertThat(offline.calls("upload")).isEmpty();
        assertThat(done.pipelineState().stage(PipelineStage.AVATAR)).isEmpty();
        assertThat(done.pipelineState().stage(PipelineStage.ASSEMBLY)).isEmpty();
        assertThat(failures).containsExactly("audio|offline: injected rejection of audio call #1|false");
    }

    @Test
    void retryResumesAtTheFailedStageAndKeepsWhatEarlierStagesMade() throws Exception {
        // assembly runs after every other stage but upload: what came before is all finished
        OfflineProviders offline =
                PipelineTesting.offline().fail("assembly", Failure.PERMANENT, 1).build();
        EpisodePipeline pipeline = pipeline(offline);
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        Episode failed = run(pipeline, episode);
        assertThat(failed.status()).isEqualTo(EpisodeStatus.FAILED);
        assertThat(failed.lastError()).isEqualTo("assembly: offline: injected rejection of assembly call #1");
        assertThat(failed.retryCount()).isZero();
        Map<String, Integer> before = callCounts(offline);
        assertThat(before)
                .containsEntry("assembly", 1)
                .containsEntry("upload", 0)
                .containsEntry("planning", 1)
                .containsEntry("scripting", 1);
        List<Asset> assetsBefore = acog.assets().list(episode.id());

        Episode retried = pipeline.retry(episode.id());
        assertThat(retried.status()).isEqualTo(EpisodeStatus.ASSEMBLY);
        assertThat(retried.retryCount()).isEqualTo(1);
        assertThat(stage(retried, PipelineStage.ASSEMBLY).status()).isEqualTo(StageStatus.PENDING);
        assertThat(stage(retried, PipelineStage.ASSEMBLY).error()).isNull();
        Episode done = run(pipeline, episode);

        assertThat(done.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(done.retryCount()).isEqualTo(1);
        // the engine keeps last_error as the history of the episode's last failure
        assertThat(done.lastError()).isEqualTo("assembly: offline: injected rejection of assembly call #1");
        Map<String, Integer> after = callCounts(offline);
        Map<String, Integer> expected = new java.util.TreeMap<>(before);
        expected.put("assembly", 2);
        expected.put("upload", 1);
        assertThat(after).isEqualTo(expected);
        // earlier outputs untouched
        assertThat(done.plan()).isEqualTo(failed.plan());
        assertThat(done.script()).isEqualTo(failed.script());
        assertThat(done.scriptMetadata()).isEqualTo(failed.scriptMetadata());
        assertThat(done.metadata()).isEqualTo(failed.metadata());
        for (PipelineStage stage : List.of(
                PipelineStage.PLANNING,
                PipelineStage.SCRIPTING,
                PipelineStage.SCRIPT_REVIEW,
                PipelineStage.METADATA,
                PipelineStage.AUDIO,
                PipelineStage.AVATAR,
                PipelineStage.BROLL)) {
            assertThat(stage(done, stage)).as(stage.label()).isEqualTo(stage(failed, stage));
        }
        StageState assembly = stage(done, PipelineStage.ASSEMBLY);
        assertThat(assembly.status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(assembly.attempts()).isEqualTo(2);
        assertThat(assembly.error()).isNull();
        // the assets made before the failure are the same rows; only the final video is new
        List<Asset> assetsAfter = acog.assets().list(episode.id());
        assertThat(assetsAfter).containsAll(assetsBefore);
        assertThat(assetsAfter)
                .filteredOn(asset -> !assetsBefore.contains(asset))
                .extracting(Asset::type)
                .containsExactly(AssetType.ASSEMBLED_VIDEO);

        assertThatThrownBy(() -> pipeline.retry(episode.id()))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("published");
        assertThat(acog.episodes().get(episode.id()).retryCount()).isEqualTo(1);
    }

    @Test
    void retryAfterAFailureAmidParallelStagesRedoesOnlyUnfinishedWork() throws Exception {
        OfflineProviders offline =
                PipelineTesting.offline().fail("audio", Failure.PERMANENT, 1).build();
        EpisodePipeline pipeline = pipeline(offline);
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        Episode failed = run(pipeline, episode);
        assertThat(failed.status()).isEqualTo(EpisodeStatus.FAILED);
        Map<String, Integer> before = callCounts(offline);
        Map<PipelineStage, StageStatus> statusBefore = new EnumMap<>(PipelineStage.class);
        failed.pipelineState().stages().forEach((stage, state) -> statusBefore.put(stage, state.status()));
        int brollClipsBefore = (int) acog.assets().list(episode.id()).stream()
                .filter(asset -> asset.type() == AssetType.B_ROLL)
                .count();

        pipeline.retry(episode.id());
        Episode done = run(pipeline, episode);

        assertThat(done.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(done.retryCount()).isEqualTo(1);
        Map<String, Integer> after = callCounts(offline);
        assertThat(after.get("audio")).isEqualTo(2);
        for (PipelineStage stage : PipelineStage.values()) {
            if (statusBefore.get(stage) == StageStatus.COMPLETED) {
                assertThat(after.get(stage.label()))
                        .as("calls of finished stage " + stage)
                        .isEqualTo(before.get(stage.label()));
            }
        }
        assertThat(after.get("planning")).isEqualTo(1);
        assertThat(after.get("scripting")).isEqualTo(1);
        assertThat(after.get("script_review")).isEqualTo(1);
        // every b-roll clip exists once, whether made before the failure or after the retry
        int clips = done.scriptMetadata().brollSegments();
        assertThat(acog.assets().list(episode.id()))
                .filteredOn(asset -> asset.type() == AssetType.B_ROLL)
                .hasSize(clips);
        assertThat(after.get("broll")).isEqualTo(clips);
        assertThat(brollClipsBefore).isLessThanOrEqualTo(clips);
        assertThat(acog.assets().list(episode.id()))
                .filteredOn(Asset::primary)
                .extracting(Asset::type)
                .containsExactlyInAnyOrder(AssetType.AUDIO, AssetType.AVATAR_VIDEO, AssetType.ASSEMBLED_VIDEO);
    }

    @Test
    void retryWhileRendersOfTheFailedEpisodeGoOnUsesThemInsteadOfRenderingAgain() throws Exception {
        OfflineProviders offline = PipelineTesting.offline()
                .renderPolls(15, java.time.Duration.ofMillis(50))
                .latency("audio", java.time.Duration.ofMillis(300))
                .fail("audio", Failure.PERMANENT, 1)
                .build();
        EpisodePipeline pipeline = pipeline(offline);
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            Episode failed = awaitRest(acog, episode.id());
            assertThat(failed.status()).isEqualTo(EpisodeStatus.FAILED);
            assertThat(offline.renders(episode.id()))
                    .as("b-roll renders in progress")
                    .isNotEmpty();
            Episode retried = pipeline.retry(episode.id());
            assertThat(retried.retryCount()).isEqualTo(1);
            awaitStatus(episode.id(), EpisodeStatus.PUBLISHED, EpisodeStatus.FAILED);
            awaitNoLiveJobs(acog, episode.id());
        }
        Episode done = acog.episodes().get(episode.id());
        assertThat(done.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        int clips = done.scriptMetadata().brollSegments();
        assertThat(offline.calls("broll")).as("each clip submitted once").hasSize(clips);
        assertThat(offline.calls("audio")).hasSize(2);
        assertThat(offline.calls("avatar")).hasSize(1);
        assertThat(acog.assets().list(episode.id()))
                .filteredOn(asset -> asset.type() == AssetType.B_ROLL)
                .hasSize(clips);
        assertThat(stage(done, PipelineStage.BROLL).status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(offline.cancelledRenders()).isEmpty();
    }

    private void awaitStatus(java.util.UUID episodeId, EpisodeStatus... statuses) throws InterruptedException {
        PipelineTesting.awaitStatus(acog, episodeId, statuses);
    }

    @Test
    void onlyAFailedEpisodeCanBeRetried() {
        OfflineProviders offline = PipelineTesting.offline().build();
        EpisodePipeline pipeline = pipeline(offline);
        Episode idea = fixtures.episode().create();

        assertThatThrownBy(() -> pipeline.retry(idea.id()))
                .isInstanceOf(InvalidTransitionException.class)
                .satisfies(
                        e -> assertThat(((InvalidTransitionException) e).from()).isEqualTo(EpisodeStatus.IDEA));
        pipeline.start(idea.id());
        assertThatThrownBy(() -> pipeline.retry(idea.id()))
                .isInstanceOf(InvalidTransitionException.class)
                .satisfies(
                        e -> assertThat(((InvalidTransitionException) e).from()).isEqualTo(EpisodeStatus.PLANNING));
        Episode unchanged = acog.episodes().get(idea.id());
        assertThat(unchanged.status()).isEqualTo(EpisodeStatus.PLANNING);
        assertThat(unchanged.retryCount()).isZero();
        assertThat(jobs(acog, idea.id())).singleElement().extracting(Job::stage).isEqualTo(PipelineStage.PLANNING);
    }
}
