package io.acog.core.episode;

import io.acog.core.internal.json.Copies;
import java.util.List;
import java.util.Map;

/**
 * The original idea or topic brief ({@code episodes.idea}). Unknown keys are kept in {@link
 * #extra()} and written back unchanged. Text components are nullable; collections never are.
 *
 * @param topic what the episode is about
 * @param brief a short description of the angle
 * @param targetAudience who it is for
 * @param keyPoints what it must cover
 * @param sourceContext where the idea came from, e.g. the pulse event's source and URL
 * @param extra keys beyond these, kept as they are
 */
public record EpisodeIdea(
        String topic,
        String brief,
        String targetAudience,
        List<String> keyPoints,
        Map<String, Object> sourceContext,
        Map<String, Object> extra) {

    /**
     * Creates an idea, copying the collections (null becomes empty).
     *
     * @param topic what the episode is about
     * @param brief a short description of the angle
     * @param targetAudience who it is for
     * @param keyPoints what it must cover
     * @param sourceContext where the idea came from, e.g. the pulse event's source and URL
     * @param extra keys beyond these, kept as they are
     */
    public EpisodeIdea {
        keyPoints = Copies.list(keyPoints);
        sourceContext = Copies.map(sourceContext);
        extra = Copies.map(extra);
    }

    /**
     * Returns an idea with just a topic.
     *
     * @param topic what the episode is about
     * @return the idea
     */
    public static EpisodeIdea of(String topic) {
        return new EpisodeIdea(topic, null, null, null, null, null);
    }

    /**
     * Returns an idea with nothing set.
     *
     * @return the empty idea
     */
    public static EpisodeIdea empty() {
        return of(null);
    }

    /**
     * Returns a copy with another brief.
     *
     * @param brief a short description of the angle
     * @return the changed copy
     */
    public EpisodeIdea withBrief(String brief) {
        return new EpisodeIdea(topic, brief, targetAudience, keyPoints, sourceContext, extra);
    }

    /**
     * Returns a copy with another target audience.
     *
     * @param targetAudience who it is for
     * @return the changed copy
     */
    public EpisodeIdea withTargetAudience(String targetAudience) {
        return new EpisodeIdea(topic, brief, targetAudience, keyPoints, sourceContext, extra);
    }

    /**
     * Returns a copy with other key points.
     *
     * @param keyPoints what it must cover
     * @return the changed copy
     */
    public EpisodeIdea withKeyPoints(List<String> keyPoints) {
        return new EpisodeIdea(topic, brief, targetAudience, keyPoints, sourceContext, extra);
    }

    /**
     * Returns a copy with another source context.
     *
     * @param sourceContext where the idea came from
     * @return the changed copy
     */
    public EpisodeIdea withSourceContext(Map<String, Object> sourceContext) {
        return new EpisodeIdea(topic, brief, targetAudience, keyPoints, sourceContext, extra);
    }

    /**
     * Returns a copy with the host application's own key, kept beside the seed's.
     *
     * @param key the JSON key
     * @param value a JSON-compatible value: string, number, boolean, list, map or null
     * @return the changed copy
     */
    public EpisodeIdea withExtra(String key, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(extra);
        copy.put(key, value);
        return new EpisodeIdea(topic, brief, targetAudience, keyPoints, sourceContext, copy);
    }
}
