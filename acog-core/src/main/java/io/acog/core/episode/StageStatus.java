package io.acog.core.episode;

import io.acog.core.internal.Labels;

/** Where one pipeline stage of an episode stands, as {@code pipeline_state[stage].status}. */
public enum StageStatus {
    /** Not begun, or waiting for its next try. */
    PENDING,
    /** Its provider call is under way, or its render is being polled. */
    RUNNING,
    /** Done; its outputs are stored. */
    COMPLETED,
    /** Failed for good (permanent failure or out of retries); {@code error} says why. */
    FAILED,
    /** Nothing to do (b-roll for a script without clips). */
    SKIPPED,
    /** The episode was cancelled before the stage finished. */
    CANCELLED,
    /** Waiting for a person: a script in manual review. */
    WAITING;

    /**
     * Returns the JSON label, e.g. {@code "completed"}.
     *
     * @return the label
     */
    public String label() {
        return Labels.of(this);
    }

    /**
     * Returns the status with this label, in any case.
     *
     * @param label the JSON label, e.g. {@code "running"}
     * @return the status
     * @throws IllegalArgumentException naming the label and the ones allowed
     */
    public static StageStatus fromLabel(String label) {
        return Labels.parse(StageStatus.class, label == null ? null : label.toLowerCase(java.util.Locale.ROOT));
    }
}
