package io.acog.testkit.assertions;

import io.acog.core.asset.Asset;
import io.acog.core.channel.Channel;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeWithAssets;

/**
 * AssertJ entry points for ACOG's domain types, with messages in the domain's words:
 *
 * <pre>{@code
 * import static io.acog.testkit.assertions.AcogAssertions.assertThat;
 *
 * assertThat(acog.episodes().getWithAssets(id)).hasStatus(READY).hasPrimaryAsset(AUDIO);
 * assertThat(episode).hasStageStatus(PipelineStage.AUDIO, StageStatus.COMPLETED);
 * }</pre>
 */
public final class AcogAssertions {

    private AcogAssertions() {}

    /**
     * Starts assertions on an episode.
     *
     * @param actual the episode
     * @return its assertions
     */
    public static EpisodeAssert assertThat(Episode actual) {
        return new EpisodeAssert(actual);
    }

    /**
     * Starts assertions on an episode with its live assets.
     *
     * @param actual the episode and its assets, e.g. from {@code acog.episodes().getWithAssets(id)}
     * @return its assertions
     */
    public static EpisodeWithAssetsAssert assertThat(EpisodeWithAssets actual) {
        return new EpisodeWithAssetsAssert(actual);
    }

    /**
     * Starts assertions on a channel.
     *
     * @param actual the channel
     * @return its assertions
     */
    public static ChannelAssert assertThat(Channel actual) {
        return new ChannelAssert(actual);
    }

    /**
     * Starts assertions on an asset.
     *
     * @param actual the asset
     * @return its assertions
     */
    public static AssetAssert assertThat(Asset actual) {
        return new AssetAssert(actual);
    }
}
