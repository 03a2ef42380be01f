package io.acog.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A script's segments, as the script schema has the model write them, rendered as the marker text
 * ACOG reads: one segment a line, {@code [AVATAR] text}, {@code [VOICEOVER] text}, {@code
 * [BROLL:description] text}. ACOG's script parser reads a bracket holding an upper-case word as a
 * marker, so brackets in the model's words become parentheses; a description loses its line breaks
 * too, since a marker must close on its line.
 */
final class ScriptText {

    private ScriptText() {}

    /**
     * Renders the segments.
     *
     * @param segments the answer's {@code segments}, already checked against the schema
     * @return the script's text, a line per segment
     * @throws IllegalArgumentException saying what is wrong: no segment with words to speak, an
     *     avatar or voice-over segment without words, a b-roll segment without a description
     */
    static String render(JsonNode segments) {
        List<String> lines = new ArrayList<>(segments.size());
        boolean spoken = false;
        for (int i = 0; i < segments.size(); i++) {
            JsonNode segment = segments.get(i);
            String kind = segment.path("kind").asText();
            String text = clean(segment.path("text").asText(""));
            spoken |= !text.isEmpty();
            if (kind.equals("BROLL")) {
                String description = segment.path("description").isTextual()
                        ? clean(segment.path("description").asText())
                        : "";
                if (description.isEmpty()) {
                    throw new IllegalArgumentException(
                            "segments[" + i + "] is BROLL without a description of its" + " clip");
                }
                lines.add(("[BROLL:" + description + "] " + text).strip());
            } else {
                if (text.isEmpty()) {
                    throw new IllegalArgumentException("segments[" + i + "] is " + kind + " with no words to speak");
                }
                // a description on a segment that shows no clip has nowhere to go: it is dropped
                lines.add("[" + kind + "] " + text);
            }
        }
        if (!spoken) {
            throw new IllegalArgumentException(
                    segments.isEmpty() ? "it has no segments" : "none of its segments has words to speak");
        }
        return String.join("\n", lines);
    }

    /** One line with no brackets: nothing in it can open or close a marker. */
    private static String clean(String text) {
        return text.replace('[', '(').replace(']', ')').replaceAll("\\s+", " ").strip();
    }
}
