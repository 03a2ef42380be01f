package io.acog.core.asset;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A file a stage produced for an episode. Nullable components are {@code null} when unset.
 *
 * @param id the asset's id
 * @param episodeId the episode it belongs to
 * @param type what kind of file it is
 * @param name a label, e.g. {@code "voice"} or {@code "clip 2"}; nullable
 * @param uri where the bytes are: {@code s3://bucket/key}, {@code https://...} or {@code file:...}
 * @param storageBucket the bucket, for {@code s3://} URIs (derived from the URI)
 * @param storageKey the object key, for {@code s3://} URIs (derived from the URI)
 * @param provider the provider that made it, e.g. {@code "elevenlabs"}; nullable
 * @param providerJobId the provider's job or task id that produced it
 * @param metadata typed by {@link #type()}: see {@link AssetMetadata}
 * @param mimeType e.g. {@code "audio/mpeg"}; nullable
 * @param fileSizeBytes the size in bytes; nullable
 * @param durationMs how long it plays, in milliseconds; nullable
 * @param primary whether it is the episode's primary asset of its type (at most one among live
 *     assets)
 * @param createdAt when it was recorded
 * @param updatedAt when it last changed (the database's time)
 * @param deletedAt when it was soft-deleted; null while live
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

    /**
     * Tells whether the asset is soft-deleted.
     *
     * @return whether {@link #deletedAt()} is set
     */
    public boolean deleted() {
        return deletedAt != null;
    }
}
