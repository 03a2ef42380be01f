package io.acog.core.internal.pipeline.state;

import java.time.OffsetDateTime;

/**
 * The episode columns a stage produces besides its pipeline state, as they are written: JSON ones
 * as JSON text. Null leaves a column as it is.
 */
public record EpisodeColumns(
        String plan,
        String script,
        String scriptMetadata,
        String metadata,
        String title,
        String publishedUrl,
        OffsetDateTime publishedAt,
        String timeline) {

    public static final EpisodeColumns NONE = new EpisodeColumns(null, null, null, null, null, null, null, null);

    /** These columns with {@code later}'s set ones over them. */
    public EpisodeColumns then(EpisodeColumns later) {
        return new EpisodeColumns(
                or(later.plan, plan),
                or(later.script, script),
                or(later.scriptMetadata, scriptMetadata),
                or(later.metadata, metadata),
                or(later.title, title),
                or(later.publishedUrl, publishedUrl),
                or(later.publishedAt, publishedAt),
                or(later.timeline, timeline));
    }

    public static EpisodeColumns plan(String planJson) {
        return NONE.withPlan(planJson);
    }

    public EpisodeColumns withPlan(String planJson) {
        return new EpisodeColumns(
                planJson, script, scriptMetadata, metadata, title, publishedUrl, publishedAt, timeline);
    }

    public static EpisodeColumns script(String script, String scriptMetadataJson) {
        return new EpisodeColumns(null, script, scriptMetadataJson, null, null, null, null, null);
    }

    public static EpisodeColumns metadata(String metadataJson, String title) {
        return new EpisodeColumns(null, null, null, metadataJson, title, null, null, null);
    }

    public static EpisodeColumns published(String url, OffsetDateTime at) {
        return new EpisodeColumns(null, null, null, null, null, url, at, null);
    }

    /** The timeline the audio stage laid out, as {@code TimelineCodec} writes it. */
    public static EpisodeColumns timeline(String timelineJson) {
        return new EpisodeColumns(null, null, null, null, null, null, null, timelineJson);
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }
}
