package io.acog.core.episode;

import io.acog.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a script written with the seed's markers into {@link ScriptSegment}s:
 *
 * <pre>
 * [AVATAR] What if time itself could stop?
 * [BROLL:a star falling into a black hole] Near a black hole, it nearly does.
 * [VOICEOVER] Here is why.
 * </pre>
 *
 * <p>Every segment starts with a marker: {@code [AVATAR]}, {@code [VOICEOVER]} or
 * {@code [BROLL:description]}; markers may start anywhere on a line. A bracket opens a marker when
 * it holds an upper-case word closed by {@code ]} or {@code :}, or a marker's name in any case
 * followed by anything but a letter ({@code [BROLL nebula]}, {@code [AVATAR} at the end of a
 * line): such a bracket is never read as spoken text. Other brackets ({@code [1]}, {@code [sic]},
 * {@code [NASA data]}) are ordinary text. Refused, with line and column: text before the first
 * marker, an unknown or lower-case marker, a marker's name written wrong ({@code [BROLL nebula]},
 * {@code [AVATAR smiling]}), a marker not closed on its line, {@code [BROLL]} without a
 * description, a description on {@code [AVATAR]} or {@code [VOICEOVER]}, and an avatar or
 * voice-over segment with nothing to say.
 *
 * <p>Thread-safe: stateless.
 */
public final class ScriptParser {

    private ScriptParser() {}

    /**
     * Parses a script into its segments.
     *
     * @param script the script text with its markers
     * @return the parsed script
     * @throws ValidationException (entity {@code episode}, field {@code script}) naming the line
     *     and column of the first problem; also for a null or blank script
     */
    public static Script parse(String script) {
        if (script == null || script.isBlank()) {
            throw error(
                    1,
                    1,
                    "is empty: a script needs at least one [AVATAR], [VOICEOVER] or" + " [BROLL:description] segment");
        }
        List<ScriptSegment> segments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        SegmentKind kind = null;
        String description = null;
        int segmentLine = 0;
        int segmentColumn = 0;
        int line = 1;
        int column = 1;
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '[' && startsMarker(script, i)) {
                int close = markerEnd(script, i, line, column);
                String body = script.substring(i + 1, close);
                SegmentKind next = kindOf(body, line, column);
                String nextDescription = descriptionOf(next, body, line, column);
                if (kind != null) {
                    segments.add(segment(kind, text, description, segmentLine, segmentColumn));
                } else if (!text.toString().isBlank()) {
                    int[] at = firstText(script);
                    throw error(
                            at[0],
                            at[1],
                            "has text before its first marker:"
                                    + " every part of a script starts with [AVATAR], [VOICEOVER] or"
                                    + " [BROLL:description]");
                }
                text.setLength(0);
                kind = next;
                description = nextDescription;
                segmentLine = line;
                segmentColumn = column;
                column += close + 1 - i;
                i = close + 1;
                continue;
            }
            text.append(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i++;
        }
        if (kind == null) {
            int[] at = firstText(script);
            throw error(
                    at[0],
                    at[1],
                    "has no marker: every part of a script starts"
                            + " with [AVATAR], [VOICEOVER] or [BROLL:description]");
        }
        segments.add(segment(kind, text, description, segmentLine, segmentColumn));
        return new Script(segments);
    }

    /**
     * A '[' opens a marker when an upper-case word, or a marker's name in any case, follows and
     * then ']' or ':' — or when a marker's name follows and then anything but a letter: a marker
     * written wrong ({@code [BROLL nebula]}, {@code [AVATAR}) is refused, never spoken.
     */
    private static boolean startsMarker(String script, int at) {
        int j = wordEnd(script, at + 1);
        if (j == at + 1) {
            return false;
        }
        String word = script.substring(at + 1, j);
        boolean known = isKnown(word.toUpperCase(Locale.ROOT));
        if (j >= script.length()) {
            return known;
        }
        char after = script.charAt(j);
        boolean upper = word.equals(word.toUpperCase(Locale.ROOT));
        return known || ((after == ']' || after == ':') && upper);
    }

    /** Where the word (letters and underscores) that starts at {@code from} ends. */
    private static int wordEnd(String text, int from) {
        int j = from;
        while (j < text.length() && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
        }
        return j;
    }

    private static int markerEnd(String script, int at, int line, int column) {
        for (int j = at + 1; j < script.length(); j++) {
            char c = script.charAt(j);
            if (c == ']') {
                return j;
            }
            if (c == '\n' || c == '[') {
                break;
            }
        }
        int end = script.indexOf('\n', at);
        String shown = script.substring(at, end < 0 ? script.length() : end);
        throw error(line, column, "has a marker that is not closed on its line: " + shown);
    }

    private static SegmentKind kindOf(String body, int line, int column) {
        String name = body.contains(":") ? body.substring(0, body.indexOf(':')) : body;
        String upper = name.toUpperCase(Locale.ROOT);
        if (!isKnown(upper)) {
            String word = body.substring(0, wordEnd(body, 0)).toUpperCase(Locale.ROOT);
            if (isKnown(word)) {
                throw error(line, column, writtenWrong(body, SegmentKind.valueOf(word)));
            }
            throw error(
                    line,
                    column,
                    "has an unknown marker [" + body + "]; the markers are"
                            + " [AVATAR], [VOICEOVER] and [BROLL:description]");
        }
        if (!name.equals(upper)) {
            throw error(
                    line,
                    column,
                    "has the marker [" + body + "] in lower case; write [" + upper
                            + (body.contains(":") ? body.substring(body.indexOf(':')) : "") + "]");
        }
        return SegmentKind.valueOf(upper);
    }

    /** For a marker's name followed by something other than ']' or ':', what to write instead. */
    private static String writtenWrong(String body, SegmentKind kind) {
        String problem = "has the marker [" + body + "] written wrong: ";
        if (kind != SegmentKind.BROLL) {
            return problem + "write " + kind.marker() + ", which takes no description";
        }
        String rest = body.substring(kind.name().length());
        int start = 0;
        while (start < rest.length() && !Character.isLetterOrDigit(rest.charAt(start))) {
            start++;
        }
        String description = rest.substring(start).strip();
        return problem + "a b-roll marker is [BROLL:description], e.g. [BROLL:"
                + (description.isEmpty() ? "what the clip shows" : description) + "]";
    }

    private static String descriptionOf(SegmentKind kind, String body, int line, int column) {
        int colon = body.indexOf(':');
        if (kind == SegmentKind.BROLL) {
            String description = colon < 0 ? "" : body.substring(colon + 1).strip();
            if (description.isEmpty()) {
                throw error(
                        line,
                        column,
                        "has [" + body + "] without a description; write" + " [BROLL:what the clip shows]");
            }
            return description;
        }
        if (colon >= 0) {
            throw error(line, column, "has [" + body + "], but " + kind.marker() + " takes no description");
        }
        return null;
    }

    private static ScriptSegment segment(
            SegmentKind kind, StringBuilder text, String description, int line, int column) {
        String spoken = text.toString().strip();
        if (spoken.isEmpty() && kind != SegmentKind.BROLL) {
            throw error(line, column, "has an empty " + kind.marker() + " segment: it needs words" + " to speak");
        }
        return new ScriptSegment(kind, spoken, description, line, column);
    }

    private static boolean isKnown(String name) {
        for (SegmentKind kind : SegmentKind.values()) {
            if (kind.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Line and column of the first character that is not white space. */
    private static int[] firstText(String script) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (Character.isWhitespace(c)) {
                column++;
            } else {
                break;
            }
        }
        return new int[] {line, column};
    }

    private static ValidationException error(int line, int column, String problem) {
        return new ValidationException("episode", "script", "at line " + line + ", column " + column + " " + problem);
    }
}
