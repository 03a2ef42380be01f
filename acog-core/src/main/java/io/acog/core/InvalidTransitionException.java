package io.acog.core;

import io.acog.core.episode.EpisodeStatus;
import java.util.UUID;

/**
 * The episode life cycle does not allow this status change (see
 * {@link io.acog.core.episode.EpisodeLifecycle}). Nothing was written.
 */
public class InvalidTransitionException extends AcogException {

    private static final long serialVersionUID = 1L;

    /** The episode. */
    private final UUID episodeId;
    /** The status it was in. */
    private final EpisodeStatus from;
    /** The status it was asked to take. */
    private final EpisodeStatus to;

    /**
     * Creates the exception; the message names the episode, both statuses and why.
     *
     * @param episodeId the episode
     * @param from the status it is in
     * @param to the status it was asked to take
     * @param reason why the change is refused
     */
    public InvalidTransitionException(UUID episodeId, EpisodeStatus from, EpisodeStatus to, String reason) {
        super("episode " + episodeId + " cannot go from " + from.label() + " to " + to.label() + ": " + reason);
        this.episodeId = episodeId;
        this.from = from;
        this.to = to;
    }

    /**
     * Returns the episode whose status was to change.
     *
     * @return the episode's id
     */
    public UUID episodeId() {
        return episodeId;
    }

    /**
     * Returns the status the episode is in.
     *
     * @return the current status
     */
    public EpisodeStatus from() {
        return from;
    }

    /**
     * Returns the status the episode was asked to take.
     *
     * @return the refused status
     */
    public EpisodeStatus to() {
        return to;
    }
}
