package io.acog.core.episode;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A dashboard row: an episode with the number of its live assets. */
public record EpisodeSummary(
        UUID id,
        String title,
        EpisodeStatus status,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        int assetCount) {}
