package io.acog.core.episode;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A filter and page for {@link EpisodeRepository#list}: one channel's episodes, newest first,
 * optionally only some statuses; 50 per page unless set (at most 500). Build one with {@link
 * #builder(UUID)}.
 *
 * @param channelId the channel; required
 * @param statuses only episodes in one of these; empty for all
 * @param includeDeleted whether soft-deleted episodes are listed too
 * @param limit the page size, from 1 to 500
 * @param after the cursor of the previous page
 */
public record EpisodeQuery(
        UUID channelId, Set<EpisodeStatus> statuses, boolean includeDeleted, int limit, Optional<String> after) {

    /**
     * Creates a query, copying {@code statuses} (null becomes empty).
     *
     * @param channelId the channel; required
     * @param statuses only episodes in one of these; empty for all
     * @param includeDeleted whether soft-deleted episodes are listed too
     * @param limit the page size, from 1 to 500
     * @param after the cursor of the previous page
     */
    public EpisodeQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
    }

    /**
     * Starts building a query of the channel's live episodes, 50 per page.
     *
     * @param channelId the channel
     * @return a new builder
     */
    public static Builder builder(UUID channelId) {
        return new Builder(channelId);
    }

    /** Builds an {@link EpisodeQuery}. */
    public static final class Builder {
        private final UUID channelId;
        private final Set<EpisodeStatus> statuses = EnumSet.noneOf(EpisodeStatus.class);
        private boolean includeDeleted;
        private int limit = 50;
        private String after;

        private Builder(UUID channelId) {
            this.channelId = channelId;
        }

        /**
         * Lists only episodes in one of these statuses (all when none are given); adds to those
         * given before.
         *
         * @param statuses the statuses; neither null nor repeated within one call
         * @return this builder
         */
        public Builder status(EpisodeStatus... statuses) {
            this.statuses.addAll(Set.of(statuses));
            return this;
        }

        /**
         * Lists soft-deleted episodes too.
         *
         * @param includeDeleted whether to include them; false by default
         * @return this builder
         */
        public Builder includeDeleted(boolean includeDeleted) {
            this.includeDeleted = includeDeleted;
            return this;
        }

        /**
         * Sets the page size.
         *
         * @param limit from 1 to 500; 50 by default. A value outside is refused by the listing with
         *     a {@link io.acog.core.ValidationException}
         * @return this builder
         */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /**
         * Continues after the page that returned this cursor.
         *
         * @param cursor the previous page's {@link io.acog.core.Page#nextCursor()}
         * @return this builder
         */
        public Builder after(String cursor) {
            this.after = cursor;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         */
        public EpisodeQuery build() {
            return new EpisodeQuery(channelId, statuses, includeDeleted, limit, Optional.ofNullable(after));
        }
    }
}
