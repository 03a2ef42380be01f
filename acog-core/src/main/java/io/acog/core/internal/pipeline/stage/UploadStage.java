package io.acog.core.internal.pipeline.stage;

import static io.acog.jooq.generated.Tables.EPISODES;

import io.acog.core.asset.AssetType;
import io.acog.core.channel.PlatformConfig;
import io.acog.core.episode.EpisodeMetadata;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.internal.pipeline.state.EpisodeColumns;
import io.acog.spi.Provider;
import io.acog.spi.Publisher;
import io.acog.spi.Usage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
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

    /** {@code platform_config.made_for_kids}: whether the channel's videos are made for children. */
    static final String MADE_FOR_KIDS = "made_for_kids";

    /** {@code platform_config.category_id}: the platform's category of the channel's videos. */
    static final String CATEGORY = "category_id";

    /** {@code platform_config.language}: the language the channel speaks, e.g. {@code "en"}. */
    static final String LANGUAGE = "language";

    /** {@code metadata.publish_at}: when a private upload becomes public on its own (ISO-8601). */
    static final String PUBLISH_AT = "publish_at";

    @Override
    public Provider provider(StageWork work) {
        return providers.publisher(work.channel().platformConfig().platform());
    }

    @Override
    public StageResult run(StageWork work) {
        Publisher publisher =
                providers.publisher(work.channel().platformConfig().platform());
        EpisodeAssets assets = work.episode().assets();
        Publisher.Publication publication = Answers.required(
                publisher.name(), "publication", publisher.publish(request(work, assets), work.call()));
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

    private static Publisher.PublishRequest request(StageWork work, EpisodeAssets assets) {
        EpisodeMetadata metadata = work.episode().metadata();
        PlatformConfig platform = work.channel().platformConfig();
        EpisodeAssets.Stored thumbnail = assets.optional(AssetType.THUMBNAIL);
        EpisodeAssets.Stored captions = assets.optional(AssetType.CAPTIONS);
        return new Publisher.PublishRequest(
                work.brief(),
                assets.primary(AssetType.ASSEMBLED_VIDEO),
                metadata == null ? null : metadata.finalTitle(),
                metadata == null ? null : metadata.description(),
                metadata == null ? null : metadata.tags(),
                text(platform.extra().get(CATEGORY)),
                privacy(platform.defaultPrivacy()),
                publishAt(metadata),
                Boolean.TRUE.equals(platform.extra().get(MADE_FOR_KIDS)),
                true,
                thumbnail == null ? null : thumbnail.uri(),
                captions == null ? null : captions.uri(),
                text(platform.extra().get(LANGUAGE)),
                JsonCodec.object(metadata));
    }

    /** The channel's privacy; private when it names none (ChannelRules refuses any other value). */
    private static Publisher.Privacy privacy(String privacy) {
        return privacy == null
                ? Publisher.Privacy.PRIVATE
                : Publisher.Privacy.valueOf(privacy.toUpperCase(Locale.ROOT));
    }

    private static Instant publishAt(EpisodeMetadata metadata) {
        Object at = metadata == null ? null : metadata.extra().get(PUBLISH_AT);
        if (at == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(at.toString()).toInstant();
        } catch (DateTimeParseException e) {
            throw StageFailedException.permanent("metadata." + PUBLISH_AT + " is '" + at
                    + "', which is not an ISO-8601 time with an offset such as 2027-01-15T17:00:00Z");
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
