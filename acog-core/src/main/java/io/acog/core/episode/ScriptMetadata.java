package io.acog.core.episode;

import io.acog.core.internal.json.Copies;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Facts about the stored script ({@code episodes.script_metadata}), recomputed by every save: the
 * version (1 for the first script, then counting up), the spoken word count and the duration
 * estimated from the channel's speaking rate. Unknown keys are kept in {@link #extra()}. Every
 * component but {@code extra} is null while the episode has no script.
 *
 * @param version the script's version, from 1
 * @param wordCount the spoken words
 * @param estimatedDurationSeconds how long it takes to speak, in seconds
 * @param wordsPerMinute the speaking rate the estimate used
 * @param avatarSegments how many {@code [AVATAR]} segments it has
 * @param voiceoverSegments how many {@code [VOICEOVER]} segments it has
 * @param brollSegments how many {@code [BROLL:...]} segments it has: the b-roll clips to render
 * @param savedAt when it was saved
 * @param extra keys beyond these, kept as they are
 */
public record ScriptMetadata(
        Integer version,
        Integer wordCount,
        Integer estimatedDurationSeconds,
        Integer wordsPerMinute,
        Integer avatarSegments,
        Integer voiceoverSegments,
        Integer brollSegments,
        OffsetDateTime savedAt,
        Map<String, Object> extra) {

    /**
     * Creates the metadata, copying {@code extra} (null becomes empty).
     *
     * @param version the script's version, from 1
     * @param wordCount the spoken words
     * @param estimatedDurationSeconds how long it takes to speak, in seconds
     * @param wordsPerMinute the speaking rate the estimate used
     * @param avatarSegments how many {@code [AVATAR]} segments it has
     * @param voiceoverSegments how many {@code [VOICEOVER]} segments it has
     * @param brollSegments how many {@code [BROLL:...]} segments it has: the b-roll clips to render
     * @param savedAt when it was saved
     * @param extra keys beyond these, kept as they are
     */
    public ScriptMetadata {
        extra = Copies.map(extra);
    }

    /**
     * Returns metadata with nothing set: that of an episode without a script.
     *
     * @return the empty metadata
     */
    public static ScriptMetadata empty() {
        return new ScriptMetadata(null, null, null, null, null, null, null, null, null);
    }
}
