package io.acog.providers.elevenlabs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * The {@code alignment} of a {@code with-timestamps} answer: when each character of the text as
 * sent is spoken, in seconds from the start of that request's audio. ({@code
 * normalized_alignment} times the text as the model read it, numbers spelled out, which no longer
 * matches the script's words.) Immutable.
 */
final class Alignment {

    /** How far ahead a lost match is looked for before a character is taken as replaced. */
    private static final int RESYNC_WINDOW = 8;

    /** The characters, in order; each entry normally one character. */
    private final String[] characters;
    /** When each starts, in seconds. */
    private final double[] starts;
    /** When each ends, in seconds. */
    private final double[] ends;

    private Alignment(String[] characters, double[] starts, double[] ends) {
        this.characters = characters;
        this.starts = starts;
        this.ends = ends;
    }

    /**
     * Returns when entry {@code i} starts.
     *
     * @param i an index from {@link #indexOf}
     * @return seconds from the start of the request's audio
     */
    double start(int i) {
        return starts[i];
    }

    /**
     * Returns when entry {@code i} ends.
     *
     * @param i an index from {@link #indexOf}
     * @return seconds from the start of the request's audio
     */
    double end(int i) {
        return ends[i];
    }

    /**
     * Reads an {@code alignment} object.
     *
     * @param node the object; null or JSON null for none
     * @return the alignment, or null when there is none or its arrays are missing
     */
    static Alignment parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode characters = node.get("characters");
        JsonNode starts = node.get("character_start_times_seconds");
        JsonNode ends = node.get("character_end_times_seconds");
        if (characters == null
                || !characters.isArray()
                || starts == null
                || !starts.isArray()
                || ends == null
                || !ends.isArray()) {
            return null;
        }
        int n = Math.min(characters.size(), Math.min(starts.size(), ends.size()));
        String[] chars = new String[n];
        double[] from = new double[n];
        double[] to = new double[n];
        for (int i = 0; i < n; i++) {
            chars[i] = characters.get(i).asText("");
            from[i] = starts.get(i).asDouble();
            to[i] = Math.max(from[i], ends.get(i).asDouble());
        }
        return new Alignment(chars, from, to);
    }

    /**
     * Returns when the audio's last character ends.
     *
     * @return seconds; 0 when there are no characters
     */
    double lastEnd() {
        double last = 0;
        for (double end : ends) {
            last = Math.max(last, end);
        }
        return last;
    }

    /**
     * Times each character of {@code text}, the text that was sent. The characters ElevenLabs
     * returns are matched to the text one by one; where they differ (a space added or dropped, a
     * character replaced), the match is picked up again a few characters on, so one odd character
     * does not shift every time after it.
     *
     * @param text the request's text
     * @return for each index of {@code text}, the index of its entry in this alignment, or -1 for
     *     none
     */
    int[] indexOf(String text) {
        int[] index = new int[text.length()];
        Arrays.fill(index, -1);
        int i = 0;
        int j = 0;
        while (i < characters.length && j < text.length()) {
            String entry = characters[i];
            if (entry.isEmpty()) {
                i++;
            } else if (text.startsWith(entry, j)) {
                Arrays.fill(index, j, j + entry.length(), i);
                j += entry.length();
                i++;
            } else if (entry.isBlank()) {
                i++;
            } else if (Character.isWhitespace(text.charAt(j))) {
                j++;
            } else {
                int ahead = entryAhead(text, i, j);
                if (ahead > 0) {
                    i = ahead; // entries the text does not have
                } else {
                    int textAhead = text.indexOf(entry, j + 1);
                    if (textAhead > 0 && textAhead - j <= RESYNC_WINDOW) {
                        j = textAhead; // characters the alignment left out
                    } else {
                        index[j] = i; // a character spoken as another
                        int width = Character.charCount(text.codePointAt(j));
                        if (width == 2 && j + 1 < text.length()) {
                            index[j + 1] = i;
                        }
                        j += width;
                        i++;
                    }
                }
            }
        }
        return index;
    }

    private int entryAhead(String text, int i, int j) {
        for (int k = i + 1; k < characters.length && k <= i + RESYNC_WINDOW; k++) {
            if (!characters[k].isEmpty() && !characters[k].isBlank() && text.startsWith(characters[k], j)) {
                return k;
            }
        }
        return -1;
    }
}
