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

    /**
     * Starts building an update that changes nothing.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the changed fields by column name, in the order they were set; values may be null.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> changes() {
        return changes;
    }

    /**
     * Returns the {@code updated_at} the episode must still have for the update to apply.
     *
     * @return the expected {@code updated_at}, or empty to apply whatever changed meanwhile
     */
    public Optional<OffsetDateTime> unchangedSince() {
        return Optional.ofNullable(unchangedSince);
    }

    /** Builds an {@link EpisodeUpdate}. */
    public static final class Builder {
        private final Map<String, Object> changes = new LinkedHashMap<>();
        private OffsetDateTime unchangedSince;

        private Builder() {}

        /**
         * Sets the working title; null clears it.
         *
         * @param title at most 500 characters
         * @return this builder
         */
        public Builder title(String title) {
            changes.put("title", title);
            return this;
        }

        /**
         * Sets the slug; the old one is free for the channel's other episodes afterwards.
         *
         * @param slug lowercase URL-safe, at most 200 characters, unique among the channel's live
         *     episodes
         * @return this builder
         */
        public Builder slug(String slug) {
            changes.put("slug", slug);
            return this;
        }

        /**
         * Replaces the idea.
         *
         * @param idea the whole idea, not a patch
         * @return this builder
         */
        public Builder idea(EpisodeIdea idea) {
            changes.put("idea", idea);
            return this;
        }

        /**
         * Replaces the plan.
         *
         * @param plan the whole plan
         * @return this builder
         */
        public Builder plan(EpisodePlan plan) {
            changes.put("plan", plan);
            return this;
        }

        /**
         * Sets a new script (see {@link ScriptParser}); {@code null} removes it and its metadata.
         *
         * @param script the script with its markers; a malformed one fails the update with a {@link
         *     io.acog.core.ValidationException}
         * @return this builder
         */
        public Builder script(String script) {
            changes.put("script", script);
            return this;
        }

        /**
         * Replaces the publishing metadata.
         *
         * @param metadata the whole metadata
         * @return this builder
         */
        public Builder metadata(EpisodeMetadata metadata) {
            changes.put("metadata", metadata);
            return this;
        }

        /**
         * Sets the priority.
         *
         * @param priority higher is processed sooner
         * @return this builder
         */
        public Builder priority(int priority) {
            changes.put("priority", priority);
            return this;
        }

        /**
         * Applies the update only if the episode's {@code updated_at} is still this value;
         * otherwise the update throws {@link io.acog.core.ConflictException} and writes nothing.
         *
         * @param updatedAt the {@link Episode#updatedAt()} the change was based on
         * @return this builder
         */
        public Builder unchangedSince(OffsetDateTime updatedAt) {
            this.unchangedSince = updatedAt;
            return this;
        }

        /**
         * Builds the update.
         *
         * @return the update
         */
        public EpisodeUpdate build() {
            return new EpisodeUpdate(changes, unchangedSince);
        }
    }
}
