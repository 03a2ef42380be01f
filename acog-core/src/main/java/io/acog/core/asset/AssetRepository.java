package io.acog.core.asset;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Assets: the files an episode's stages produce. Among an episode's live assets of one type at most
 * one is primary; making another primary switches atomically.
 *
 * <p>Every method is atomic and thread-safe. A null id is refused with a {@link
 * io.acog.core.ValidationException}.
 */
public interface AssetRepository {

    /**
     * Records an asset. For {@code s3://} URIs the bucket and key are derived and stored. A primary
     * asset demotes the type's previous primary in the same transaction.
     *
     * @param asset what to record
     * @return the stored asset, with its id and timestamps
     * @throws io.acog.core.ValidationException for a URI of another scheme or malformed, negative
     *     size or duration, over-long fields, or metadata of the wrong kind for the type
     * @throws io.acog.core.NotFoundException when the episode is absent or soft-deleted
     */
    Asset add(NewAsset asset);

    /**
     * Returns the live asset.
     *
     * @param id the asset's id
     * @return the asset
     * @throws io.acog.core.NotFoundException when absent or soft-deleted
     */
    Asset get(UUID id);

    /**
     * Finds the live asset.
     *
     * @param id the asset's id
     * @return the asset, or empty when absent or soft-deleted
     */
    Optional<Asset> find(UUID id);

    /**
     * Lists the episode's live assets, oldest first.
     *
     * @param episodeId the episode
     * @return the assets; empty for an episode without any (or an unknown one)
     */
    List<Asset> list(UUID episodeId);

    /**
     * Lists the episode's live assets of one type, oldest first.
     *
     * @param episodeId the episode
     * @param type the asset type
     * @return the assets
     */
    List<Asset> list(UUID episodeId, AssetType type);

    /**
     * Finds the episode's live primary asset of the type.
     *
     * @param episodeId the episode
     * @param type the asset type
     * @return the primary asset, or empty when the type has none
     */
    Optional<Asset> primary(UUID episodeId, AssetType type);

    /**
     * Makes the live asset its episode's primary of its type, demoting the previous one.
     *
     * @param id the asset's id
     * @return the asset, now primary
     * @throws io.acog.core.NotFoundException when absent or soft-deleted
     */
    Asset makePrimary(UUID id);

    /**
     * Soft-deletes the asset (a primary one leaves its type without a primary). Its row stays until
     * {@link io.acog.core.maintenance.Maintenance} purges it.
     *
     * @param id the asset's id
     * @throws io.acog.core.NotFoundException when absent or already soft-deleted
     */
    void softDelete(UUID id);
}
