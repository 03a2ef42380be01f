package io.acog.core.internal.timeline;

import io.acog.core.episode.ScriptSegment;
import io.acog.core.episode.SegmentKind;
import io.acog.spi.Timeline;
import io.acog.spi.VoiceSynthesizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays a script's segments on its narration: each segment's cut (what covers it, from where to
 * where), and the captions, a few words at a time. Pure and deterministic.
 *
 * <p>Where the voice provider timed the lines (and their words), the cuts follow those times: a
 * pause between two lines is split at its middle, so the cuts meet without a gap. Where it did not,
 * the narration's length is spread over the lines by their words. A segment that speaks nothing
 * gets a cut of no length.
 */
public final class TimelinePlanner {

    /** A caption holds at most this many words... */
    static final int CAPTION_WORDS = 5;

    /** ...and at most this many characters (a line a phone's screen shows whole). */
    static final int CAPTION_CHARACTERS = 32;

    private TimelinePlanner() {}

    /**
     * Plans the timeline.
     *
     * @param segments the script's segments, in order
     * @param speech what the voice provider returned: its length and timings (either may be missing)
     * @param wordsPerMinute the channel's speaking rate, for a speech of unknown length
     */
    public static Timeline plan(List<ScriptSegment> segments, VoiceSynthesizer.Speech speech, int wordsPerMinute) {
        Map<Integer, VoiceSynthesizer.LineTiming> timed = new HashMap<>();
        for (VoiceSynthesizer.LineTiming timing : speech.timings()) {
            timed.putIfAbsent(timing.segment(), timing);
        }
        boolean allTimed = true;
        int words = 0;
        for (int i = 0; i < segments.size(); i++) {
            int spoken = wordsOf(segments.get(i).text()).size();
            words += spoken;
            if (spoken > 0 && !timed.containsKey(i)) {
                allTimed = false;
            }
        }
        long duration = speech.durationMs() > 0
                ? speech.durationMs()
                : allTimed && !timed.isEmpty()
                        ? timed.values().stream()
                                .mapToLong(VoiceSynthesizer.LineTiming::endMs)
                                .max()
                                .orElse(0)
                        : Math.round(words * 60_000.0 / Math.max(1, wordsPerMinute));
        List<Span> spans = allTimed ? timedSpans(segments, timed, duration) : spreadSpans(segments, duration);
        return new Timeline(duration, cuts(segments, spans, duration), captions(spans, duration));
    }

    /** A segment's place on the narration as spoken, and its words' times. */
    private record Span(long startMs, long endMs, List<VoiceSynthesizer.WordTiming> words) {}

    private static List<Span> timedSpans(
            List<ScriptSegment> segments, Map<Integer, VoiceSynthesizer.LineTiming> timed, long duration) {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            VoiceSynthesizer.LineTiming timing = timed.get(i);
            if (timing == null) {
                spans.add(null);
                continue;
            }
            long start = clamp(timing.startMs(), 0, duration);
            long end = clamp(timing.endMs(), start, duration);
            List<VoiceSynthesizer.WordTiming> words =
                    timing.words().isEmpty() ? spreadWords(segments.get(i).text(), start, end) : timing.words();
            spans.add(new Span(start, end, words));
        }
        return spans;
    }

    /** The narration spread over the spoken segments by their words (a blank one gets none). */
    private static List<Span> spreadSpans(List<ScriptSegment> segments, long duration) {
        long total = 0;
        for (ScriptSegment segment : segments) {
            total += weight(segment.text());
        }
        List<Span> spans = new ArrayList<>();
        long before = 0;
        for (ScriptSegment segment : segments) {
            long weight = weight(segment.text());
            if (weight == 0) {
                spans.add(null);
                continue;
            }
            long start = total == 0 ? 0 : duration * before / total;
            before += weight;
            long end = total == 0 ? 0 : duration * before / total;
            spans.add(new Span(start, end, spreadWords(segment.text(), start, end)));
        }
        return spans;
    }

    /**
     * The cuts: each spoken segment's cut begins halfway through the pause before it (at 0 for the
     * first) and ends where the next spoken one begins (at the narration's end for the last). A
     * segment that speaks nothing sits, with no length, where the spoken one before it ends; when
     * none speaks at all, the last takes the whole narration.
     */
    private static List<Timeline.Cut> cuts(List<ScriptSegment> segments, List<Span> spans, long duration) {
        int n = segments.size();
        long[] start = new long[n];
        long[] end = new long[n];
        int lastSpoken = -1;
        long boundary = 0;
        for (int i = 0; i < n; i++) {
            Span span = spans.get(i);
            if (span == null) {
                continue;
            }
            if (lastSpoken >= 0) {
                boundary = clamp((spans.get(lastSpoken).endMs() + span.startMs()) / 2, boundary, duration);
                end[lastSpoken] = boundary;
            }
            start[i] = boundary;
            lastSpoken = i;
        }
        if (lastSpoken >= 0) {
            end[lastSpoken] = duration;
        } else if (n > 0) {
            end[n - 1] = duration;
        }
        long at = 0;
        for (int i = 0; i < n; i++) {
            if (spans.get(i) == null && !(lastSpoken < 0 && i == n - 1)) {
                start[i] = at;
                end[i] = at;
            }
            at = end[i];
        }
        List<Timeline.Cut> cuts = new ArrayList<>();
        int clip = 0;
        long avatarOffset = 0;
        for (int i = 0; i < n; i++) {
            ScriptSegment segment = segments.get(i);
            Timeline.Source source = source(segment.kind());
            int clipIndex = source == Timeline.Source.BROLL ? clip++ : -1;
            long offset = source == Timeline.Source.AVATAR ? avatarOffset : 0;
            if (source == Timeline.Source.AVATAR) {
                avatarOffset += end[i] - start[i];
            }
            cuts.add(new Timeline.Cut(i, source, start[i], end[i], clipIndex, offset, segment.text()));
        }
        return cuts;
    }

    private static Timeline.Source source(SegmentKind kind) {
        return switch (kind) {
            case AVATAR -> Timeline.Source.AVATAR;
            case BROLL -> Timeline.Source.BROLL;
            case VOICEOVER -> Timeline.Source.STILL;
        };
    }

    /**
     * The captions: the words in order, a few at a time, breaking after a sentence's or clause's
     * end; each shown from its first word's start to its last word's end, never before the one
     * before it has gone.
     */
    private static List<Timeline.Caption> captions(List<Span> spans, long duration) {
        List<Timeline.Caption> captions = new ArrayList<>();
        List<VoiceSynthesizer.WordTiming> pending = new ArrayList<>();
        long[] shown = {0};
        for (Span span : spans) {
            if (span == null) {
                continue;
            }
            for (VoiceSynthesizer.WordTiming word : span.words()) {
                if (!pending.isEmpty()
                        && (pending.size() >= CAPTION_WORDS
                                || length(pending) + 1 + word.word().strip().length() > CAPTION_CHARACTERS)) {
                    flush(pending, captions, shown, duration, false);
                }
                pending.add(word);
                if (endsClause(word.word())) {
                    flush(pending, captions, shown, duration, false);
                }
            }
            flush(pending, captions, shown, duration, false);
        }
        flush(pending, captions, shown, duration, true);
        return captions;
    }

    /** Shows the pending words as a caption; {@code last}: no word follows, so none waits. */
    private static void flush(
            List<VoiceSynthesizer.WordTiming> words,
            List<Timeline.Caption> captions,
            long[] shown,
            long duration,
            boolean last) {
        if (words.isEmpty()) {
            return;
        }
        String text = join(words);
        long start = clamp(words.get(0).startMs(), shown[0], duration);
        long end = clamp(words.get(words.size() - 1).endMs(), start, duration);
        if (end <= start && !last) {
            return; // spoken while the caption before still shows: they join the next caption
        }
        words.clear();
        if (end > start) {
            captions.add(new Timeline.Caption(start, end, text));
            shown[0] = end;
        } else if (!captions.isEmpty()) { // the last words, with no time left: they join the caption before
            Timeline.Caption before = captions.remove(captions.size() - 1);
            captions.add(new Timeline.Caption(before.startMs(), before.endMs(), before.text() + " " + text));
        }
    }

    /** The length of the words {@link #join}ed. */
    private static int length(List<VoiceSynthesizer.WordTiming> words) {
        int length = words.size() - 1;
        for (VoiceSynthesizer.WordTiming word : words) {
            length += word.word().strip().length();
        }
        return length;
    }

    private static String join(List<VoiceSynthesizer.WordTiming> words) {
        return String.join(" ", words.stream().map(word -> word.word().strip()).toList());
    }

    private static boolean endsClause(String word) {
        String w = word.strip();
        return !w.isEmpty() && ".!?;:,".indexOf(w.charAt(w.length() - 1)) >= 0;
    }

    /**
     * The words of a line spread over its span by their length (a longer word takes longer): a
     * stand-in for a provider that does not align words.
     */
    static List<VoiceSynthesizer.WordTiming> spreadWords(String text, long start, long end) {
        List<String> words = wordsOf(text);
        long total = words.stream().mapToLong(word -> word.length() + 1).sum();
        List<VoiceSynthesizer.WordTiming> timed = new ArrayList<>();
        long before = 0;
        for (String word : words) {
            long from = start + (end - start) * before / Math.max(1, total);
            before += word.length() + 1;
            long to = start + (end - start) * before / Math.max(1, total);
            timed.add(new VoiceSynthesizer.WordTiming(word, from, to));
        }
        return timed;
    }

    /**
     * The words of a text as a caption shows them: runs of non-space characters with a letter or
     * digit, a run without one (a dash, a lone mark) joined to the word before.
     */
    static List<String> wordsOf(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.strip().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            boolean word = hasLetterOrDigit(token);
            if (word || words.isEmpty()) {
                if (word) {
                    words.add(token);
                }
            } else {
                words.set(words.size() - 1, words.get(words.size() - 1) + " " + token);
            }
        }
        return words;
    }

    private static boolean hasLetterOrDigit(String token) {
        for (int i = 0; i < token.length(); ) {
            int c = token.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    private static long weight(String text) {
        return wordsOf(text).stream().mapToLong(word -> word.length() + 1).sum();
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(value, Math.max(min, max)));
    }
}
