package io.acog.core.asset;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A file a stage produced for an episode. Nullable components are {@code null} when unset.
 *
 * @param uri where the bytes are: {@code s3://bucket/key}, {@code https://...} or {@code file:...}
 * @param storageBucket the bucket, for {@code s3://} URIs (derived from the URI)
 * @param storageKey the object key, for {@code s3://} URIs (derived from the URI)
 * @param providerJobId the provider's job or task id that produced it
 * @param metadata typed by {@link #type()}: see {@link AssetMetadata}
 * @param primary whether it is the episode's primary asset of its type (at most one among live
 *     assets)
 */
public record Asset(
        UUID id,
        UUID episodeId,
        AssetType type,
        String name,
        String uri,
        String storageBucket,
        String storageKey,
        String provider,
        String providerJobId,
        AssetMetadata metadata,
        String mimeType,
        Long fileSizeBytes,
        Integer durationMs,
        boolean primary,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime deletedAt) {

    public boolean deleted() {
        return deletedAt != null;
    }
}
