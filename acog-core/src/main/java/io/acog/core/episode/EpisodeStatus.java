package io.acog.core.episode;

import io.acog.core.internal.Labels;

/**
 * Where an episode stands in its life cycle ({@code episodes.status}); the allowed changes are
 * {@link EpisodeLifecycle}'s. The declaration order is the forward order of the pipeline.
 */
public enum EpisodeStatus {
    /** Captured, not started. */
    IDEA,
    /** Its plan is being made. */
    PLANNING,
    /** Its script is being written. */
    SCRIPTING,
    /** The script is reviewed (by the writer, or waits for a person). */
    SCRIPT_REVIEW,
    /** Its speech is being synthesized; metadata and b-roll may be under way alongside. */
    AUDIO,
    /** Its presenter video is being rendered. */
    AVATAR,
    /** Its b-roll clips are being rendered, speech and presenter video being done. */
    BROLL,
    /** Its final video is being cut. */
    ASSEMBLY,
    /** Assembled; waits to be published. */
    READY,
    /** It is being uploaded. */
    PUBLISHING,
    /** It is online; {@code published_url} says where. Final. */
    PUBLISHED,
    /** A stage failed; {@code last_error} says why. */
    FAILED,
    /** Stopped for good by a cancel. Final. */
    CANCELLED;

    /**
     * Returns the status as stored and shown, e.g. {@code "script_review"}.
     *
     * @return the label
     */
    public String label() {
        return Labels.of(this);
    }

    /**
     * Returns the status with this label.
     *
     * @param label the status as stored, e.g. {@code "ready"}
     * @return the status
     * @throws IllegalArgumentException naming the label and the ones allowed
     */
    public static EpisodeStatus fromLabel(String label) {
        return Labels.parse(EpisodeStatus.class, label);
    }
}
