package io.acog.core.channel;

import java.util.Objects;

/**
 * What {@link ChannelRepository#create(NewChannel)} needs: a name and a slug; the rest is optional.
 * JSON parts left unset are stored as {@code {}}.
 */
public record NewChannel(
        String name,
        String slug,
        String description,
        String niche,
        Persona persona,
        StyleGuide styleGuide,
        AvatarProfile avatarProfile,
        VoiceProfile voiceProfile,
        String cadence,
        PlatformConfig platformConfig,
        boolean active) {

    public NewChannel {
        persona = Objects.requireNonNullElse(persona, Persona.empty());
        styleGuide = Objects.requireNonNullElse(styleGuide, StyleGuide.empty());
        avatarProfile = Objects.requireNonNullElse(
                avatarProfile, new AvatarProfile(null, null, null, null, null, null, null, null));
        voiceProfile = Objects.requireNonNullElse(voiceProfile, new VoiceProfile(null, null, null, null, null, null));
        platformConfig = Objects.requireNonNullElse(platformConfig, PlatformConfig.empty());
    }

    /**
     * @param name shown to people, at most 255 characters
     * @param slug URL-safe and unique among all channels: lowercase letters and digits joined by
     *     single hyphens, at most 100 characters
     */
    public static Builder builder(String name, String slug) {
        return new Builder(name, slug);
    }

    /** Builds a {@link NewChannel}; the channel is active unless told otherwise. */
    public static final class Builder {
        private final String name;
        private final String slug;
        private String description;
        private String niche;
        private Persona persona;
        private StyleGuide styleGuide;
        private AvatarProfile avatarProfile;
        private VoiceProfile voiceProfile;
        private String cadence;
        private PlatformConfig platformConfig;
        private boolean active = true;

        private Builder(String name, String slug) {
            this.name = name;
            this.slug = slug;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** The content niche, e.g. {@code "cosmology"}; pulse events tagged with it match. */
        public Builder niche(String niche) {
            this.niche = niche;
            return this;
        }

        public Builder persona(Persona persona) {
            this.persona = persona;
            return this;
        }

        public Builder styleGuide(StyleGuide styleGuide) {
            this.styleGuide = styleGuide;
            return this;
        }

        public Builder avatarProfile(AvatarProfile avatarProfile) {
            this.avatarProfile = avatarProfile;
            return this;
        }

        public Builder voiceProfile(VoiceProfile voiceProfile) {
            this.voiceProfile = voiceProfile;
            return this;
        }

        /** Target publishing frequency, e.g. {@code "daily"}, {@code "3_per_week"}. */
        public Builder cadence(String cadence) {
            this.cadence = cadence;
            return this;
        }

        public Builder platformConfig(PlatformConfig platformConfig) {
            this.platformConfig = platformConfig;
            return this;
        }

        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        public NewChannel build() {
            return new NewChannel(
                    name,
                    slug,
                    description,
                    niche,
                    persona,
                    styleGuide,
                    avatarProfile,
                    voiceProfile,
                    cadence,
                    platformConfig,
                    active);
        }
    }
}
