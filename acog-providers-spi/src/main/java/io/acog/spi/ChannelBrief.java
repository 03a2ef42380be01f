package io.acog.spi;

import java.util.Map;

/**
 * The channel a call works for, as its JSON profiles with the keys of the ACOG schema (e.g.
 * {@code persona.expertise_areas}, {@code style_guide.pacing}, {@code voice_profile.voice_id},
 * {@code avatar_profile.avatar_id}). Unknown keys the host keeps are included.
 */
public record ChannelBrief(
        String name,
        String niche,
        Map<String, Object> persona,
        Map<String, Object> styleGuide,
        Map<String, Object> voiceProfile,
        Map<String, Object> avatarProfile,
        Map<String, Object> platformConfig) {

    public ChannelBrief {
        persona = persona == null ? Map.of() : persona;
        styleGuide = styleGuide == null ? Map.of() : styleGuide;
        voiceProfile = voiceProfile == null ? Map.of() : voiceProfile;
        avatarProfile = avatarProfile == null ? Map.of() : avatarProfile;
        platformConfig = platformConfig == null ? Map.of() : platformConfig;
    }
}
