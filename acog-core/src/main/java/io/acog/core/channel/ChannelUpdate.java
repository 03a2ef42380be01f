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

    public static Builder builder() {
        return new Builder();
    }

    /** The changed fields by column name, in the order they were set; values may be null. */
    public Map<String, Object> changes() {
        return changes;
    }

    /** The {@code updated_at} the channel must still have for the update to apply. */
    public Optional<OffsetDateTime> unchangedSince() {
        return Optional.ofNullable(unchangedSince);
    }

    /** Builds a {@link ChannelUpdate}. */
    public static final class Builder {
        private final Map<String, Object> changes = new LinkedHashMap<>();
        private OffsetDateTime unchangedSince;

        private Builder() {}

        public Builder name(String name) {
            changes.put("name", name);
            return this;
        }

        /** A new slug; the old one is free for other channels afterwards. */
        public Builder slug(String slug) {
            changes.put("slug", slug);
            return this;
        }

        public Builder description(String description) {
            changes.put("description", description);
            return this;
        }

        public Builder niche(String niche) {
            changes.put("niche", niche);
            return this;
        }

        public Builder persona(Persona persona) {
            changes.put("persona", persona);
            return this;
        }

        public Builder styleGuide(StyleGuide styleGuide) {
            changes.put("style_guide", styleGuide);
            return this;
        }

        public Builder avatarProfile(AvatarProfile avatarProfile) {
            changes.put("avatar_profile", avatarProfile);
            return this;
        }

        public Builder voiceProfile(VoiceProfile voiceProfile) {
            changes.put("voice_profile", voiceProfile);
            return this;
        }

        public Builder cadence(String cadence) {
            changes.put("cadence", cadence);
            return this;
        }

        public Builder platformConfig(PlatformConfig platformConfig) {
            changes.put("platform_config", platformConfig);
            return this;
        }

        public Builder active(boolean active) {
            changes.put("is_active", active);
            return this;
        }

        /**
         * Applies the update only if the channel's {@code updated_at} is still this value (read it
         * from the {@link Channel} you changed); otherwise the update throws
         * {@link io.acog.core.ConflictException} and writes nothing.
         */
        public Builder unchangedSince(OffsetDateTime updatedAt) {
            this.unchangedSince = updatedAt;
            return this;
        }

        public ChannelUpdate build() {
            return new ChannelUpdate(changes, unchangedSince);
        }
    }
}
