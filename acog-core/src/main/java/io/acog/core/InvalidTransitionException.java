package io.acog.core;

import io.acog.core.episode.EpisodeStatus;
import java.util.UUID;

/**
 * The episode life cycle does not allow this status change (see
 * {@link io.acog.core.episode.EpisodeLifecycle}). Nothing was written.
 */
public class InvalidTransitionException extends AcogException {

    private static final long serialVersionUID = 1L;

    private final UUID episodeId;
    private final EpisodeStatus from;
    private final EpisodeStatus to;

    public InvalidTransitionException(UUID episodeId, EpisodeStatus from, EpisodeStatus to, String reason) {
        super("episode " + episodeId + " cannot go from " + from.label() + " to " + to.label() + ": " + reason);
        this.episodeId = episodeId;
        this.from = from;
        this.to = to;
    }

    public UUID episodeId() {
        return episodeId;
    }

    public EpisodeStatus from() {
        return from;
    }

    public EpisodeStatus to() {
        return to;
    }
}
