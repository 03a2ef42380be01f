package io.acog.core.channel;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A channel as stored: a brand with its persona, style guide, avatar and voice profiles and its
 * publishing settings. Nullable components are {@code null} when unset; the JSON ones never are.
 *
 * @param slug unique among all channels, soft-deleted ones included
 * @param deletedAt when it was soft-deleted; {@code null} while live
 */
public record Channel(
        UUID id,
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
        boolean active,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime deletedAt) {

    /** Whether the channel is soft-deleted. */
    public boolean deleted() {
        return deletedAt != null;
    }
}
