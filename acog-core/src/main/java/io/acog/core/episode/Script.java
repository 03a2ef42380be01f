package io.acog.core.episode;

import java.time.Duration;
import java.util.List;

/**
 * A parsed script: its segments in order. Made by {@link ScriptParser#parse(String)}.
 *
 * @param segments the segments, in script order
 */
public record Script(List<ScriptSegment> segments) {

    /**
     * Creates a script, copying {@code segments}.
     *
     * @param segments the segments, in script order
     */
    public Script {
        segments = List.copyOf(segments);
    }

    /**
     * Counts the spoken words of all segments.
     *
     * @return the word count
     */
    public int wordCount() {
        int words = 0;
        for (ScriptSegment segment : segments) {
            words += segment.wordCount();
        }
        return words;
    }

    /**
     * Returns the segments of one kind, in order.
     *
     * @param kind the kind
     * @return the segments, possibly empty
     */
    public List<ScriptSegment> segments(SegmentKind kind) {
        return segments.stream().filter(segment -> segment.kind() == kind).toList();
    }

    /**
     * Returns what the b-roll clips must show, in order: one per {@code [BROLL:...]} segment.
     *
     * @return the descriptions
     */
    public List<String> brollDescriptions() {
        return segments(SegmentKind.BROLL).stream()
                .map(ScriptSegment::brollDescription)
                .toList();
    }

    /**
     * Estimates how long the script takes to speak at {@code wordsPerMinute}.
     *
     * @param wordsPerMinute the speaking rate, above 0; see {@link SpeakingRate}
     * @return the duration, to the second
     */
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
