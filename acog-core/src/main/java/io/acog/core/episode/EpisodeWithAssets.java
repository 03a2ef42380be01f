package io.acog.core.episode;

import io.acog.core.asset.Asset;
import java.util.List;

/** An episode with its live assets, read in one query. */
public record EpisodeWithAssets(Episode episode, List<Asset> assets) {

    public EpisodeWithAssets {
        assets = List.copyOf(assets);
    }
}
