package io.acog.core.episode;

import io.acog.core.internal.json.Copies;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Facts about the stored script ({@code episodes.script_metadata}), recomputed by every save: the
 * version (1 for the first script, then counting up), the spoken word count and the duration
 * estimated from the channel's speaking rate. Unknown keys are kept in {@link #extra()}.
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

    public ScriptMetadata {
        extra = Copies.map(extra);
    }

    public static ScriptMetadata empty() {
        return new ScriptMetadata(null, null, null, null, null, null, null, null, null);
    }
}
