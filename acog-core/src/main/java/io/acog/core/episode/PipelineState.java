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
 */
public record PipelineState(Map<PipelineStage, StageState> stages, Map<String, Object> extra) {

    public PipelineState {
        EnumMap<PipelineStage, StageState> ordered = new EnumMap<>(PipelineStage.class);
        if (stages != null) {
            ordered.putAll(stages);
        }
        stages = Collections.unmodifiableMap(ordered);
        extra = Copies.map(extra);
    }

    public static PipelineState empty() {
        return new PipelineState(null, null);
    }

    /** The stage's entry, if it has one. */
    public Optional<StageState> stage(PipelineStage stage) {
        return Optional.ofNullable(stages.get(stage));
    }

    /** The stage's status; {@link StageStatus#PENDING} when it has no entry or no status yet. */
    public StageStatus status(PipelineStage stage) {
        StageState state = stages.get(stage);
        return state == null || state.status() == null ? StageStatus.PENDING : state.status();
    }

    /** The first stage, in pipeline order, whose status is {@link StageStatus#FAILED}. */
    public Optional<PipelineStage> firstFailedStage() {
        for (Map.Entry<PipelineStage, StageState> entry : stages.entrySet()) {
            if (entry.getValue().status() == StageStatus.FAILED) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** This state with the stage's entry replaced (or added). */
    public PipelineState with(PipelineStage stage, StageState entry) {
        EnumMap<PipelineStage, StageState> changed = new EnumMap<>(PipelineStage.class);
        changed.putAll(stages);
        changed.put(stage, entry);
        return new PipelineState(changed, extra);
    }
}
