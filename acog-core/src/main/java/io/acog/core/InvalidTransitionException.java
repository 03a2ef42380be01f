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
        this(
                "episode " + episodeId + " cannot go from " + from.label() + " to " + to.label() + ": " + reason,
                episodeId,
                from,
                to);
    }

    private InvalidTransitionException(String message, UUID episodeId, EpisodeStatus from, EpisodeStatus to) {
        super(message);
        this.episodeId = episodeId;
        this.from = from;
        this.to = to;
    }

    /**
     * An operation that only an episode in one status allows, asked of an episode in another: a
     * retry of a published one says {@code "episode … is published: only a failed episode can be
     * retried"}, not which status change it would have made.
     *
     * @param episodeId the episode
     * @param status the episode's status ({@link #from()})
     * @param needed the status the operation needs ({@link #to()})
     * @param rule e.g. {@code "only a failed episode can be retried"}
     * @return the exception, to throw
     */
    public static InvalidTransitionException needs(
            UUID episodeId, EpisodeStatus status, EpisodeStatus needed, String rule) {
        return new InvalidTransitionException(
                "episode " + episodeId + " is " + status.label() + ": " + rule, episodeId, status, needed);
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
