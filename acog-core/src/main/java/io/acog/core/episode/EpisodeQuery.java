package io.acog.core.episode;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A filter and page for {@link EpisodeRepository#list}: one channel's episodes, newest first,
 * optionally only some statuses; 50 per page unless set (at most 500).
 */
public record EpisodeQuery(
        UUID channelId, Set<EpisodeStatus> statuses, boolean includeDeleted, int limit, Optional<String> after) {

    public EpisodeQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
    }

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

        /** Only episodes in one of these statuses (all when none are given). */
        public Builder status(EpisodeStatus... statuses) {
            this.statuses.addAll(Set.of(statuses));
            return this;
        }

        public Builder includeDeleted(boolean includeDeleted) {
            this.includeDeleted = includeDeleted;
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        public Builder after(String cursor) {
            this.after = cursor;
            return this;
        }

        public EpisodeQuery build() {
            return new EpisodeQuery(channelId, statuses, includeDeleted, limit, Optional.ofNullable(after));
        }
    }
}
