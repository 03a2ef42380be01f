package io.acog.core.pulse;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A stored trend signal. Nullable components are {@code null} when unset.
 *
 * @param id the event's id
 * @param source e.g. {@code "youtube"}
 * @param sourceId the id on the source platform; {@code (source, sourceId)} is unique
 * @param sourceUrl where it can be seen
 * @param payload the raw signal
 * @param topicTags the tags it is searched and matched by
 * @param relevanceScore between 0 and 1, four decimal places
 * @param processed whether a host marked it processed
 * @param processedAt when it was first marked processed
 * @param matchedChannels the channels it was matched to (see {@link
 *     PulseEventRepository#matchChannels})
 * @param eventTimestamp when it happened at the source
 * @param createdAt when it was ingested
 * @param updatedAt when it last changed (the database's time)
 * @param deletedAt when it was soft-deleted; {@code null} while live
 */
public record PulseEvent(
        UUID id,
        String source,
        String sourceId,
        String sourceUrl,
        PulsePayload payload,
        List<String> topicTags,
        BigDecimal relevanceScore,
        boolean processed,
        OffsetDateTime processedAt,
        List<UUID> matchedChannels,
        OffsetDateTime eventTimestamp,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime deletedAt) {

    /**
     * Creates an event, copying the lists (null becomes empty).
     *
     * @param id the event's id
     * @param source e.g. {@code "youtube"}
     * @param sourceId the id on the source platform; {@code (source, sourceId)} is unique
     * @param sourceUrl where it can be seen
     * @param payload the raw signal
     * @param topicTags the tags it is searched and matched by
     * @param relevanceScore between 0 and 1, four decimal places
     * @param processed whether a host marked it processed
     * @param processedAt when it was first marked processed
     * @param matchedChannels the channels it was matched to (see {@link
     *     PulseEventRepository#matchChannels})
     * @param eventTimestamp when it happened at the source
     * @param createdAt when it was ingested
     * @param updatedAt when it last changed (the database's time)
     * @param deletedAt when it was soft-deleted; {@code null} while live
     */
    public PulseEvent {
        topicTags = topicTags == null ? List.of() : List.copyOf(topicTags);
        matchedChannels = matchedChannels == null ? List.of() : List.copyOf(matchedChannels);
    }

    /**
     * Tells whether the event is soft-deleted.
     *
     * @return whether {@link #deletedAt()} is set
     */
    public boolean deleted() {
        return deletedAt != null;
    }
}
