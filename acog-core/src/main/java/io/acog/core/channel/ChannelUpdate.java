package io.acog.core.channel;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The changes {@link ChannelRepository#update} makes: only the fields set on the builder are
 * written, the others stay as they are. Setting a nullable field to {@code null} clears it.
 *
 * <pre>{@code
 * channels.update(id, ChannelUpdate.builder()
 *         .persona(channel.persona().withVoice("Calmer, slower"))
 *         .unchangedSince(channel.updatedAt())   // optional: refuse if someone else changed it
 *         .build());
 * }</pre>
 */
public final class ChannelUpdate {

    private final Map<String, Object> changes;
    private final OffsetDateTime unchangedSince;

    private ChannelUpdate(Map<String, Object> changes, OffsetDateTime unchangedSince) {
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
     * Returns the {@code updated_at} the channel must still have for the update to apply.
     *
     * @return the expected {@code updated_at}, or empty to apply whatever changed meanwhile
     */
    public Optional<OffsetDateTime> unchangedSince() {
        return Optional.ofNullable(unchangedSince);
    }

    /** Builds a {@link ChannelUpdate}. */
    public static final class Builder {
        private final Map<String, Object> changes = new LinkedHashMap<>();
        private OffsetDateTime unchangedSince;

        private Builder() {}

        /**
         * Renames the channel.
         *
         * @param name shown to people; required, at most 255 characters
         * @return this builder
         */
        public Builder name(String name) {
            changes.put("name", name);
            return this;
        }

        /**
         * Sets a new slug; the old one is free for other channels afterwards.
         *
         * @param slug lowercase letters and digits joined by single hyphens, at most 100
         *     characters, unique among all channels
         * @return this builder
         */
        public Builder slug(String slug) {
            changes.put("slug", slug);
            return this;
        }

        /**
         * Sets the description; null clears it.
         *
         * @param description the description
         * @return this builder
         */
        public Builder description(String description) {
            changes.put("description", description);
            return this;
        }

        /**
         * Sets the niche; null clears it.
         *
         * @param niche the niche, e.g. {@code "cosmology"}
         * @return this builder
         */
        public Builder niche(String niche) {
            changes.put("niche", niche);
            return this;
        }

        /**
         * Replaces the persona.
         *
         * @param persona the whole persona, not a patch: start from the channel's {@link
         *     Channel#persona()}
         * @return this builder
         */
        public Builder persona(Persona persona) {
            changes.put("persona", persona);
            return this;
        }

        /**
         * Replaces the style guide.
         *
         * @param styleGuide the whole style guide
         * @return this builder
         */
        public Builder styleGuide(StyleGuide styleGuide) {
            changes.put("style_guide", styleGuide);
            return this;
        }

        /**
         * Replaces the avatar profile.
         *
         * @param avatarProfile the whole profile
         * @return this builder
         */
        public Builder avatarProfile(AvatarProfile avatarProfile) {
            changes.put("avatar_profile", avatarProfile);
            return this;
        }

        /**
         * Replaces the voice profile.
         *
         * @param voiceProfile the whole profile
         * @return this builder
         */
        public Builder voiceProfile(VoiceProfile voiceProfile) {
            changes.put("voice_profile", voiceProfile);
            return this;
        }

        /**
         * Sets the target publishing frequency; null clears it.
         *
         * @param cadence e.g. {@code "daily"}
         * @return this builder
         */
        public Builder cadence(String cadence) {
            changes.put("cadence", cadence);
            return this;
        }

        /**
         * Replaces the platform configuration.
         *
         * @param platformConfig the whole configuration
         * @return this builder
         */
        public Builder platformConfig(PlatformConfig platformConfig) {
            changes.put("platform_config", platformConfig);
            return this;
        }

        /**
         * Activates or deactivates the channel.
         *
         * @param active whether the channel is active
         * @return this builder
         */
        public Builder active(boolean active) {
            changes.put("is_active", active);
            return this;
        }

        /**
         * Applies the update only if the channel's {@code updated_at} is still this value (read it
         * from the {@link Channel} you changed); otherwise the update throws {@link
         * io.acog.core.ConflictException} and writes nothing.
         *
         * @param updatedAt the {@link Channel#updatedAt()} the change was based on
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
        public ChannelUpdate build() {
            return new ChannelUpdate(changes, unchangedSince);
        }
    }
}
