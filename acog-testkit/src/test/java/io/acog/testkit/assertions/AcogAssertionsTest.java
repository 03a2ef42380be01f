package io.acog.testkit.assertions;

import static io.acog.testkit.assertions.AcogAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.Acog;
import io.acog.core.asset.AssetType;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageStatus;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import org.junit.jupiter.api.Test;

@AcogPostgres
class AcogAssertionsTest {

    @Test
    void passOnTheTruthAndFailInTheDomainsWords(Acog acog, AcogFixtures fixtures) {
        Episode episode = fixtures.episode().status(EpisodeStatus.READY).create();
        fixtures.asset(episode).primary(true).create();

        assertThat(acog.episodes().getWithAssets(episode.id()))
                .hasStatus(EpisodeStatus.READY)
                .hasPrimaryAsset(AssetType.AUDIO)
                .hasNoPrimaryAsset(AssetType.THUMBNAIL);

        assertThatThrownBy(() -> assertThat(episode).hasStatus(EpisodeStatus.PUBLISHED))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected episode " + episode.id() + " to be published but it is ready");
        assertThatThrownBy(() ->
                        assertThat(acog.episodes().getWithAssets(episode.id())).hasPrimaryAsset(AssetType.THUMBNAIL))
                .hasMessage("Expected episode " + episode.id() + " to have one primary thumbnail"
                        + " asset but it has 0 (of 0 live thumbnail assets)");
        assertThatThrownBy(() -> assertThat(episode).hasStageStatus(PipelineStage.AUDIO, StageStatus.COMPLETED))
                .hasMessage("Expected stage audio of episode " + episode.id() + " to be completed but it is pending");
        assertThatThrownBy(() ->
                        assertThat(acog.channels().get(episode.channelId())).isSoftDeleted())
                .hasMessageContaining("to be soft-deleted but it is live");
    }
}
