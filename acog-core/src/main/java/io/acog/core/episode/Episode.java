package io.acog.core.episode;

import io.acog.spi.Timeline;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An episode as stored. Nullable components are {@code null} when unset; the JSON ones never are.
 *
 * @param id the episode's id
 * @param channelId the channel it belongs to
 * @param pulseEventId the trend signal it came from, when {@code ideaSource} is {@code pulse}
 * @param sourceEpisodeId the episode it continues or repurposes, for {@code series}, {@code
 *     followup} and {@code repurpose}
 * @param title the working title
 * @param slug unique among the channel's live episodes
 * @param status where it stands in its life cycle
 * @param ideaSource where its idea came from
 * @param idea the original idea or topic brief
 * @param plan the outline the planning stage made; empty before
 * @param script the script text with its markers; see {@link ScriptParser}
 * @param scriptMetadata facts about the script: version, word count, estimated duration
 * @param metadata what the video is published with; empty before the metadata stage
 * @param pipelineState each stage's entry: status, attempts, provider, cost
 * @param timeline where each script segment falls on the narration, what covers it (the avatar, a
 *     b-roll clip, a still) and the captions, as the audio stage laid it out from the speech's
 *     timings; the renders and the assembly follow it, and a host may use it to show or check the
 *     cut. {@code null} before the audio stage completed
 * @param publishedUrl where the video is online, once published
 * @param publishedAt when it was published
 * @param priority higher is processed sooner
 * @param retryCount how often it was resumed after failing
 * @param lastError the most recent error that failed it; kept after a successful retry
 * @param createdAt when it was created
 * @param updatedAt when it last changed (the database's time); pass it to {@link
 *     EpisodeUpdate.Builder#unchangedSince}
 * @param deletedAt when it was soft-deleted; {@code null} while live
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
        Timeline timeline,
        String publishedUrl,
        OffsetDateTime publishedAt,
        int priority,
        int retryCount,
        String lastError,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime deletedAt) {

    /**
     * Tells whether the episode is soft-deleted.
     *
     * @return whether {@link #deletedAt()} is set
     */
    public boolean deleted() {
        return deletedAt != null;
    }

    /**
     * Parses the script, if there is one.
     *
     * @return the parsed script, or empty when the episode has none
     * @throws io.acog.core.ValidationException when the stored script does not parse (only a script
     *     stored by other means than ACOG can)
     */
    public java.util.Optional<Script> parsedScript() {
        return script == null ? java.util.Optional.empty() : java.util.Optional.of(ScriptParser.parse(script));
    }
}
