package io.acog.core.pulse;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A stored trend signal. Nullable components are {@code null} when unset.
 *
 * @param sourceId the id on the source platform; {@code (source, sourceId)} is unique
 * @param relevanceScore between 0 and 1, four decimal places
 * @param matchedChannels the channels it was matched to (see
 *     {@link PulseEventRepository#matchChannels})
 * @param eventTimestamp when it happened at the source
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

    public PulseEvent {
        topicTags = topicTags == null ? List.of() : List.copyOf(topicTags);
        matchedChannels = matchedChannels == null ? List.of() : List.copyOf(matchedChannels);
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
