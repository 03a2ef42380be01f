package io.acog.core.pulse;

import io.acog.core.internal.json.Copies;
import java.util.List;
import java.util.Map;

/**
 * The raw trend signal ({@code pulse_events.payload}): title, content, comments, metrics and
 * context as the source reported them. Unknown keys are kept in {@link #extra()}. Text components
 * are nullable; collections never are.
 *
 * @param title the signal's title; becomes an episode's title and topic
 * @param content its text; becomes an episode idea's brief
 * @param comments comments on it, as the source gives them
 * @param metrics e.g. views or upvotes, by name
 * @param context anything else the source says about it
 * @param extra keys beyond these, kept as they are
 */
public record PulsePayload(
        String title,
        String content,
        List<Object> comments,
        Map<String, Object> metrics,
        Map<String, Object> context,
        Map<String, Object> extra) {

    /**
     * Creates a payload, copying the collections (null becomes empty).
     *
     * @param title the signal's title; becomes an episode's title and topic
     * @param content its text; becomes an episode idea's brief
     * @param comments comments on it, as the source gives them
     * @param metrics e.g. views or upvotes, by name
     * @param context anything else the source says about it
     * @param extra keys beyond these, kept as they are
     */
    public PulsePayload {
        comments = Copies.list(comments);
        metrics = Copies.map(metrics);
        context = Copies.map(context);
        extra = Copies.map(extra);
    }

    /**
     * Returns a payload with a title and content.
     *
     * @param title the signal's title
     * @param content its text
     * @return the payload
     */
    public static PulsePayload of(String title, String content) {
        return new PulsePayload(title, content, null, null, null, null);
    }

    /**
     * Returns a payload with nothing set.
     *
     * @return the empty payload
     */
    public static PulsePayload empty() {
        return of(null, null);
    }
}
