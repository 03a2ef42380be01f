package io.acog.providers.runway;

import io.acog.spi.ChannelBrief;
import java.util.Map;

/**
 * The {@code promptText} of a clip: the {@code [BROLL:…]} marker's description, followed by the
 * channel's visual style when both fit Runway's limit of 1,000 UTF-16 code units. The style is the
 * channel's {@code style_guide.visual_style} (a key a host may add for its b-roll, e.g. {@code
 * "warm film look, shallow depth of field"}), else its {@code style_guide.tone} (e.g. {@code
 * educational_entertaining}, underscores read as spaces). The description comes first and wins:
 * a style that does not fit is left out, and a description longer than the limit is cut at the
 * last whole word that fits, never inside a character.
 */
final class ClipPrompt {

    /** Runway's limit on {@code promptText}, in UTF-16 code units (Java {@code char}s). */
    static final int MAX_UNITS = 1_000;

    /** The channel's own words for how its b-roll should look. */
    static final String VISUAL_STYLE = "visual_style";

    /** The channel's tone, used when it names no visual style. */
    static final String TONE = "tone";

    private ClipPrompt() {}

    /**
     * Returns the prompt of a clip.
     *
     * @param description the marker's description, not blank
     * @param channel the channel, for its style; null for none
     * @return the prompt, at most {@link #MAX_UNITS} code units
     */
    static String of(String description, ChannelBrief channel) {
        String text = description.strip().replaceAll("\\s+", " ");
        String style = style(channel);
        if (style != null) {
            String styled = text + (endsSentence(text) ? " " : ". ") + "Style: " + style + ".";
            if (styled.length() <= MAX_UNITS) {
                return styled;
            }
        }
        return cut(text);
    }

    /** The channel's style, one line; null when it names none. */
    private static String style(ChannelBrief channel) {
        if (channel == null) {
            return null;
        }
        Map<String, Object> guide = channel.styleGuide();
        String style = words(guide.get(VISUAL_STYLE));
        if (style == null) {
            String tone = words(guide.get(TONE));
            style = tone == null ? null : tone.replace('_', ' ');
        }
        return style;
    }

    private static String words(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private static boolean endsSentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?");
    }

    /** The text, cut to the limit at a word's end (or, for one very long word, before a whole character). */
    static String cut(String text) {
        if (text.length() <= MAX_UNITS) {
            return text;
        }
        int end = MAX_UNITS;
        if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a character written as two code units
        }
        int space = text.lastIndexOf(' ', end);
        if (space > 0 && !Character.isWhitespace(text.charAt(end))) {
            end = space;
        }
        return text.substring(0, end).stripTrailing();
    }
}
