package io.acog.core.internal.timeline;

import io.acog.core.internal.json.JsonCodec;
import io.acog.spi.Timeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A timeline as the {@code episodes.timeline} column stores it: snake_case keys, sources in lower
 * case. Written here and read here only, so the stored shape is one place's decision.
 */
public final class TimelineCodec {

    private TimelineCodec() {}

    /** The timeline as the column's JSON text. */
    public static String write(Timeline timeline) {
        return JsonCodec.text("episode", "timeline", stored(timeline));
    }

    /**
     * The timeline a {@link #write} stored.
     *
     * @param json the column's text; null when the episode has none
     * @return the timeline, or null for none
     * @throws IllegalArgumentException when the stored value is not a whole timeline
     */
    public static Timeline read(String json) {
        return json == null ? null : parsed(JsonCodec.read(json, Map.class));
    }

    private static Map<String, Object> stored(Timeline timeline) {
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

    @SuppressWarnings("unchecked")
    private static Timeline parsed(Object stored) {
        if (!(stored instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the stored timeline is not an object: " + stored);
        }
        List<Timeline.Cut> cuts = new ArrayList<>();
        for (Map<String, Object> cut : list(map, "cuts")) {
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
        for (Map<String, Object> caption : list(map, "captions")) {
            captions.add(new Timeline.Caption(
                    number(caption, "start_ms", -1).longValue(),
                    number(caption, "end_ms", -1).longValue(),
                    (String) caption.get("text")));
        }
        return new Timeline(number((Map<String, Object>) map, "duration_ms", -1).longValue(), cuts, captions);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<?, ?> map, String key) {
        if (!(map.get(key) instanceof List<?> list)) {
            throw new IllegalArgumentException("the stored timeline has no " + key + " list: " + map);
        }
        return (List<Map<String, Object>>) list;
    }

    private static Number number(Map<String, Object> map, String key, long absent) {
        Object value = map.get(key);
        return value instanceof Number number ? number : absent;
    }
}
