package io.acog.providers.elevenlabs;

import io.acog.providers.elevenlabs.ScriptChunks.Chunk;
import io.acog.providers.elevenlabs.ScriptChunks.Piece;
import io.acog.spi.VoiceSynthesizer.Line;
import io.acog.spi.VoiceSynthesizer.LineTiming;
import io.acog.spi.VoiceSynthesizer.WordTiming;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each line's time in the stitched audio and its words' times, gathered request by request from
 * the character times: a word runs from its first character's start to its last character's end
 * (its punctuation included), a line from its first word's start to its last word's end. A later
 * request's times are moved by the length of the audio before it. Not thread-safe: one per call.
 */
final class SpeechTimings {

    private final Map<Integer, List<WordTiming>> words = new HashMap<>();
    private final Set<Integer> untimed = new HashSet<>();
    /** Where the last word timed starts: no word starts before it. */
    private long lastStartMs;
    /** Where the last word timed ends: a word ElevenLabs did not time is put there. */
    private long lastEndMs;

    /**
     * Adds one request's times.
     *
     * @param chunk the request's text and where the lines sit in it
     * @param alignment its {@code alignment}; null when ElevenLabs gave none, which leaves its lines
     *     untimed (ACOG then spreads the speech over the lines by their words)
     * @param offsetSeconds where the request's audio starts in the stitched audio
     */
    void add(Chunk chunk, Alignment alignment, double offsetSeconds) {
        if (alignment == null) {
            chunk.pieces().forEach(piece -> untimed.add(piece.segment()));
            return;
        }
        long offsetMs = millis(offsetSeconds);
        lastStartMs = Math.max(lastStartMs, offsetMs);
        lastEndMs = Math.max(lastEndMs, offsetMs);
        String text = chunk.text();
        int[] index = alignment.indexOf(text);
        for (Piece piece : chunk.pieces()) {
            List<WordTiming> timed = words.computeIfAbsent(piece.segment(), segment -> new ArrayList<>());
            int at = piece.offset();
            while (at < piece.end()) {
                while (at < piece.end() && Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
                int start = at;
                while (at < piece.end() && !Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
                if (start < at) {
                    timed.add(word(text.substring(start, at), index, start, at, alignment, offsetSeconds));
                }
            }
        }
    }

    /**
     * Returns the lines' timings, in the lines' order; none when a line went untimed, as ACOG wants
     * every line timed or none.
     *
     * @param lines the lines spoken
     * @return the timings, or empty
     */
    List<LineTiming> build(List<Line> lines) {
        List<LineTiming> timings = new ArrayList<>();
        for (Line line : lines) {
            List<WordTiming> timed = words.get(line.segment());
            if (untimed.contains(line.segment()) || timed == null || timed.isEmpty()) {
                return List.of();
            }
            timings.add(new LineTiming(
                    line.segment(),
                    timed.get(0).startMs(),
                    timed.get(timed.size() - 1).endMs(),
                    timed));
        }
        return timings;
    }

    private WordTiming word(String word, int[] index, int from, int to, Alignment alignment, double offsetSeconds) {
        int first = -1;
        int last = -1;
        for (int i = from; i < to; i++) {
            if (index[i] >= 0) {
                if (first < 0) {
                    first = index[i];
                }
                last = index[i];
            }
        }
        if (first < 0) {
            lastStartMs = Math.max(lastStartMs, lastEndMs);
            return new WordTiming(word, lastStartMs, lastStartMs); // untimed: where the last word ended
        }
        long start = Math.max(lastStartMs, millis(offsetSeconds + alignment.start(first)));
        long end = Math.max(start, millis(offsetSeconds + alignment.end(last)));
        lastStartMs = start;
        lastEndMs = Math.max(lastEndMs, end);
        return new WordTiming(word, start, end);
    }

    private static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }
}
