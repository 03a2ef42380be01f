package io.acog.core.episode;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A dashboard row: an episode with the number of its live assets.
 *
 * @param id the episode's id
 * @param title its working title; nullable
 * @param status where it stands
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param assetCount how many live assets it has
 */
public record EpisodeSummary(
        UUID id,
        String title,
        EpisodeStatus status,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        int assetCount) {}
