package io.acog.core.internal.store;

import io.acog.core.channel.StyleGuide;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeIdea;
import io.acog.core.episode.EpisodeMetadata;
import io.acog.core.episode.EpisodePlan;
import io.acog.core.episode.PipelineState;
import io.acog.core.episode.Script;
import io.acog.core.episode.ScriptMetadata;
import io.acog.core.episode.SegmentKind;
import io.acog.core.episode.SpeakingRate;
import io.acog.core.internal.db.DbEnums;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.internal.timeline.TimelineCodec;
import io.acog.jooq.generated.tables.records.EpisodesRecord;
import java.time.OffsetDateTime;

/** Episodes from their rows, and what saving a script computes. */
public final class EpisodeMapping {

    private EpisodeMapping() {}

    public static Episode episode(EpisodesRecord row) {
        return new Episode(
                row.getId(),
                row.getChannelId(),
                row.getPulseEventId(),
                row.getSourceEpisodeId(),
                row.getTitle(),
                row.getSlug(),
                DbEnums.episodeStatus(row.getStatus()),
                DbEnums.ideaSource(row.getIdeaSource()),
                JsonCodec.read(row.getIdea(), EpisodeIdea.class),
                JsonCodec.read(row.getPlan(), EpisodePlan.class),
                row.getScript(),
                JsonCodec.read(row.getScriptMetadata(), ScriptMetadata.class),
                JsonCodec.read(row.getMetadata(), EpisodeMetadata.class),
                JsonCodec.read(row.getPipelineState(), PipelineState.class),
                TimelineCodec.read(
                        row.getTimeline() == null ? null : row.getTimeline().data()),
                row.getPublishedUrl(),
                row.getPublishedAt(),
                row.getPriority(),
                row.getRetryCount(),
                row.getLastError(),
                row.getCreatedAt(),
                row.getUpdatedAt(),
                row.getDeletedAt());
    }

    /**
     * The metadata of a new script replacing one with {@code previous} metadata, at the channel's
     * speaking rate: version one up, counts, spoken duration; keys ACOG does not compute kept.
     */
    public static ScriptMetadata scriptMetadata(
            ScriptMetadata previous, StyleGuide style, Script script, OffsetDateTime now) {
        int wordsPerMinute = SpeakingRate.wordsPerMinute(style);
        int words = script.wordCount();
        int version = previous.version() == null ? 1 : previous.version() + 1;
        return new ScriptMetadata(
                version,
                words,
                (int) SpeakingRate.estimate(words, wordsPerMinute).toSeconds(),
                wordsPerMinute,
                script.segments(SegmentKind.AVATAR).size(),
                script.segments(SegmentKind.VOICEOVER).size(),
                script.segments(SegmentKind.BROLL).size(),
                now,
                previous.extra());
    }
}
