package io.acog.core.internal.db;

import io.acog.core.asset.AssetType;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.IdeaSource;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.JobStatus;

/**
 * The one mapping between ACOG's enums and the enums jOOQ generated from the database's types.
 * They have the same constants (a test compares the labels both ways, so a label added on either
 * side fails the build), so the mapping goes by name. {@code jobs.stage} is text, not an enum:
 * stages map to and from their labels.
 */
public final class DbEnums {

    private DbEnums() {}

    public static io.acog.jooq.generated.enums.EpisodeStatus db(EpisodeStatus status) {
        return status == null ? null : io.acog.jooq.generated.enums.EpisodeStatus.valueOf(status.name());
    }

    public static EpisodeStatus episodeStatus(io.acog.jooq.generated.enums.EpisodeStatus status) {
        return status == null ? null : EpisodeStatus.valueOf(status.name());
    }

    public static io.acog.jooq.generated.enums.IdeaSource db(IdeaSource source) {
        return source == null ? null : io.acog.jooq.generated.enums.IdeaSource.valueOf(source.name());
    }

    public static IdeaSource ideaSource(io.acog.jooq.generated.enums.IdeaSource source) {
        return source == null ? null : IdeaSource.valueOf(source.name());
    }

    public static io.acog.jooq.generated.enums.JobStatus db(JobStatus status) {
        return status == null ? null : io.acog.jooq.generated.enums.JobStatus.valueOf(status.name());
    }

    public static JobStatus jobStatus(io.acog.jooq.generated.enums.JobStatus status) {
        return status == null ? null : JobStatus.valueOf(status.name());
    }

    public static io.acog.jooq.generated.enums.AssetType db(AssetType type) {
        return type == null ? null : io.acog.jooq.generated.enums.AssetType.valueOf(type.name());
    }

    public static AssetType assetType(io.acog.jooq.generated.enums.AssetType type) {
        return type == null ? null : AssetType.valueOf(type.name());
    }

    /** The stage a {@code jobs.stage} label names. */
    public static PipelineStage stage(String label) {
        return label == null ? null : PipelineStage.fromLabel(label);
    }

    /** The database's {@code pipeline_stage} for a stage, where a column has that type. */
    public static io.acog.jooq.generated.enums.PipelineStage db(PipelineStage stage) {
        return stage == null ? null : io.acog.jooq.generated.enums.PipelineStage.valueOf(stage.name());
    }
}
