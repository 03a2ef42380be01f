package io.acog.core.episode;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The changes {@link EpisodeRepository#update} makes: only the fields set on the builder are
 * written. Setting the script parses it, bumps its version and recomputes its metadata, as
 * {@link EpisodeRepository#saveScript} does. Status is not here: it changes only through
 * {@link EpisodeRepository#transition}.
 */
public final class EpisodeUpdate {

    private final Map<String, Object> changes;
    private final OffsetDateTime unchangedSince;

    private EpisodeUpdate(Map<String, Object> changes, OffsetDateTime unchangedSince) {
        this.changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        this.unchangedSince = unchangedSince;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The changed fields by column name, in the order they were set; values may be null. */
    public Map<String, Object> changes() {
        return changes;
    }

    /** The {@code updated_at} the episode must still have for the update to apply. */
    public Optional<OffsetDateTime> unchangedSince() {
        return Optional.ofNullable(unchangedSince);
    }

    /** Builds an {@link EpisodeUpdate}. */
    public static final class Builder {
        private final Map<String, Object> changes = new LinkedHashMap<>();
        private OffsetDateTime unchangedSince;

        private Builder() {}

        public Builder title(String title) {
            changes.put("title", title);
            return this;
        }

        public Builder slug(String slug) {
            changes.put("slug", slug);
            return this;
        }

        public Builder idea(EpisodeIdea idea) {
            changes.put("idea", idea);
            return this;
        }

        public Builder plan(EpisodePlan plan) {
            changes.put("plan", plan);
            return this;
        }

        /** A new script (see {@link ScriptParser}); {@code null} removes it and its metadata. */
        public Builder script(String script) {
            changes.put("script", script);
            return this;
        }

        public Builder metadata(EpisodeMetadata metadata) {
            changes.put("metadata", metadata);
            return this;
        }

        public Builder priority(int priority) {
            changes.put("priority", priority);
            return this;
        }

        /** Applies only if the episode's {@code updated_at} is still this value. */
        public Builder unchangedSince(OffsetDateTime updatedAt) {
            this.unchangedSince = updatedAt;
            return this;
        }

        public EpisodeUpdate build() {
            return new EpisodeUpdate(changes, unchangedSince);
        }
    }
}
