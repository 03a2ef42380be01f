package io.acog.core.channel;

import java.util.Optional;

/**
 * A filter and page for {@link ChannelRepository#list(ChannelQuery)}: newest first, 50 per page
 * unless set (at most 500).
 */
public record ChannelQuery(
        Optional<String> niche, Optional<Boolean> active, boolean includeDeleted, int limit, Optional<String> after) {

    public static Builder builder() {
        return new Builder();
    }

    /** All live channels, first page. */
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

        public Builder niche(String niche) {
            this.niche = niche;
            return this;
        }

        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        /** Lists soft-deleted channels too. */
        public Builder includeDeleted(boolean includeDeleted) {
            this.includeDeleted = includeDeleted;
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** Continues after the page that returned this cursor. */
        public Builder after(String cursor) {
            this.after = cursor;
            return this;
        }

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
