package io.acog.core.internal.pipeline.state;

import io.acog.core.episode.EpisodeLifecycle;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.PipelineState;
import io.acog.core.episode.StageStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order of the pipeline's stages: which stage needs which, and the status an episode shows for
 * a pipeline state. Pure functions; the one definition the engine consults.
 *
 * <pre>
 * planning → scripting → script_review → ┬ metadata ──────────────┐
 *                                        └ audio ─┬ avatar ───────┼→ assembly → upload
 *                                                 └ broll (clips) ┘
 * </pre>
 *
 * <p>B-roll waits for the audio: each clip's length is that of its cut on the narration's
 * timeline, which the audio stage lays out.
 */
public final class StageGraph {

    private static final Map<PipelineStage, Set<PipelineStage>> NEEDS = new EnumMap<>(PipelineStage.class);

    static {
        NEEDS.put(PipelineStage.PLANNING, EnumSet.noneOf(PipelineStage.class));
        NEEDS.put(PipelineStage.SCRIPTING, EnumSet.of(PipelineStage.PLANNING));
        NEEDS.put(PipelineStage.SCRIPT_REVIEW, EnumSet.of(PipelineStage.SCRIPTING));
        NEEDS.put(PipelineStage.METADATA, EnumSet.of(PipelineStage.SCRIPT_REVIEW));
        NEEDS.put(PipelineStage.AUDIO, EnumSet.of(PipelineStage.SCRIPT_REVIEW));
        NEEDS.put(PipelineStage.BROLL, EnumSet.of(PipelineStage.AUDIO));
        NEEDS.put(PipelineStage.AVATAR, EnumSet.of(PipelineStage.AUDIO));
        NEEDS.put(
                PipelineStage.ASSEMBLY,
                EnumSet.of(PipelineStage.METADATA, PipelineStage.AUDIO, PipelineStage.AVATAR, PipelineStage.BROLL));
        NEEDS.put(PipelineStage.UPLOAD, EnumSet.of(PipelineStage.ASSEMBLY));
    }

    /** The stages whose providers render slowly: submitted, then polled. */
    public static final Set<PipelineStage> RENDERS = EnumSet.of(PipelineStage.AVATAR, PipelineStage.BROLL);

    private StageGraph() {}

    /** The stages {@code stage} needs finished before it starts. */
    public static Set<PipelineStage> needs(PipelineStage stage) {
        return NEEDS.get(stage);
    }

    /** Whether a stage's work is done (completed, or skipped as having nothing to do). */
    public static boolean done(PipelineState state, PipelineStage stage) {
        StageStatus status = state.status(stage);
        return status == StageStatus.COMPLETED || status == StageStatus.SKIPPED;
    }

    /**
     * The stages that may run now: not done, not waiting for a person, everything they need done.
     * Upload only once it was asked for (it has an entry).
     */
    public static List<PipelineStage> runnable(PipelineState state) {
        return EnumSet.allOf(PipelineStage.class).stream()
                .filter(stage -> !done(state, stage))
                .filter(stage -> state.status(stage) != StageStatus.WAITING)
                .filter(stage -> stage != PipelineStage.UPLOAD
                        || state.stage(PipelineStage.UPLOAD).isPresent())
                .filter(stage -> needs(stage).stream().allMatch(need -> done(state, need)))
                .toList();
    }

    /**
     * The stages that {@code finished} finishing lets start: those that need it and now have
     * everything they need (upload excepted: it starts when publishing is asked for).
     */
    public static List<PipelineStage> unblockedBy(PipelineState state, PipelineStage finished) {
        return EnumSet.allOf(PipelineStage.class).stream()
                .filter(stage -> stage != PipelineStage.UPLOAD)
                .filter(stage -> needs(stage).contains(finished))
                .filter(stage -> !done(state, stage))
                .filter(stage -> needs(stage).stream().allMatch(need -> done(state, need)))
                .toList();
    }

    /**
     * The status of an episode on its way with this state: that of its earliest unfinished stage
     * ({@link EpisodeLifecycle#statusOf}); {@code ready} once assembled, {@code publishing} once
     * upload was asked for, {@code published} once it is done.
     */
    public static EpisodeStatus status(PipelineState state) {
        for (PipelineStage stage : PipelineStage.values()) {
            if (stage != PipelineStage.UPLOAD && !done(state, stage)) {
                return EpisodeLifecycle.statusOf(stage);
            }
        }
        if (done(state, PipelineStage.UPLOAD)) {
            return EpisodeStatus.PUBLISHED;
        }
        return state.stage(PipelineStage.UPLOAD).isPresent() ? EpisodeStatus.PUBLISHING : EpisodeStatus.READY;
    }
}
