package io.acog.core.pulse;

import io.acog.core.ValidationException;
import io.acog.core.internal.db.Checks;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A trend signal to ingest: the source is required, the rest optional. Build one with {@link
 * #builder(String, String)}.
 *
 * @param source e.g. {@code "youtube"}, {@code "reddit"}, {@code "news"}; at most 100 characters
 * @param sourceId the id on the source; an event whose {@code (source, sourceId)} was ingested
 *     before is skipped
 * @param sourceUrl where it can be seen
 * @param payload the raw signal; null for an empty one
 * @param topicTags the tags it is searched and matched by, e.g. {@code "cosmology"}; no null tag
 * @param relevanceScore from 0 to 1, at most four decimal places
 * @param eventTimestamp when it happened at the source
 */
public record NewPulseEvent(
        String source,
        String sourceId,
        String sourceUrl,
        PulsePayload payload,
        List<String> topicTags,
        BigDecimal relevanceScore,
        OffsetDateTime eventTimestamp) {

    /**
     * Creates an event, copying {@code topicTags} (null becomes empty) and replacing a null payload
     * by an empty one.
     *
     * @param source e.g. {@code "youtube"}, {@code "reddit"}, {@code "news"}; at most 100
     *     characters
     * @param sourceId the id on the source; an event whose {@code (source, sourceId)} was ingested
     *     before is skipped
     * @param sourceUrl where it can be seen
     * @param payload the raw signal; null for an empty one
     * @param topicTags the tags it is searched and matched by, e.g. {@code "cosmology"}; no null
     *     tag
     * @param relevanceScore from 0 to 1, at most four decimal places
     * @param eventTimestamp when it happened at the source
     */
    public NewPulseEvent {
        payload = Objects.requireNonNullElse(payload, PulsePayload.empty());
        topicTags = topicTags == null
                ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(topicTags));
    }

    /**
     * Starts building an event.
     *
     * @param source e.g. {@code "youtube"}; required
     * @param sourceId the id on the source; null when it has none (the event is then never skipped
     *     as a duplicate)
     * @return a new builder
     */
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

        /**
         * Sets where the event can be seen.
         *
         * @param sourceUrl the URL
         * @return this builder
         */
        public Builder sourceUrl(String sourceUrl) {
            this.sourceUrl = sourceUrl;
            return this;
        }

        /**
         * Sets the raw signal.
         *
         * @param payload title, content, comments, metrics and context
         * @return this builder
         */
        public Builder payload(PulsePayload payload) {
            this.payload = payload;
            return this;
        }

        /**
         * Sets the topic tags.
         *
         * @param topicTags the tags, e.g. {@code "black holes"}; no null tag
         * @return this builder
         */
        public Builder topicTags(List<String> topicTags) {
            this.topicTags = topicTags;
            return this;
        }

        /**
         * Sets the topic tags.
         *
         * @param topicTags the tags; no null tag
         * @return this builder
         * @throws NullPointerException when a tag is null
         */
        public Builder topicTags(String... topicTags) {
            this.topicTags = List.of(topicTags);
            return this;
        }

        /**
         * Sets the relevance score.
         *
         * @param relevanceScore from 0 to 1, at most four decimal places
         * @return this builder
         */
        public Builder relevanceScore(BigDecimal relevanceScore) {
            this.relevanceScore = relevanceScore;
            return this;
        }

        /**
         * Sets the score from a string such as {@code "0.8125"}; {@code null} for none.
         *
         * @param relevanceScore from 0 to 1, at most four decimal places
         * @return this builder
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

        /**
         * Sets when the event happened at the source.
         *
         * @param eventTimestamp the time
         * @return this builder
         */
        public Builder eventTimestamp(OffsetDateTime eventTimestamp) {
            this.eventTimestamp = eventTimestamp;
            return this;
        }

        /**
         * Builds the event.
         *
         * @return the event, to pass to {@link PulseEventRepository#ingest}
         */
        public NewPulseEvent build() {
            return new NewPulseEvent(source, sourceId, sourceUrl, payload, topicTags, relevanceScore, eventTimestamp);
        }
    }
}
