package io.acog.core.channel;

import io.acog.core.internal.json.Copies;
import java.util.Map;

/**
 * Who appears on screen ({@code channels.avatar_profile}): the avatar provider (HeyGen,
 * Synthesia, ...) and how the avatar is framed and dressed. Unknown keys are kept in
 * {@link #extra()}.
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

    public AvatarProfile {
        extra = Copies.map(extra);
    }

    /** A profile naming the provider and its avatar; the rest unset. */
    public static AvatarProfile of(String provider, String avatarId) {
        return new AvatarProfile(provider, avatarId, null, null, null, null, null, null);
    }

    public AvatarProfile withFraming(String framing) {
        return new AvatarProfile(
                provider, avatarId, avatarName, framing, background, clothingStyle, gesturesEnabled, extra);
    }

    public AvatarProfile withBackground(String background) {
        return new AvatarProfile(
                provider, avatarId, avatarName, framing, background, clothingStyle, gesturesEnabled, extra);
    }

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
