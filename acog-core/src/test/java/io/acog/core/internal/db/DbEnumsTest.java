package io.acog.core.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.asset.AssetType;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.IdeaSource;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.JobStatus;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jooq.EnumType;
import org.junit.jupiter.api.Test;

/**
 * ACOG's enums and the database's (as jOOQ generated them from the schema) have the same labels,
 * both ways: a label added to either side alone fails here, before any query meets it.
 */
class DbEnumsTest {

    @Test
    void episodeStatusesMatchTheDatabaseEnum() {
        same(
                EpisodeStatus.values(),
                io.acog.jooq.generated.enums.EpisodeStatus.values(),
                EpisodeStatus::label,
                DbEnums::db,
                DbEnums::episodeStatus);
    }

    @Test
    void ideaSourcesMatchTheDatabaseEnum() {
        same(
                IdeaSource.values(),
                io.acog.jooq.generated.enums.IdeaSource.values(),
                IdeaSource::label,
                DbEnums::db,
                DbEnums::ideaSource);
    }

    @Test
    void jobStatusesMatchTheDatabaseEnum() {
        same(
                JobStatus.values(),
                io.acog.jooq.generated.enums.JobStatus.values(),
                JobStatus::label,
                DbEnums::db,
                DbEnums::jobStatus);
    }

    @Test
    void assetTypesMatchTheDatabaseEnum() {
        same(
                AssetType.values(),
                io.acog.jooq.generated.enums.AssetType.values(),
                AssetType::label,
                DbEnums::db,
                DbEnums::assetType);
    }

    @Test
    void pipelineStagesMatchTheDatabaseEnumAndReadFromJobStages() {
        same(
                PipelineStage.values(),
                io.acog.jooq.generated.enums.PipelineStage.values(),
                PipelineStage::label,
                DbEnums::db,
                generated -> PipelineStage.valueOf(generated.name()));
        for (PipelineStage stage : PipelineStage.values()) {
            assertThat(DbEnums.stage(stage.label())).isEqualTo(stage);
        }
    }

    private static <A extends Enum<A>, G extends Enum<G> & EnumType> void same(
            A[] ours, G[] generated, Function<A, String> label, Function<A, G> toDb, Function<G, A> fromDb) {
        List<String> ourLabels = Arrays.stream(ours).map(label).toList();
        List<String> dbLabels =
                Arrays.stream(generated).map(EnumType::getLiteral).toList();
        assertThat(ourLabels).containsExactlyElementsOf(dbLabels);
        for (A value : ours) {
            G mapped = toDb.apply(value);
            assertThat(mapped.getLiteral()).isEqualTo(label.apply(value));
            assertThat(fromDb.apply(mapped)).isEqualTo(value);
        }
    }
}
