package io.acog.core.episode;

import java.time.Duration;
import java.util.List;

/**
 * A parsed script: its segments in order. Made by {@link ScriptParser#parse(String)}.
 */
public record Script(List<ScriptSegment> segments) {

    public Script {
        segments = List.copyOf(segments);
    }

    /** The spoken words of all segments. */
    public int wordCount() {
        int words = 0;
        for (ScriptSegment segment : segments) {
            words += segment.wordCount();
        }
        return words;
    }

    /** The segments of one kind, in order. */
    public List<ScriptSegment> segments(SegmentKind kind) {
        return segments.stream().filter(segment -> segment.kind() == kind).toList();
    }

    /** What the b-roll clips must show, in order. */
    public List<String> brollDescriptions() {
        return segments(SegmentKind.BROLL).stream()
                .map(ScriptSegment::brollDescription)
                .toList();
    }

    /** How long the script takes to speak at {@code wordsPerMinute}. */
    public Duration estimatedDuration(int wordsPerMinute) {
        return SpeakingRate.estimate(wordCount(), wordsPerMinute);
    }

    /** Words: runs of non-space characters with at least one letter or digit. */
    static int countWords(String text) {
        int words = 0;
        boolean counted = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c)) {
                counted = false;
            } else if (!counted && Character.isLetterOrDigit(c)) {
                words++;
                counted = true;
            }
        }
        return words;
    }
}
