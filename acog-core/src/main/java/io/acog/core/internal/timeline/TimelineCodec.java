package io.acog.core.internal.timeline;

import io.acog.spi.Timeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A timeline as {@code pipeline_state.audio.timeline} stores it: snake_case keys, sources in lower
 * case. Written here and read here only, so the stored shape is one place's decision.
 */
public final class TimelineCodec {

    /** The key of the timeline in the audio stage's entry. */
    public static final String KEY = "timeline";

    private TimelineCodec() {}

    /** The timeline as JSON-ready maps and lists. */
    public static Map<String, Object> write(Timeline timeline) {
        List<Object> cuts = new ArrayList<>();
        for (Timeline.Cut cut : timeline.cuts()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("segment", cut.segment());
            entry.put("source", cut.source().name().toLowerCase(Locale.ROOT));
            entry.put("start_ms", cut.startMs());
            entry.put("end_ms", cut.endMs());
            if (cut.clipIndex() >= 0) {
                entry.put("clip_index", cut.clipIndex());
            }
            if (cut.sourceOffsetMs() > 0) {
                entry.put("source_offset_ms", cut.sourceOffsetMs());
            }
            entry.put("text", cut.text());
            cuts.add(entry);
        }
        List<Object> captions = new ArrayList<>();
        for (Timeline.Caption caption : timeline.captions()) {
            captions.add(Map.of("start_ms", caption.startMs(), "end_ms", caption.endMs(), "text", caption.text()));
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("duration_ms", timeline.durationMs());
        stored.put("cuts", cuts);
        stored.put("captions", captions);
        return stored;
    }

    /**
     * The timeline a {@link #write} stored.
     *
     * @throws IllegalArgumentException when the stored value is not a whole timeline
     */
    @SuppressWarnings("unchecked")
    public static Timeline read(Object stored) {
        if (!(stored instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the stored timeline is not an object: " + stored);
        }
        List<Timeline.Cut> cuts = new ArrayList<>();
        for (Map<String, Object> cut : (List<Map<String, Object>>) map.get("cuts")) {
            cuts.add(new Timeline.Cut(
                    number(cut, "segment", -1).intValue(),
                    Timeline.Source.valueOf(((String) cut.get("source")).toUpperCase(Locale.ROOT)),
                    number(cut, "start_ms", -1).longValue(),
                    number(cut, "end_ms", -1).longValue(),
                    number(cut, "clip_index", -1).intValue(),
                    number(cut, "source_offset_ms", 0).longValue(),
                    (String) cut.get("text")));
        }
        List<Timeline.Caption> captions = new ArrayList<>();
        for (Map<String, Object> caption : (List<Map<String, Object>>) map.get("captions")) {
            captions.add(new Timeline.Caption(
                    number(caption, "start_ms", -1).longValue(),
                    number(caption, "end_ms", -1).longValue(),
                    (String) caption.get("text")));
        }
        return new Timeline(number((Map<String, Object>) map, "duration_ms", -1).longValue(), cuts, captions);
    }

    private static Number number(Map<String, Object> map, String key, long absent) {
        Object value = map.get(key);
        return value instanceof Number number ? number : absent;
    }
}
