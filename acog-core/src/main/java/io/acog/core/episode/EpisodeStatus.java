package io.acog.core.episode;

import io.acog.core.internal.Labels;

/**
 * Where an episode stands in its life cycle ({@code episodes.status}); the allowed changes are
 * {@link EpisodeLifecycle}'s. The declaration order is the forward order of the pipeline.
 */
public enum EpisodeStatus {
    /** Captured, not started. */
    IDEA,
    PLANNING,
    SCRIPTING,
    /** The script is reviewed (by the writer, or waits for a person). */
    SCRIPT_REVIEW,
    AUDIO,
    AVATAR,
    BROLL,
    ASSEMBLY,
    /** Assembled; waits to be published. */
    READY,
    PUBLISHING,
    PUBLISHED,
    /** A stage failed; {@code last_error} says why. */
    FAILED,
    CANCELLED;

    /** The status as stored and shown, e.g. {@code "script_review"}. */
    public String label() {
        return Labels.of(this);
    }

    /**
     * The status with this label.
     *
     * @throws IllegalArgumentException naming the label and the ones allowed
     */
    public static EpisodeStatus fromLabel(String label) {
        return Labels.parse(EpisodeStatus.class, label);
    }
}
