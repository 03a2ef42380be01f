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

    public static EpisodeAssert assertThat(Episode actual) {
        return new EpisodeAssert(actual);
    }

    public static EpisodeWithAssetsAssert assertThat(EpisodeWithAssets actual) {
        return new EpisodeWithAssetsAssert(actual);
    }

    public static ChannelAssert assertThat(Channel actual) {
        return new ChannelAssert(actual);
    }

    public static AssetAssert assertThat(Asset actual) {
        return new AssetAssert(actual);
    }
}
