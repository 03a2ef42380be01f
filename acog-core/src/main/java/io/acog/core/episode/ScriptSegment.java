package io.acog.core.episode;

import java.util.Objects;

/**
 * One part of a script: what is said and what is shown meanwhile.
 *
 * @param kind what the viewer sees meanwhile
 * @param text the words spoken, trimmed; may be empty only for a b-roll segment
 * @param brollDescription what the b-roll clip shows; {@code null} unless {@link SegmentKind#BROLL}
 * @param line the 1-based line of the segment's marker
 * @param column the 1-based column of the segment's marker
 */
public record ScriptSegment(SegmentKind kind, String text, String brollDescription, int line, int column) {

    /**
     * Creates a segment.
     *
     * @param kind what the viewer sees meanwhile
     * @param text the words spoken, trimmed; may be empty only for a b-roll segment
     * @param brollDescription what the b-roll clip shows; {@code null} unless {@link
     *     SegmentKind#BROLL}
     * @param line the 1-based line of the segment's marker
     * @param column the 1-based column of the segment's marker
     * @throws NullPointerException when {@code kind} or {@code text} is null
     */
    public ScriptSegment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Counts the spoken words: runs of non-space characters with at least one letter or digit.
     *
     * @return the number of spoken words
     */
    public int wordCount() {
        return Script.countWords(text);
    }
}
