package io.acog.core.episode;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An episode as stored. Nullable components are {@code null} when unset; the JSON ones never are.
 *
 * @param pulseEventId the trend signal it came from, when {@code ideaSource} is {@code pulse}
 * @param sourceEpisodeId the episode it continues or repurposes, for {@code series},
 *     {@code followup} and {@code repurpose}
 * @param slug unique among the channel's live episodes
 * @param script the script text with its markers; see {@link ScriptParser}
 * @param priority higher is processed sooner
 * @param retryCount how often it was resumed after failing
 */
public record Episode(
        UUID id,
        UUID channelId,
        UUID pulseEventId,
        UUID sourceEpisodeId,
        String title,
        String slug,
        EpisodeStatus status,
        IdeaSource ideaSource,
        EpisodeIdea idea,
        EpisodePlan plan,
        String script,
        ScriptMetadata scriptMetadata,
        EpisodeMetadata metadata,
        PipelineState pipelineState,
        String publishedUrl,
        OffsetDateTime publishedAt,
        int priority,
        int retryCount,
        String lastError,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime deletedAt) {

    public boolean deleted() {
        return deletedAt != null;
    }

    /** The parsed script, if there is one. */
    public java.util.Optional<Script> parsedScript() {
        return script == null ? java.util.Optional.empty() : java.util.Optional.of(ScriptParser.parse(script));
    }
}
