package io.acog.core.episode;

import io.acog.core.internal.Labels;

/** Where one pipeline stage of an episode stands, as {@code pipeline_state[stage].status}. */
public enum StageStatus {
    /** Not begun, or waiting for its next try. */
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED,
    /** Nothing to do (b-roll for a script without clips). */
    SKIPPED,
    CANCELLED,
    /** Waiting for a person: a script in manual review. */
    WAITING;

    /** The JSON label, e.g. {@code "completed"}. */
    public String label() {
        return Labels.of(this);
    }

    /**
     * The status with this label, in any case.
     *
     * @throws IllegalArgumentException naming the label and the ones allowed
     */
    public static StageStatus fromLabel(String label) {
        return Labels.parse(StageStatus.class, label == null ? null : label.toLowerCase(java.util.Locale.ROOT));
    }
}
