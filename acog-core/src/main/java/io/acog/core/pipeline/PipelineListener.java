package io.acog.core.pipeline;

import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import java.util.UUID;

/**
 * Hears an episode's progress through the pipeline. Called after the change committed, on the
 * thread that made it (a worker thread for stages): return quickly, and never throw (what is thrown
 * is logged and dropped). All methods do nothing by default.
 */
public interface PipelineListener {

    /** A stage began (its first attempt, or a retry). */
    default void stageStarted(UUID episodeId, PipelineStage stage, int attempt) {}

    /** A stage finished and its outputs are stored. */
    default void stageCompleted(UUID episodeId, PipelineStage stage) {}

    /**
     * A stage failed.
     *
     * @param willRetry whether the stage will be tried again on its own
     */
    default void stageFailed(UUID episodeId, PipelineStage stage, String error, boolean willRetry) {}

    /** The episode's status changed. */
    default void statusChanged(UUID episodeId, EpisodeStatus from, EpisodeStatus to) {}
}
