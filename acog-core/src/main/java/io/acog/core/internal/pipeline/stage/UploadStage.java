package io.acog.core.internal.pipeline.stage;

import static io.acog.jooq.generated.Tables.EPISODES;

import io.acog.core.asset.AssetType;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.internal.pipeline.state.EpisodeColumns;
import io.acog.spi.Publisher;
import io.acog.spi.Usage;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Upload: the channel's publisher publishes the assembled video with the episode's metadata; its
 * URL and the time become {@code published_url} and {@code published_at}.
 */
final class UploadStage implements Stage {

    private static final int URL_LIMIT = EPISODES.PUBLISHED_URL.getDataType().length();

    private final Providers providers;
    private final Db db;

    UploadStage(Providers providers, Db db) {
        this.providers = providers;
        this.db = db;
    }

    @Override
    public Set<EpisodeField> reads() {
        return EnumSet.of(EpisodeField.METADATA, EpisodeField.ASSETS);
    }

    @Override
    public StageResult run(StageWork work) {
        Publisher publisher =
                providers.publisher(work.channel().platformConfig().platform());
        URI video = work.episode().assets().primary(AssetType.ASSEMBLED_VIDEO);
        Publisher.Publication publication = Answers.required(
                publisher.name(),
                "publication",
                publisher.publish(
                        new Publisher.PublishRequest(
                                work.brief(),
                                video,
                                JsonCodec.object(work.episode().metadata())),
                        work.call()));
        String url = publication.url();
        if (url == null || url.isBlank() || url.length() > URL_LIMIT) {
            throw StageFailedException.retryable(publisher.name() + " returned a published URL that"
                    + " is "
                    + (url == null || url.isBlank()
                            ? "empty"
                            : url.length() + " characters long; published_url holds at most " + URL_LIMIT));
        }
        Usage usage = Usages.of(publication.usage());
        return new StageResult.Output(
                        Usages.details(publisher.name(), null, usage).withJobId(publication.externalId()),
                        Usages.completion(Map.of("url", url), usage))
                .with(EpisodeColumns.published(url, db.now()));
    }
}
