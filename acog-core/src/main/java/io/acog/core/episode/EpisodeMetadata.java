package io.acog.core.episode;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.acog.core.internal.Values;
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
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public EpisodeMetadata {
        tags = Values.list(tags);
        socialCopy = Values.map(socialCopy);
        extra = Values.map(extra);
    }

    public static EpisodeMetadata empty() {
        return new EpisodeMetadata(null, null, null, null, null, null);
    }
}
