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

    /**
     * Hears that a stage began (its first attempt, or a retry).
     *
     * @param episodeId the episode
     * @param stage the stage
     * @param attempt which attempt, from 1
     */
    default void stageStarted(UUID episodeId, PipelineStage stage, int attempt) {}

    /**
     * Hears that jobs of a stage were queued: a stage that can begin, a b-roll clip each, a script
     * sent back to be rewritten, a stage retried.
     *
     * @param episodeId the episode
     * @param stage the stage
     * @param jobs how many of its jobs were queued
     */
    default void stageQueued(UUID episodeId, PipelineStage stage, int jobs) {}

    /**
     * Hears that a stage finished and its outputs are stored. {@link
     * #stageCompleted(CompletedStage)} calls it unless overridden.
     *
     * @param episodeId the episode
     * @param stage the stage
     */
    default void stageCompleted(UUID episodeId, PipelineStage stage) {}

    /**
     * Hears that a stage finished and its outputs are stored, with what it took and cost; by
     * default, calls {@link #stageCompleted(UUID, PipelineStage)}.
     *
     * @param completed the stage, its provider, how long it took and what it cost
     */
    default void stageCompleted(CompletedStage completed) {
        stageCompleted(completed.episodeId(), completed.stage());
    }

    /**
     * Hears a call the pipeline made to a provider, answered or failed, as soon as it returns (on
     * the worker's thread; nothing has committed yet).
     *
     * @param call the provider, what the call was, how long it took and how it ended
     */
    default void providerCalled(ProviderCall call) {}

    /**
     * Hears that a stage failed.
     *
     * @param episodeId the episode
     * @param stage the stage
     * @param error why, as recorded in the stage's entry
     * @param willRetry whether the stage will be tried again on its own
     */
    default void stageFailed(UUID episodeId, PipelineStage stage, String error, boolean willRetry) {}

    /**
     * Hears how far a long stage's provider has got (the assembler's encoding, say), as the
     * provider reports it: at most a few times a second per stage, on the worker's thread.
     *
     * @param episodeId the episode
     * @param stage the stage
     * @param fractionDone from 0 to 1
     */
    default void stageProgress(UUID episodeId, PipelineStage stage, double fractionDone) {}

    /**
     * Hears that the episode's status changed.
     *
     * @param episodeId the episode
     * @param from the status it left
     * @param to the status it is in now
     */
    default void statusChanged(UUID episodeId, EpisodeStatus from, EpisodeStatus to) {}
}
