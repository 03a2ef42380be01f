package io.acog.core.episode;

import io.acog.core.internal.json.Copies;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * An episode's {@code pipeline_state}: one {@link StageState} per stage that has one, keyed by the
 * stage's name. Keys that are not stage names are kept in {@link #extra()} and written back.
 *
 * <p>Read-only here: change it with {@link EpisodeRepository#updateStage} and friends, which merge
 * under the row lock, so stages finishing at the same moment never lose each other's entries.
 *
 * @param stages the entries by stage, in pipeline order
 * @param extra keys that are not stage names, kept as they are
 */
public record PipelineState(Map<PipelineStage, StageState> stages, Map<String, Object> extra) {

    /**
     * Creates a state, copying both maps (null becomes empty).
     *
     * @param stages the entries by stage, in pipeline order
     * @param extra keys that are not stage names, kept as they are
     */
    public PipelineState {
        EnumMap<PipelineStage, StageState> ordered = new EnumMap<>(PipelineStage.class);
        if (stages != null) {
            ordered.putAll(stages);
        }
        stages = Collections.unmodifiableMap(ordered);
        extra = Copies.map(extra);
    }

    /**
     * Returns a state with no entries: that of an episode not started.
     *
     * @return the empty state
     */
    public static PipelineState empty() {
        return new PipelineState(null, null);
    }

    /**
     * Returns the stage's entry, if it has one.
     *
     * @param stage the stage
     * @return the entry, or empty
     */
    public Optional<StageState> stage(PipelineStage stage) {
        return Optional.ofNullable(stages.get(stage));
    }

    /**
     * Returns the stage's status; {@link StageStatus#PENDING} when it has no entry or no status
     * yet.
     *
     * @param stage the stage
     * @return the status, never null
     */
    public StageStatus status(PipelineStage stage) {
        StageState state = stages.get(stage);
        return state == null || state.status() == null ? StageStatus.PENDING : state.status();
    }

    /**
     * Returns the first stage, in pipeline order, whose status is {@link StageStatus#FAILED}: where
     * a retry resumes.
     *
     * @return the stage, or empty when none failed
     */
    public Optional<PipelineStage> firstFailedStage() {
        for (Map.Entry<PipelineStage, StageState> entry : stages.entrySet()) {
            if (entry.getValue().status() == StageStatus.FAILED) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * Returns this state with the stage's entry replaced (or added). Changes nothing stored.
     *
     * @param stage the stage
     * @param entry its new entry
     * @return the changed copy
     */
    public PipelineState with(PipelineStage stage, StageState entry) {
        EnumMap<PipelineStage, StageState> changed = new EnumMap<>(PipelineStage.class);
        changed.putAll(stages);
        changed.put(stage, entry);
        return new PipelineState(changed, extra);
    }
}
