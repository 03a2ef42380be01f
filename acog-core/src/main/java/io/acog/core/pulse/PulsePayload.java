package io.acog.core.pulse;

import io.acog.core.internal.json.Copies;
import java.util.List;
import java.util.Map;

/**
 * The raw trend signal ({@code pulse_events.payload}): title, content, comments, metrics and
 * context as the source reported them. Unknown keys are kept in {@link #extra()}.
 */
public record PulsePayload(
        String title,
        String content,
        List<Object> comments,
        Map<String, Object> metrics,
        Map<String, Object> context,
        Map<String, Object> extra) {

    public PulsePayload {
        comments = Copies.list(comments);
        metrics = Copies.map(metrics);
        context = Copies.map(context);
        extra = Copies.map(extra);
    }

    /** A payload with a title and content. */
    public static PulsePayload of(String title, String content) {
        return new PulsePayload(title, content, null, null, null, null);
    }

    public static PulsePayload empty() {
        return of(null, null);
    }
}
