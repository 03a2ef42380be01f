package io.acog.core.episode;

import io.acog.core.asset.Asset;
import java.util.List;

/**
 * An episode with its live assets, read in one query.
 *
 * @param episode the episode
 * @param assets its live assets, oldest first
 */
public record EpisodeWithAssets(Episode episode, List<Asset> assets) {

    /**
     * Creates the pair, copying {@code assets}.
     *
     * @param episode the episode
     * @param assets its live assets, oldest first
     */
    public EpisodeWithAssets {
        assets = List.copyOf(assets);
    }
}
