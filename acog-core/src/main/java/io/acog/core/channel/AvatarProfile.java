package io.acog.core.channel;

import io.acog.core.internal.json.Copies;
import java.util.Map;

/**
 * Who appears on screen ({@code channels.avatar_profile}): the avatar provider (HeyGen, Synthesia,
 * ...) and how the avatar is framed and dressed. Unknown keys are kept in {@link #extra()}. Every
 * component but {@code extra} is nullable.
 *
 * @param provider the avatar provider's name, e.g. {@code "heygen"}; chooses among the pipeline's
 *     avatar renderers
 * @param avatarId the provider's id of the avatar
 * @param avatarName a readable name of the avatar
 * @param framing e.g. {@code "medium_shot"}
 * @param background e.g. {@code "modern_office"}
 * @param clothingStyle e.g. {@code "business_casual"}
 * @param gesturesEnabled whether the avatar gestures
 * @param extra keys beyond these, kept as they are
 */
public record AvatarProfile(
        String provider,
        String avatarId,
        String avatarName,
        String framing,
        String background,
        String clothingStyle,
        Boolean gesturesEnabled,
        Map<String, Object> extra) {

    /**
     * Creates a profile, copying {@code extra} (null becomes empty).
     *
     * @param provider the avatar provider's name, e.g. {@code "heygen"}; chooses among the
     *     pipeline's avatar renderers
     * @param avatarId the provider's id of the avatar
     * @param avatarName a readable name of the avatar
     * @param framing e.g. {@code "medium_shot"}
     * @param background e.g. {@code "modern_office"}
     * @param clothingStyle e.g. {@code "business_casual"}
     * @param gesturesEnabled whether the avatar gestures
     * @param extra keys beyond these, kept as they are
     */
    public AvatarProfile {
        extra = Copies.map(extra);
    }

    /**
     * Returns a profile naming the provider and its avatar; the rest unset.
     *
     * @param provider the avatar provider's name, e.g. {@code "heygen"}
     * @param avatarId the provider's id of the avatar
     * @return the profile
     */
    public static AvatarProfile of(String provider, String avatarId) {
        return new AvatarProfile(provider, avatarId, null, null, null, null, null, null);
    }

    /**
     * Returns a copy with another framing.
     *
     * @param framing e.g. {@code "medium_shot"}
     * @return the changed copy
     */
    public AvatarProfile withFraming(String framing) {
        return new AvatarProfile(
                provider, avatarId, avatarName, framing, background, clothingStyle, gesturesEnabled, extra);
    }

    /**
     * Returns a copy with another background.
     *
     * @param background e.g. {@code "modern_office"}
     * @return the changed copy
     */
    public AvatarProfile withBackground(String background) {
        return new AvatarProfile(
                provider, avatarId, avatarName, framing, background, clothingStyle, gesturesEnabled, extra);
    }

    /**
     * Returns a copy with the host application's own key, kept beside the seed's.
     *
     * @param key the JSON key
     * @param value a JSON-compatible value: string, number, boolean, list, map or null
     * @return the changed copy
     */
    public AvatarProfile withExtra(String key, Object value) {
        return new AvatarProfile(
                provider,
                avatarId,
                avatarName,
                framing,
                background,
                clothingStyle,
                gesturesEnabled,
                Extra.with(extra, key, value));
    }
}
