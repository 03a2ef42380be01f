package io.acog.core.pipeline;

import io.acog.core.Acog;
import io.acog.core.channel.Channel;
import io.acog.core.channel.ChannelUpdate;
import io.acog.core.channel.PlatformConfig;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.job.Job;
import io.acog.core.job.JobQuery;
import io.acog.core.job.JobStatus;
import io.acog.core.job.RetryPolicy;
import io.acog.providers.offline.OfflineProviders;
import io.acog.testing.Waiting;
import io.acog.testkit.fixtures.AcogFixtures;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** What the pipeline tests share: waiting, channels with a platform config, job look-ups. */
final class PipelineTesting {

    /** Failed jobs are retried at once, so retries do not slow the tests down. */
    static final RetryPolicy IMMEDIATE = new RetryPolicy(Duration.ZERO, Duration.ZERO, 0);

    /** Episode statuses in which nothing more happens without being asked. */
    static final Set<EpisodeStatus> RESTING =
            Set.of(EpisodeStatus.PUBLISHED, EpisodeStatus.FAILED, EpisodeStatus.CANCELLED, EpisodeStatus.READY);

    private PipelineTesting() {}

    /**
     * Offline providers that make placeholder files rather than real media: what these tests look
     * at is the pipeline's bookkeeping, and ffmpeg would only slow them ({@code
     * RealMediaPipelineTest} makes real media).
     */
    static OfflineProviders.Builder offline() {
        return OfflineProviders.builder().media(OfflineProviders.MediaMode.PLACEHOLDER);
    }

    /** Waits until the episode is in one of the statuses, and returns it. */
    static Episode awaitStatus(Acog acog, UUID episodeId, EpisodeStatus... statuses) throws InterruptedException {
        List<EpisodeStatus> wanted = Arrays.asList(statuses);
        Waiting.until(
                () -> "episode " + episodeId + " in " + wanted + " (it is "
                        + acog.episodes().get(episodeId).status() + ", last error "
                        + acog.episodes().get(episodeId).lastError() + ")",
                () -> wanted.contains(acog.episodes().get(episodeId).status()));
        return acog.episodes().get(episodeId);
    }

    /** Waits until the episode rests (published, failed, cancelled or ready) and returns it. */
    static Episode awaitRest(Acog acog, UUID episodeId) throws InterruptedException {
        return awaitStatus(acog, episodeId, RESTING.toArray(EpisodeStatus[]::new));
    }

    /** Waits until no job of the episode is queued or running. */
    static void awaitNoLiveJobs(Acog acog, UUID episodeId) throws InterruptedException {
        Waiting.until(
                () -> "no live jobs for " + episodeId + ": " + liveJobs(acog, episodeId),
                () -> liveJobs(acog, episodeId).isEmpty());
    }

    /** A channel of the fixtures with its platform config changed. */
    static Channel channel(Acog acog, AcogFixtures fixtures, UnaryOperator<PlatformConfig> config) {
        Channel channel = fixtures.channel().create();
        return acog.channels()
                .update(
                        channel.id(),
                        ChannelUpdate.builder()
                                .platformConfig(config.apply(channel.platformConfig()))
                                .build());
    }

    static List<Job> jobs(Acog acog, UUID episodeId) {
        return acog.jobs()
                .list(JobQuery.builder().episode(episodeId).limit(500).build())
                .items();
    }

    static List<Job> jobs(Acog acog, UUID episodeId, PipelineStage stage) {
        return acog.jobs()
                .list(JobQuery.builder()
                        .episode(episodeId)
                        .stage(stage)
                        .limit(500)
                        .build())
                .items();
    }

    static List<Job> liveJobs(Acog acog, UUID episodeId) {
        return acog.jobs()
                .list(JobQuery.builder()
                        .episode(episodeId)
                        .status(JobStatus.QUEUED, JobStatus.RUNNING)
                        .limit(500)
                        .build())
                .items();
    }

    static StageState stage(Episode episode, PipelineStage stage) {
        return episode.pipelineState()
                .stage(stage)
                .orElseThrow(() -> new AssertionError("episode " + episode.id() + " has no pipeline_state entry for "
                        + stage + ": " + episode.pipelineState()));
    }
}
