package io.acog.core.episode;

import io.acog.core.internal.json.Copies;
import java.util.List;
import java.util.Map;

/**
 * What the video is published with ({@code episodes.metadata}): final title, description, tags,
 * thumbnail prompt, and social copy per platform. Unknown keys are kept in {@link #extra()}.
 */
public record EpisodeMetadata(
        String finalTitle,
        String description,
        List<String> tags,
        String thumbnailPrompt,
        Map<String, String> socialCopy,
        Map<String, Object> extra) {

    public EpisodeMetadata {
        tags = Copies.list(tags);
        socialCopy = Copies.map(socialCopy);
        extra = Copies.map(extra);
    }

    public static EpisodeMetadata empty() {
        return new EpisodeMetadata(null, null, null, null, null, null);
    }
}
