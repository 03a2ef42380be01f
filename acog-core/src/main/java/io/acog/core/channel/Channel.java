package io.acog.core.channel;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A channel as stored: a brand with its persona, style guide, avatar and voice profiles and its
 * publishing settings. Nullable components are {@code null} when unset; the JSON ones never are.
 *
 * @param id the channel's id
 * @param name shown to people
 * @param slug unique among all channels, soft-deleted ones included
 * @param description nullable
 * @param niche the content niche, e.g. {@code "cosmology"}; nullable
 * @param persona who speaks on screen
 * @param styleGuide how the videos are written and paced
 * @param avatarProfile who appears on screen, and with which provider
 * @param voiceProfile the voice, and its provider
 * @param cadence the target publishing frequency, e.g. {@code "daily"}; nullable
 * @param platformConfig where and how it publishes, and how its episodes go through the pipeline
 * @param active whether the channel is active (inactive ones drop out of {@link
 *     ChannelRepository#listByNiche})
 * @param createdAt when it was created
 * @param updatedAt when it last changed (the database's time); pass it to {@link
 *     ChannelUpdate.Builder#unchangedSince}
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

    /**
     * Tells whether the channel is soft-deleted.
     *
     * @return whether {@link #deletedAt()} is set
     */
    public boolean deleted() {
        return deletedAt != null;
    }
}
