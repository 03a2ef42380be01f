package io.acog.core.channel;

import java.util.Optional;

/**
 * A filter and page for {@link ChannelRepository#list(ChannelQuery)}: newest first, 50 per page
 * unless set (at most 500). Build one with {@link #builder()}.
 *
 * @param niche only channels of this niche
 * @param active only active (or only inactive) channels
 * @param includeDeleted whether soft-deleted channels are listed too
 * @param limit the page size, from 1 to 500
 * @param after the cursor of the previous page
 */
public record ChannelQuery(
        Optional<String> niche, Optional<Boolean> active, boolean includeDeleted, int limit, Optional<String> after) {

    /**
     * Starts building a query: every live channel, 50 per page.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a query for all live channels, first page.
     *
     * @return the query
     */
    public static ChannelQuery all() {
        return builder().build();
    }

    /** Builds a {@link ChannelQuery}. */
    public static final class Builder {
        private String niche;
        private Boolean active;
        private boolean includeDeleted;
        private int limit = 50;
        private String after;

        private Builder() {}

        /**
         * Lists only channels of this niche (exact match).
         *
         * @param niche the niche, e.g. {@code "cosmology"}
         * @return this builder
         */
        public Builder niche(String niche) {
            this.niche = niche;
            return this;
        }

        /**
         * Lists only active channels, or only inactive ones.
         *
         * @param active whether the channels are active
         * @return this builder
         */
        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        /**
         * Lists soft-deleted channels too.
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
        public ChannelQuery build() {
            return new ChannelQuery(
                    Optional.ofNullable(niche),
                    Optional.ofNullable(active),
                    includeDeleted,
                    limit,
                    Optional.ofNullable(after));
        }
    }
}
