package io.acog.core.pulse;

import io.acog.core.episode.Episode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Pulse events: trend signals from YouTube, Reddit, news and the like, ingested in batches,
 * searched by topic tag, matched to channels, and turned into episode ideas.
 *
 * <p>Every method is atomic and thread-safe.
 */
public interface PulseEventRepository {

    /** The seed's threshold for events worth acting on: a relevance score above 0.7. */
    BigDecimal DEFAULT_THRESHOLD = new BigDecimal("0.7");

    /**
     * Stores the events whose {@code (source, sourceId)} is new, in one statement per thousand
     * events, all in one transaction. Events without a source id are always new.
     *
     * @throws io.acog.core.ValidationException when any event is invalid (a score outside 0 to 1,
     *     over-long fields, ...); then none is stored
     */
    IngestResult ingest(List<NewPulseEvent> events);

    /** The live event. @throws io.acog.core.NotFoundException when absent or soft-deleted */
    PulseEvent get(UUID id);

    Optional<PulseEvent> find(UUID id);

    /**
     * Live events by topic tag (served by the GIN index), highest relevance first.
     *
     * @param match {@link TagMatch#ANY} for events with any of the tags, {@link TagMatch#ALL} for
     *     events with all of them
     */
    List<PulseEvent> searchByTags(Collection<String> tags, TagMatch match, int limit);

    /**
     * Matches events to the active, live channels whose niche, or one of whose persona's
     * expertise areas, equals one of the event's topic tags (ignoring case), and stores the
     * matches in {@code matched_channels} (replacing earlier matches).
     *
     * @return each event's matched channel ids
     */
    Map<UUID, List<UUID>> matchChannels(Collection<UUID> eventIds);

    /**
     * The live, unprocessed events scoring above {@code threshold}, highest first: the seed's
     * worker query.
     */
    List<PulseEvent> nextUnprocessed(BigDecimal threshold, int limit);

    /** {@link #nextUnprocessed(BigDecimal, int)} above {@link #DEFAULT_THRESHOLD}. */
    default List<PulseEvent> nextUnprocessed(int limit) {
        return nextUnprocessed(DEFAULT_THRESHOLD, limit);
    }

    /**
     * Marks live events processed, now.
     *
     * @return how many were marked (events processed before keep their first time)
     */
    int markProcessed(Collection<UUID> eventIds);

    /**
     * Creates an episode for the channel from the event: idea source {@code pulse}, title and topic
     * from the payload's title, brief from its content, and the source, URL and tags as the idea's
     * source context.
     *
     * @throws io.acog.core.NotFoundException when the event or the channel is absent
     */
    Episode createEpisode(UUID eventId, UUID channelId);

    void softDelete(UUID id);
}
