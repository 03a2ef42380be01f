package io.acog.spi;

import java.util.Map;

/**
 * The channel a call works for, as its JSON profiles with the keys of the ACOG schema (e.g. {@code
 * persona.expertise_areas}, {@code style_guide.pacing}, {@code voice_profile.voice_id}, {@code
 * avatar_profile.avatar_id}). Unknown keys the host keeps are included. The maps are unmodifiable
 * copies, so a provider may keep them.
 *
 * @param name the channel's name
 * @param niche the channel's niche, e.g. {@code "personal finance"}
 * @param persona the {@code persona} profile
 * @param styleGuide the {@code style_guide} profile
 * @param voiceProfile the {@code voice_profile} profile
 * @param avatarProfile the {@code avatar_profile} profile
 * @param platformConfig the {@code platform_config} profile
 */
public record ChannelBrief(
        String name,
        String niche,
        Map<String, Object> persona,
        Map<String, Object> styleGuide,
        Map<String, Object> voiceProfile,
        Map<String, Object> avatarProfile,
        Map<String, Object> platformConfig) {

    /**
     * Makes unmodifiable deep copies of the profiles; a null profile becomes an empty map.
     *
     * @param name the channel's name
     * @param niche the channel's niche, e.g. {@code "personal finance"}
     * @param persona the {@code persona} profile
     * @param styleGuide the {@code style_guide} profile
     * @param voiceProfile the {@code voice_profile} profile
     * @param avatarProfile the {@code avatar_profile} profile
     * @param platformConfig the {@code platform_config} profile
     */
    public ChannelBrief {
        persona = Copies.map(persona);
        styleGuide = Copies.map(styleGuide);
        voiceProfile = Copies.map(voiceProfile);
        avatarProfile = Copies.map(avatarProfile);
        platformConfig = Copies.map(platformConfig);
    }
}
