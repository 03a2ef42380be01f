package io.acog.core.pipeline;

import io.acog.core.AcogException;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * {@link EpisodePipeline#await} gave up: the episode did not reach a status it waited for in
 * time. Nothing was changed; {@link #episode()} is the episode as last read, e.g. to see which
 * stage it is on.
 */
public class EpisodeWaitTimeoutException extends AcogException {

    private static final long serialVersionUID = 1L;

    private final transient Episode episode;

    /**
     * @param episode the episode as last read
     * @param waitedFor the statuses waited for, or empty for "until it rests"
     * @param timeout how long was waited
     */
    public EpisodeWaitTimeoutException(Episode episode, Collection<EpisodeStatus> waitedFor, Duration timeout) {
        super("episode " + episode.id() + " is still " + episode.status().label() + " after " + timeout
                + " (waited for it to be "
                + (waitedFor.isEmpty()
                        ? "published, failed, cancelled or waiting for a person"
                        : waitedFor.stream().map(EpisodeStatus::label).collect(Collectors.joining(" or ")))
                + (episode.lastError() == null ? "" : "; its last error: " + episode.lastError())
                + ")");
        this.episode = episode;
    }

    /**
     * Returns the episode as last read before giving up.
     *
     * @return the episode, e.g. to see which stage it is on; null after deserialization
     */
    public Episode episode() {
        return episode;
    }
}
