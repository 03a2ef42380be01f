package io.acog.providers.elevenlabs;

import io.acog.spi.VoiceSynthesizer.Line;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A script cut into the requests that speak it, each under the model's character limit: whole
 * lines where they fit, joined by a blank line as {@link
 * io.acog.spi.VoiceSynthesizer.SpeechRequest#text()} joins them (so a script that fits is sent
 * exactly as that text), and a line longer than the limit cut at its sentences (at its words when
 * one sentence is longer still). Each request knows where each line's text sits in it, which is
 * how its character times are mapped back to the lines.
 */
final class ScriptChunks {

    /** The least limit that still cuts sensibly (settings below it are refused). */
    static final int MIN_LIMIT = 20;

    /** How much of the neighbouring requests' text goes along as {@code previous_text}/{@code next_text}. */
    static final int CONTEXT = 1_000;

    private static final String BETWEEN_LINES = "\n\n";
    private static final String WITHIN_LINE = " ";

    private ScriptChunks() {}

    /**
     * One request's text.
     *
     * @param text what is sent
     * @param pieces where each line's text (or part of it) sits in {@code text}, in order
     */
    record Chunk(String text, List<Piece> pieces) {
        Chunk {
            pieces = List.copyOf(pieces);
        }
    }

    /**
     * A line's text, or the part of a long line, placed in a request's text.
     *
     * @param segment the line's segment
     * @param offset where it starts in the request's text
     * @param length its length
     */
    record Piece(int segment, int offset, int length) {

        int end() {
            return offset + length;
        }
    }

    /**
     * Cuts the lines into requests of at most {@code limit} characters.
     *
     * @param lines the script's lines, in order
     * @param limit the characters a request may carry, at least {@value #MIN_LIMIT}
     * @return the requests' texts, in order; one when the script fits
     */
    static List<Chunk> split(List<Line> lines, int limit) {
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<Piece> pieces = new ArrayList<>();
        int lastSegment = -1;
        for (Line line : lines) {
            for (String part : parts(line.text(), limit)) {
                String separator = pieces.isEmpty() ? "" : lastSegment == line.segment() ? WITHIN_LINE : BETWEEN_LINES;
                if (!pieces.isEmpty() && text.length() + separator.length() + part.length() > limit) {
                    chunks.add(new Chunk(text.toString(), pieces));
                    text.setLength(0);
                    pieces.clear();
                    separator = "";
                }
                text.append(separator);
                pieces.add(new Piece(line.segment(), text.length(), part.length()));
                text.append(part);
                lastSegment = line.segment();
            }
        }
        if (!pieces.isEmpty()) {
            chunks.add(new Chunk(text.toString(), pieces));
        }
        return chunks;
    }

    /**
     * Returns up to {@value #CONTEXT} characters of the end of the text before request {@code
     * index}, from a word's start.
     */
    static String previousText(List<Chunk> chunks, int index) {
        if (index == 0) {
            return null;
        }
        String before = chunks.get(index - 1).text();
        if (before.length() <= CONTEXT) {
            return before;
        }
        int from = before.length() - CONTEXT;
        while (from < before.length() && !Character.isWhitespace(before.charAt(from - 1))) {
            from++;
        }
        return blankToNull(before.substring(from));
    }

    /**
     * Returns up to {@value #CONTEXT} characters of the start of the text after request {@code
     * index}, to a word's end.
     */
    static String nextText(List<Chunk> chunks, int index) {
        if (index == chunks.size() - 1) {
            return null;
        }
        String after = chunks.get(index + 1).text();
        if (after.length() <= CONTEXT) {
            return after;
        }
        int to = CONTEXT;
        while (to > 0 && !Character.isWhitespace(after.charAt(to))) {
            to--;
        }
        return blankToNull(after.substring(0, to));
    }

    private static String blankToNull(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** A line's text whole when it fits, else cut at sentences, words, or (a giant word) anywhere. */
    private static List<String> parts(String line, int limit) {
        if (line.length() <= limit) {
            return List.of(line);
        }
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(line);
        List<String> parts = new ArrayList<>();
        int end = trimEnd(line, line.length());
        int at = skipSpace(line, 0);
        while (at < end) {
            if (end - at <= limit) {
                parts.add(line.substring(at, end));
                break;
            }
            int cut = sentences.preceding(at + limit + 1);
            if (cut == BreakIterator.DONE || cut <= at || trimEnd(line, cut) <= at) {
                cut = lastSpace(line, at, at + limit);
            }
            if (cut <= at) {
                cut = at + limit;
                if (Character.isHighSurrogate(line.charAt(cut - 1))) {
                    cut--; // never between the halves of a character
                }
            }
            parts.add(line.substring(at, trimEnd(line, cut)));
            at = skipSpace(line, cut);
        }
        return parts;
    }

    /** The last whitespace in {@code (from, to]}, or -1. */
    private static int lastSpace(String text, int from, int to) {
        for (int i = Math.min(to, text.length() - 1); i > from; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpace(String text, int from) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static int trimEnd(String text, int end) {
        int at = end;
        while (at > 0 && Character.isWhitespace(text.charAt(at - 1))) {
            at--;
        }
        return at;
    }
}
