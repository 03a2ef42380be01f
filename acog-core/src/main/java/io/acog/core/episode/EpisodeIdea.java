package io.acog.core.episode;

import io.acog.core.internal.json.Copies;
import java.util.List;
import java.util.Map;

/**
 * The original idea or topic brief ({@code episodes.idea}). Unknown keys are kept in
 * {@link #extra()} and written back unchanged.
 *
 * @param sourceContext where the idea came from, e.g. the pulse event's source and URL
 */
public record EpisodeIdea(
        String topic,
        String brief,
        String targetAudience,
        List<String> keyPoints,
        Map<String, Object> sourceContext,
        Map<String, Object> extra) {

    public EpisodeIdea {
        keyPoints = Copies.list(keyPoints);
        sourceContext = Copies.map(sourceContext);
        extra = Copies.map(extra);
    }

    /** An idea with just a topic. */
    public static EpisodeIdea of(String topic) {
        return new EpisodeIdea(topic, null, null, null, null, null);
    }

    public static EpisodeIdea empty() {
        return of(null);
    }

    public EpisodeIdea withBrief(String brief) {
        return new EpisodeIdea(topic, brief, targetAudience, keyPoints, sourceContext, extra);
    }

    public EpisodeIdea withTargetAudience(String targetAudience) {
        return new EpisodeIdea(topic, brief, targetAudience, keyPoints, sourceContext, extra);
    }

    public EpisodeIdea withKeyPoints(List<String> keyPoints) {
        return new EpisodeIdea(topic, brief, targetAudience, keyPoints, sourceContext, extra);
    }

    public EpisodeIdea withSourceContext(Map<String, Object> sourceContext) {
        return new EpisodeIdea(topic, brief, targetAudience, keyPoints, sourceContext, extra);
    }

    public EpisodeIdea withExtra(String key, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(extra);
        copy.put(key, value);
        return new EpisodeIdea(topic, brief, targetAudience, keyPoints, sourceContext, copy);
    }
}
