package io.acog.testkit.assertions;

import io.acog.core.asset.Asset;
import io.acog.core.asset.AssetType;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.EpisodeWithAssets;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions on an episode with its live assets. */
public final class EpisodeWithAssetsAssert extends AbstractAssert<EpisodeWithAssetsAssert, EpisodeWithAssets> {

    EpisodeWithAssetsAssert(EpisodeWithAssets actual) {
        super(actual, EpisodeWithAssetsAssert.class);
    }

    /**
     * Asserts that the episode is in this status.
     *
     * @param expected the status
     * @return this assertion
     */
    public EpisodeWithAssetsAssert hasStatus(EpisodeStatus expected) {
        isNotNull();
        new EpisodeAssert(actual.episode()).hasStatus(expected);
        return this;
    }

    /**
     * Asserts that the episode has exactly one live primary asset of the type.
     *
     * @param type the asset type
     * @return this assertion
     */
    public EpisodeWithAssetsAssert hasPrimaryAsset(AssetType type) {
        isNotNull();
        List<Asset> primaries = primaries(type);
        if (primaries.size() != 1) {
            failWithMessage(
                    "Expected episode %s to have one primary %s asset but it has %s" + " (of %s live %s assets)",
                    actual.episode().id(),
                    type.label(),
                    primaries.size(),
                    ofType(type).size(),
                    type.label());
        }
        return this;
    }

    /**
     * Asserts that the episode has no live primary asset of the type.
     *
     * @param type the asset type
     * @return this assertion
     */
    public EpisodeWithAssetsAssert hasNoPrimaryAsset(AssetType type) {
        isNotNull();
        if (!primaries(type).isEmpty()) {
            failWithMessage(
                    "Expected episode %s to have no primary %s asset but it has %s",
                    actual.episode().id(), type.label(), primaries(type).get(0).uri());
        }
        return this;
    }

    /**
     * Asserts that the episode has this many live assets of the type.
     *
     * @param type the asset type
     * @param expected how many
     * @return this assertion
     */
    public EpisodeWithAssetsAssert hasAssets(AssetType type, int expected) {
        isNotNull();
        int count = ofType(type).size();
        if (count != expected) {
            failWithMessage(
                    "Expected episode %s to have %s live %s assets but it has %s",
                    actual.episode().id(), expected, type.label(), count);
        }
        return this;
    }

    private List<Asset> ofType(AssetType type) {
        return actual.assets().stream().filter(asset -> asset.type() == type).toList();
    }

    private List<Asset> primaries(AssetType type) {
        return ofType(type).stream().filter(Asset::primary).toList();
    }
}
