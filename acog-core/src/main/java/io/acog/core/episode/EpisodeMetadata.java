package io.acog.core.episode;

import io.acog.core.internal.json.Copies;
import java.util.List;
import java.util.Map;

/**
 * What the video is published with ({@code episodes.metadata}): final title, description, tags,
 * thumbnail prompt, and social copy per platform. Unknown keys are kept in {@link #extra()}. Text
 * components are nullable; collections never are.
 *
 * @param finalTitle the title it is published under
 * @param description the video's description
 * @param tags the video's tags
 * @param thumbnailPrompt the prompt for its thumbnail image
 * @param socialCopy text to announce it, by platform (e.g. {@code "twitter"})
 * @param extra keys beyond these, kept as they are
 */
public record EpisodeMetadata(
        String finalTitle,
        String description,
        List<String> tags,
        String thumbnailPrompt,
        Map<String, String> socialCopy,
        Map<String, Object> extra) {

    /**
     * Creates the metadata, copying the collections (null becomes empty).
     *
     * @param finalTitle the title it is published under
     * @param description the video's description
     * @param tags the video's tags
     * @param thumbnailPrompt the prompt for its thumbnail image
     * @param socialCopy text to announce it, by platform (e.g. {@code "twitter"})
     * @param extra keys beyond these, kept as they are
     */
    public EpisodeMetadata {
        tags = Copies.list(tags);
        socialCopy = Copies.map(socialCopy);
        extra = Copies.map(extra);
    }

    /**
     * Returns metadata with nothing set.
     *
     * @return the empty metadata
     */
    public static EpisodeMetadata empty() {
        return new EpisodeMetadata(null, null, null, null, null, null);
    }
}
