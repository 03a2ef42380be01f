package io.acog.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.Acog;
import io.acog.core.asset.AssetType;
import io.acog.core.asset.VideoMetadata;
import io.acog.core.episode.Episode;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.pipeline.stage.EpisodeField;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * The stage runs' episode loads against a real PostgreSQL: one statement for a batch, each run
 * seeing only the parts its stage names, the assets in the order a stage hands them on.
 */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class StageEpisodesTest {

    @Test
    void aBatchGivesEachRunItsEpisodeWithThePartsItsStageNamesAndNothingElse(Acog acog, DSLContext dsl) {
        AcogFixtures fixtures = new AcogFixtures(acog);
        Episode scripted = fixtures.episode().withScript().create();
        Episode other = fixtures.episode().create();
        StageEpisodes episodes = new StageEpisodes(new Db(dsl, Clock.systemUTC()));

        List<StageEpisodes.Loaded> loaded = episodes.loadAll(List.of(
                new StageEpisodes.Wanted(scripted.id(), EnumSet.of(EpisodeField.SCRIPT)),
                new StageEpisodes.Wanted(other.id(), EnumSet.of(EpisodeField.IDEA)),
                new StageEpisodes.Wanted(scripted.id(), Set.of()),
                new StageEpisodes.Wanted(UUID.randomUUID(), EnumSet.of(EpisodeField.SCRIPT))));

        assertThat(loaded).hasSize(4);
        assertThat(loaded.get(0).episode().id()).isEqualTo(scripted.id());
        assertThat(loaded.get(0).episode().script()).isEqualTo(scripted.script());
        assertThat(loaded.get(0).episode().status()).isEqualTo(scripted.status());
        assertThat(loaded.get(1).episode().idea()).isEqualTo(other.idea());
        assertThatThrownBy(() -> loaded.get(1).episode().script())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SCRIPT was not loaded");
        // the same episode in another run of the batch: read once, its script not shown to a stage
        // that did not name it
        assertThatThrownBy(() -> loaded.get(2).episode().script()).isInstanceOf(IllegalStateException.class);
        assertThat(loaded.get(3)).as("a gone episode").isNull();
    }

    @Test
    void theAssetsComeAsPrimariesAndClipsInScriptOrderWhateverOrderTheyWereStored(Acog acog, DSLContext dsl) {
        AcogFixtures fixtures = new AcogFixtures(acog);
        Episode episode = fixtures.episode().withScript().create();
        for (int clip : new int[] {2, 0, 1}) {
            fixtures.asset(episode)
                    .type(AssetType.B_ROLL)
                    .uri("file:/clips/" + clip + ".mp4")
                    .metadata(new VideoMetadata(null, null, null, null, null, null, null, Map.of("clip_index", clip)))
                    .create();
        }
        fixtures.asset(episode).type(AssetType.AUDIO).uri("file:/old.wav").create();
        fixtures.asset(episode)
                .type(AssetType.AUDIO)
                .uri("file:/voice.wav")
                .primary(true)
                .create();
        StageEpisodes episodes = new StageEpisodes(new Db(dsl, Clock.systemUTC()));

        String assets = episodes.load(episode.id(), EnumSet.of(EpisodeField.ASSETS))
                .episode()
                .raw(EpisodeField.ASSETS);

        assertThat(assets)
                .isEqualToIgnoringWhitespace("[[\"b_roll\", \"file:/clips/0.mp4\", false, \"fixture\", null, 0],"
                        + " [\"b_roll\", \"file:/clips/1.mp4\", false, \"fixture\", null, 1],"
                        + " [\"b_roll\", \"file:/clips/2.mp4\", false, \"fixture\", null, 2],"
                        + " [\"audio\", \"file:/voice.wav\", true, \"fixture\", null, null]]");
    }
}
