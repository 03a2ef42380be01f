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
     * @param events what to ingest
     * @return what was stored and what was skipped as already known
     * @throws io.acog.core.ValidationException when any event is invalid (a score outside 0 to 1,
     *     over-long fields, ...); then none is stored
     */
    IngestResult ingest(List<NewPulseEvent> events);

    /**
     * Returns the live event.
     *
     * @param id the event's id
     * @return the event
     * @throws io.acog.core.NotFoundException when absent or soft-deleted
     */
    PulseEvent get(UUID id);

    /**
     * Finds the live event.
     *
     * @param id the event's id
     * @return the event, or empty when absent or soft-deleted
     */
    Optional<PulseEvent> find(UUID id);

    /**
     * Searches live events by topic tag (served by the GIN index), highest relevance first. Tags
     * match exactly, case included.
     *
     * @param tags one or more tags, none null
     * @param match {@link TagMatch#ANY} for events with any of the tags, {@link TagMatch#ALL} for
     *     events with all of them
     * @param limit the most events to return, from 1 to 1000
     * @return the events
     * @throws io.acog.core.ValidationException for no tags, a null tag, or a limit outside 1 to
     *     1000
     */
    List<PulseEvent> searchByTags(Collection<String> tags, TagMatch match, int limit);

    /**
     * Matches events to the active, live channels whose niche, or one of whose persona's expertise
     * areas, equals one of the event's topic tags (ignoring case), and stores the matches in {@code
     * matched_channels} (replacing earlier matches).
     *
     * @param eventIds the events to match; absent or soft-deleted ones are left out
     * @return each event's matched channel ids, possibly empty
     */
    Map<UUID, List<UUID>> matchChannels(Collection<UUID> eventIds);

    /**
     * Lists the live, unprocessed events scoring above {@code threshold}, highest first: the seed's
     * worker query.
     *
     * @param threshold the score an event must exceed
     * @param limit the most events to return, from 1 to 1000
     * @return the events
     * @throws io.acog.core.ValidationException for a limit outside 1 to 1000
     */
    List<PulseEvent> nextUnprocessed(BigDecimal threshold, int limit);

    /**
     * Lists the live, unprocessed events scoring above {@link #DEFAULT_THRESHOLD}, highest first.
     *
     * @param limit the most events to return, from 1 to 1000
     * @return the events
     * @throws io.acog.core.ValidationException for a limit outside 1 to 1000
     */
    default List<PulseEvent> nextUnprocessed(int limit) {
        return nextUnprocessed(DEFAULT_THRESHOLD, limit);
    }

    /**
     * Marks live events processed, now.
     *
     * @param eventIds the events; absent or soft-deleted ones are left alone
     * @return how many were marked (events processed before keep their first time)
     */
    int markProcessed(Collection<UUID> eventIds);

    /**
     * Creates an episode for the channel from the event: idea source {@code pulse}, title and topic
     * from the payload's title, brief from its content, and the source, URL and tags as the idea's
     * source context. The event is not marked processed: call {@link #markProcessed} for that.
     *
     * @param eventId the event
     * @param channelId the channel the episode is for
     * @return the new episode, in {@code idea}
     * @throws io.acog.core.NotFoundException when the event or the channel is absent or
     *     soft-deleted
     */
    Episode createEpisode(UUID eventId, UUID channelId);

    /**
     * Soft-deletes the event; it no longer shows in searches and listings.
     *
     * @param id the event's id
     * @throws io.acog.core.NotFoundException when absent or already soft-deleted
     */
    void softDelete(UUID id);
}
