package io.acog.core.internal.pipeline.stage;

import static io.acog.jooq.generated.Tables.EPISODES;

import io.acog.core.episode.EpisodeMetadata;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.internal.pipeline.state.EpisodeColumns;
import io.acog.spi.ContentWriter;
import io.acog.spi.Provider;
import java.util.EnumSet;
import java.util.Set;

/**
 * Metadata: the writer's title, description and tags, fitting {@link EpisodeMetadata}; a usable
 * {@code final_title} becomes the episode's title.
 */
final class MetadataStage implements Stage {

    private static final int TITLE_LIMIT = EPISODES.TITLE.getDataType().length();

    private final Providers providers;

    MetadataStage(Providers providers) {
        this.providers = providers;
    }

    @Override
    public Set<EpisodeField> reads() {
        return EnumSet.of(EpisodeField.IDEA, EpisodeField.PLAN, EpisodeField.SCRIPT);
    }

    @Override
    public Provider provider(StageWork work) {
        return providers.writer();
    }

    @Override
    public StageResult run(StageWork work) {
        ContentWriter writer = providers.writer();
        StageEpisode episode = work.episode();
        ContentWriter.Metadata metadata = Answers.required(
                writer.name(),
                "metadata",
                writer.metadata(
                        new ContentWriter.MetadataRequest(
                                work.brief(),
                                JsonCodec.object(episode.idea()),
                                JsonCodec.object(episode.plan()),
                                episode.script()),
                        work.call()));
        String json = Answers.fitting(writer.name(), "metadata", metadata.metadata(), EpisodeMetadata.class);
        Object title = metadata.metadata().get("final_title");
        String finalTitle =
                title instanceof String text && !text.isBlank() && text.length() <= TITLE_LIMIT ? text : null;
        return Usages.written(writer.name(), metadata.model(), metadata.usage())
                .with(EpisodeColumns.metadata(json, finalTitle));
    }
}
