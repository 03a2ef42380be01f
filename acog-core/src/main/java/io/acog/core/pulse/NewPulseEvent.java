package io.acog.core.pulse;

import io.acog.core.ValidationException;
import io.acog.core.internal.db.Checks;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A trend signal to ingest: the source is required, the rest optional.
 *
 * @param source e.g. {@code "youtube"}, {@code "reddit"}, {@code "news"}; at most 100 characters
 * @param sourceId the id on the source; an event whose {@code (source, sourceId)} was ingested
 *     before is skipped
 * @param relevanceScore from 0 to 1, at most four decimal places
 */
public record NewPulseEvent(
        String source,
        String sourceId,
        String sourceUrl,
        PulsePayload payload,
        List<String> topicTags,
        BigDecimal relevanceScore,
        OffsetDateTime eventTimestamp) {

    public NewPulseEvent {
        payload = Objects.requireNonNullElse(payload, PulsePayload.empty());
        topicTags = topicTags == null
                ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(topicTags));
    }

    public static Builder builder(String source, String sourceId) {
        return new Builder(source, sourceId);
    }

    /** Builds a {@link NewPulseEvent}. */
    public static final class Builder {
        private final String source;
        private final String sourceId;
        private String sourceUrl;
        private PulsePayload payload;
        private List<String> topicTags;
        private BigDecimal relevanceScore;
        private OffsetDateTime eventTimestamp;

        private Builder(String source, String sourceId) {
            this.source = source;
            this.sourceId = sourceId;
        }

        public Builder sourceUrl(String sourceUrl) {
            this.sourceUrl = sourceUrl;
            return this;
        }

        public Builder payload(PulsePayload payload) {
            this.payload = payload;
            return this;
        }

        public Builder topicTags(List<String> topicTags) {
            this.topicTags = topicTags;
            return this;
        }

        public Builder topicTags(String... topicTags) {
            this.topicTags = List.of(topicTags);
            return this;
        }

        public Builder relevanceScore(BigDecimal relevanceScore) {
            this.relevanceScore = relevanceScore;
            return this;
        }

        /**
         * The score from a string such as {@code "0.8125"}; {@code null} for none.
         *
         * @throws ValidationException when it is not a decimal number ({@code "NaN"},
         *     {@code "Infinity"}, {@code "0,8"})
         */
        public Builder relevanceScore(String relevanceScore) {
            if (relevanceScore == null) {
                this.relevanceScore = null;
                return this;
            }
            try {
                this.relevanceScore = new BigDecimal(relevanceScore.strip());
            } catch (NumberFormatException e) {
                throw new ValidationException(
                        "pulse event",
                        "relevance_score",
                        "is " + Checks.show(relevanceScore) + ", not a decimal number: it must be a number from 0"
                                + " to 1 with at most four decimal places, e.g. '0.8125'");
            }
            return this;
        }

        public Builder eventTimestamp(OffsetDateTime eventTimestamp) {
            this.eventTimestamp = eventTimestamp;
            return this;
        }

        public NewPulseEvent build() {
            return new NewPulseEvent(source, sourceId, sourceUrl, payload, topicTags, relevanceScore, eventTimestamp);
        }
    }
}
