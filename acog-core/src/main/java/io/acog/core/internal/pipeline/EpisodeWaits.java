package io.acog.core.internal.pipeline;

import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeRepository;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.internal.db.Checks;
import io.acog.core.pipeline.EpisodeWaitTimeoutException;
import io.acog.core.pipeline.PipelineListener;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@link io.acog.core.pipeline.EpisodePipeline#await}: reads the episode until it is in a status
 * waited for, sleeping between reads (10 ms at first, growing to a second) unless a status change
 * committed in this JVM wakes the waiters first. Work done in other JVMs is seen by the reads.
 */
final class EpisodeWaits implements PipelineListener {

    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long LONGEST_PAUSE_MILLIS = 1000;
    private static final Set<EpisodeStatus> ENDS =
            EnumSet.of(EpisodeStatus.PUBLISHED, EpisodeStatus.FAILED, EpisodeStatus.CANCELLED, EpisodeStatus.READY);

    private final EpisodeRepository episodes;
    private final Object changed = new Object();
    /** Bumped on every status change; guarded by {@link #changed}. */
    private long changes;

    EpisodeWaits(EpisodeRepository episodes) {
        this.episodes = episodes;
    }

    @Override
    public void statusChanged(UUID episodeId, EpisodeStatus from, EpisodeStatus to) {
        synchronized (changed) {
            changes++;
            changed.notifyAll();
        }
    }

    Episode await(UUID episodeId, Duration timeout, EpisodeStatus... statuses) throws InterruptedException {
        Checks.notNull("episode", "id", episodeId);
        Checks.notNull("await", "timeout", timeout);
        List<EpisodeStatus> wanted = List.of(Checks.notNull("await", "statuses", statuses));
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            long seen;
            synchronized (changed) {
                seen = changes;
            }
            Episode episode = episodes.get(episodeId);
            if (wanted.isEmpty() ? rests(episode) : wanted.contains(episode.status())) {
                return episode;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new EpisodeWaitTimeoutException(episode, wanted, timeout);
            }
            long sleep = Math.min(pause, Math.max(1, left / 1_000_000));
            synchronized (changed) {
                if (changes == seen) {
                    changed.wait(sleep);
                }
            }
            pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
        }
    }

    /** Published, failed, cancelled, or waiting for a person (a manual publish or script review). */
    private static boolean rests(Episode episode) {
        if (ENDS.contains(episode.status())) {
            return true;
        }
        return episode.status() == EpisodeStatus.SCRIPT_REVIEW
                && episode.pipelineState()
                                .stage(PipelineStage.SCRIPT_REVIEW)
                                .map(StageState::status)
                                .orElse(null)
                        == StageStatus.WAITING;
    }
}
