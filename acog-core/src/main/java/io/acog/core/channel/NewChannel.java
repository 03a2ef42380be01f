package io.acog.core.channel;

import java.util.Objects;

/**
 * What {@link ChannelRepository#create(NewChannel)} needs: a name and a slug; the rest is optional.
 * JSON parts left unset are stored as {@code {}}. Build one with {@link #builder}.
 *
 * @param name shown to people; required
 * @param slug URL-safe and unique among all channels; required
 * @param description nullable
 * @param niche the content niche; nullable
 * @param persona who speaks on screen; null for an empty one
 * @param styleGuide how the videos are written; null for an empty one
 * @param avatarProfile who appears on screen; null for an empty one
 * @param voiceProfile the voice; null for an empty one
 * @param cadence the target publishing frequency; nullable
 * @param platformConfig where and how it publishes; null for an empty one
 * @param active whether the channel is active
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

    /**
     * Creates the description of a channel, replacing null JSON parts by empty ones.
     *
     * @param name shown to people; required
     * @param slug URL-safe and unique among all channels; required
     * @param description nullable
     * @param niche the content niche; nullable
     * @param persona who speaks on screen; null for an empty one
     * @param styleGuide how the videos are written; null for an empty one
     * @param avatarProfile who appears on screen; null for an empty one
     * @param voiceProfile the voice; null for an empty one
     * @param cadence the target publishing frequency; nullable
     * @param platformConfig where and how it publishes; null for an empty one
     * @param active whether the channel is active
     */
    public NewChannel {
        persona = Objects.requireNonNullElse(persona, Persona.empty());
        styleGuide = Objects.requireNonNullElse(styleGuide, StyleGuide.empty());
        avatarProfile = Objects.requireNonNullElse(
                avatarProfile, new AvatarProfile(null, null, null, null, null, null, null, null));
        voiceProfile = Objects.requireNonNullElse(voiceProfile, new VoiceProfile(null, null, null, null, null, null));
        platformConfig = Objects.requireNonNullElse(platformConfig, PlatformConfig.empty());
    }

    /**
     * Starts building a channel; it is active unless told otherwise. Nothing is checked until
     * {@link ChannelRepository#create(NewChannel)}.
     *
     * @param name shown to people, at most 255 characters
     * @param slug URL-safe and unique among all channels: lowercase letters and digits joined by
     *     single hyphens, at most 100 characters
     * @return a new builder
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

        /**
         * Sets the description.
         *
         * @param description the description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets the content niche, e.g. {@code "cosmology"}; pulse events tagged with it match.
         *
         * @param niche the niche
         * @return this builder
         */
        public Builder niche(String niche) {
            this.niche = niche;
            return this;
        }

        /**
         * Sets who speaks on screen.
         *
         * @param persona the persona
         * @return this builder
         */
        public Builder persona(Persona persona) {
            this.persona = persona;
            return this;
        }

        /**
         * Sets how the videos are written and paced.
         *
         * @param styleGuide the style guide
         * @return this builder
         */
        public Builder styleGuide(StyleGuide styleGuide) {
            this.styleGuide = styleGuide;
            return this;
        }

        /**
         * Sets who appears on screen; its provider chooses the avatar renderer.
         *
         * @param avatarProfile the avatar profile
         * @return this builder
         */
        public Builder avatarProfile(AvatarProfile avatarProfile) {
            this.avatarProfile = avatarProfile;
            return this;
        }

        /**
         * Sets the voice; its provider chooses the voice synthesizer.
         *
         * @param voiceProfile the voice profile
         * @return this builder
         */
        public Builder voiceProfile(VoiceProfile voiceProfile) {
            this.voiceProfile = voiceProfile;
            return this;
        }

        /**
         * Sets the target publishing frequency, e.g. {@code "daily"}, {@code "3_per_week"}.
         *
         * @param cadence the cadence
         * @return this builder
         */
        public Builder cadence(String cadence) {
            this.cadence = cadence;
            return this;
        }

        /**
         * Sets where and how the channel publishes, and how its episodes go through the pipeline.
         *
         * @param platformConfig the platform configuration
         * @return this builder
         */
        public Builder platformConfig(PlatformConfig platformConfig) {
            this.platformConfig = platformConfig;
            return this;
        }

        /**
         * Sets whether the channel is active.
         *
         * @param active true by default
         * @return this builder
         */
        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        /**
         * Builds the description of the channel.
         *
         * @return the new channel, to pass to {@link ChannelRepository#create(NewChannel)}
         */
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
