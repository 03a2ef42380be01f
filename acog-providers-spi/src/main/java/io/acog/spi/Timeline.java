package io.acog.spi;

import java.util.List;
import java.util.Objects;

/**
 * Where each part of an episode falls on its narration: ACOG computes it once the speech exists,
 * from the speech's timings, stores it with the episode, and hands it to the avatar render (its
 * windows), the b-roll clips (their lengths) and the assembler (every cut and caption).
 *
 * <p>The cuts cover the narration from 0 to {@code durationMs} in script order, each starting where
 * the one before ends: no gap, no overlap. A script segment that speaks no words gets a cut of no
 * length, which an assembler skips. Captions lie within the narration, in order, never overlapping.
 * The constructor checks all of this, so a timeline in hand is always whole.
 *
 * @param durationMs how long the narration runs, in milliseconds
 * @param cuts what is shown, segment by segment, in order
 * @param captions the words to show on screen, a few at a time, in order
 */
public record Timeline(long durationMs, List<Cut> cuts, List<Caption> captions) {

    /** What covers a cut. */
    public enum Source {
        /** The presenter: a window of the avatar video ({@code [AVATAR]}). */
        AVATAR,
        /** A b-roll clip ({@code [BROLL:description]}). */
        BROLL,
        /** A still the assembler makes, with a slow zoom ({@code [VOICEOVER]}). */
        STILL
    }

    /**
     * One script segment on the narration and what covers it.
     *
     * @param segment the segment's index in the script, from 0
     * @param source what the viewer sees meanwhile
     * @param startMs where it starts on the narration, in milliseconds
     * @param endMs where it ends on the narration (exclusive), in milliseconds
     * @param clipIndex for {@link Source#BROLL}, the clip's index among the script's clips, from 0;
     *     -1 otherwise
     * @param sourceOffsetMs for {@link Source#AVATAR}, where the window starts in the avatar video
     *     (the windows run back to back there); 0 otherwise
     * @param text the words spoken meanwhile; may be empty
     */
    public record Cut(
            int segment, Source source, long startMs, long endMs, int clipIndex, long sourceOffsetMs, String text) {

        /**
         * Creates a cut.
         *
         * @param segment the segment's index in the script, from 0
         * @param source what the viewer sees meanwhile
         * @param startMs where it starts on the narration, in milliseconds
         * @param endMs where it ends on the narration (exclusive), in milliseconds
         * @param clipIndex for {@link Source#BROLL}, the clip's index from 0; -1 otherwise
         * @param sourceOffsetMs for {@link Source#AVATAR}, where the window starts in the avatar
         *     video; 0 otherwise
         * @param text the words spoken meanwhile; null becomes empty
         * @throws IllegalArgumentException when a value is out of range, naming it
         */
        public Cut {
            Objects.requireNonNull(source, "source");
            text = text == null ? "" : text;
            if (segment < 0) {
                throw new IllegalArgumentException("cut segment is " + segment + "; it must be 0 or more");
            }
            if (startMs < 0 || endMs < startMs) {
                throw new IllegalArgumentException("cut of segment " + segment + " runs from " + startMs + " ms to "
                        + endMs + " ms; it must start at 0 or later and not end before it starts");
            }
            if ((source == Source.BROLL) != (clipIndex >= 0) || clipIndex < -1) {
                throw new IllegalArgumentException("cut of segment " + segment + " is " + source + " with clipIndex "
                        + clipIndex + "; a b-roll cut names its clip from 0, any other has -1");
            }
            if (sourceOffsetMs < 0) {
                throw new IllegalArgumentException("cut of segment " + segment + " has sourceOffsetMs " + sourceOffsetMs
                        + "; it must be 0 or more");
            }
        }

        /**
         * Returns how long the cut runs.
         *
         * @return {@code endMs - startMs}, in milliseconds
         */
        public long lengthMs() {
            return endMs - startMs;
        }
    }

    /**
     * Words shown on screen while they are spoken.
     *
     * @param startMs when they appear, in milliseconds of the narration
     * @param endMs when they go (exclusive), after {@code startMs}
     * @param text the words; never blank
     */
    public record Caption(long startMs, long endMs, String text) {

        /**
         * Creates a caption.
         *
         * @param startMs when they appear, in milliseconds of the narration
         * @param endMs when they go (exclusive), after {@code startMs}
         * @param text the words; never blank
         * @throws IllegalArgumentException when the times are out of order or the text is blank
         */
        public Caption {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("caption at " + startMs + " ms has no text");
            }
            if (startMs < 0 || endMs <= startMs) {
                throw new IllegalArgumentException("caption '" + text + "' runs from " + startMs + " ms to " + endMs
                        + " ms; it must start at 0 or later and end after it starts");
            }
        }
    }

    /**
     * Creates a timeline, copying the lists (null becomes empty) and checking that the cuts cover
     * the narration exactly and the captions do not overlap.
     *
     * @param durationMs how long the narration runs, in milliseconds
     * @param cuts what is shown, segment by segment, in order
     * @param captions the words to show on screen, in order
     * @throws IllegalArgumentException when the cuts leave a gap, overlap or overrun, or captions
     *     overlap or overrun; the message names the first offender
     */
    public Timeline {
        cuts = Copies.list(cuts);
        captions = Copies.list(captions);
        if (durationMs < 0) {
            throw new IllegalArgumentException("timeline durationMs is " + durationMs + "; it must be 0 or more");
        }
        long at = 0;
        for (Cut cut : cuts) {
            if (cut.startMs() != at) {
                throw new IllegalArgumentException("cut of segment " + cut.segment() + " starts at " + cut.startMs()
                        + " ms, but the cut before it ends at " + at + " ms; cuts must follow each other without a"
                        + " gap or an overlap");
            }
            at = cut.endMs();
        }
        if (!cuts.isEmpty() && at != durationMs) {
            throw new IllegalArgumentException("the last cut ends at " + at + " ms, but the narration runs "
                    + durationMs + " ms; the cuts must cover it to its end");
        }
        long shown = 0;
        for (Caption caption : captions) {
            if (caption.startMs() < shown || caption.endMs() > durationMs) {
                throw new IllegalArgumentException("caption '" + caption.text() + "' runs from " + caption.startMs()
                        + " ms to " + caption.endMs() + " ms; captions must follow each other without overlapping,"
                        + " within the narration's " + durationMs + " ms");
            }
            shown = caption.endMs();
        }
    }

    /**
     * Returns the cuts a source covers, in order: e.g. the avatar's windows.
     *
     * @param source the source
     * @return those cuts, possibly none
     */
    public List<Cut> cuts(Source source) {
        return cuts.stream().filter(cut -> cut.source() == source).toList();
    }

    /**
     * Returns the cut that shows b-roll clip {@code clipIndex}.
     *
     * @param clipIndex the clip's index among the script's clips, from 0
     * @return the cut, or null when no cut shows that clip
     */
    public Cut clip(int clipIndex) {
        return cuts.stream()
                .filter(cut -> cut.clipIndex() == clipIndex)
                .findFirst()
                .orElse(null);
    }
}
