package io.acog.core.asset;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Assets: the files an episode's stages produce. Among an episode's live assets of one type at
 * most one is primary; making another primary switches atomically.
 *
 * <p>Every method is atomic and thread-safe.
 */
public interface AssetRepository {

    /**
     * Records an asset. For {@code s3://} URIs the bucket and key are derived and stored.
     *
     * @throws io.acog.core.ValidationException for a URI of another scheme or malformed, negative
     *     size or duration, over-long fields, or metadata of the wrong kind for the type
     * @throws io.acog.core.NotFoundException when the episode is absent or soft-deleted
     */
    Asset add(NewAsset asset);

    /** The live asset. @throws io.acog.core.NotFoundException when absent or soft-deleted */
    Asset get(UUID id);

    Optional<Asset> find(UUID id);

    /** The episode's live assets, oldest first. */
    List<Asset> list(UUID episodeId);

    /** The episode's live assets of one type, oldest first. */
    List<Asset> list(UUID episodeId, AssetType type);

    /** The episode's live primary asset of the type, if any. */
    Optional<Asset> primary(UUID episodeId, AssetType type);

    /** Makes the live asset its episode's primary of its type, demoting the previous one. */
    Asset makePrimary(UUID id);

    /** Soft-deletes the asset (a primary one leaves its type without a primary). */
    void softDelete(UUID id);
}
