package io.acog.providers.ffmpeg;

import io.acog.spi.ChannelBrief;
import io.acog.spi.ProviderException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a channel's videos look, from the {@code style_guide} keys the assembler reads (listed in
 * {@link FfmpegAssembler}): colours of still cards, thumbnails and captions, the captions' size, the
 * music's level.
 *
 * @param background still cards' background
 * @param text still cards' and the thumbnail's text
 * @param accent the bar under a still card's or thumbnail's text
 * @param caption the captions' letters
 * @param captionOutline the outline around the captions' letters
 * @param captionSizePercent the captions' letter height, in percent of the frame's shorter side
 * @param musicVolume the music's level under the voice, from 0 to 1
 */
record ChannelStyle(
        Rgb background,
        Rgb text,
        Rgb accent,
        Rgb caption,
        Rgb captionOutline,
        double captionSizePercent,
        double musicVolume) {

    static final String BACKGROUND_COLOR = "background_color";
    static final String TEXT_COLOR = "text_color";
    static final String ACCENT_COLOR = "accent_color";
    static final String CAPTION_COLOR = "caption_color";
    static final String CAPTION_OUTLINE_COLOR = "caption_outline_color";
    static final String CAPTION_SIZE = "caption_size";
    static final String MUSIC_VOLUME = "music_volume";

    static final ChannelStyle DEFAULT = new ChannelStyle(
            Rgb.parse("#101820"),
            Rgb.parse("#FFFFFF"),
            Rgb.parse("#FFB000"),
            Rgb.parse("#FFFFFF"),
            Rgb.parse("#000000"),
            5.5,
            0.2);

    /**
     * Reads the channel's style guide; a key it lacks keeps its default.
     *
     * @throws ProviderException (permanent, invalid request) naming the key and value that is no
     *     colour or out of range
     */
    static ChannelStyle of(ChannelBrief channel) {
        Map<String, Object> guide = channel == null ? Map.of() : channel.styleGuide();
        return new ChannelStyle(
                color(guide, BACKGROUND_COLOR, DEFAULT.background),
                color(guide, TEXT_COLOR, DEFAULT.text),
                color(guide, ACCENT_COLOR, DEFAULT.accent),
                color(guide, CAPTION_COLOR, DEFAULT.caption),
                color(guide, CAPTION_OUTLINE_COLOR, DEFAULT.captionOutline),
                number(guide, CAPTION_SIZE, DEFAULT.captionSizePercent, 2, 15),
                number(guide, MUSIC_VOLUME, DEFAULT.musicVolume, 0, 1));
    }

    private static Rgb color(Map<String, Object> guide, String key, Rgb fallback) {
        Object value = guide.get(key);
        if (value == null) {
            return fallback;
        }
        Rgb parsed = Rgb.tryParse(value.toString());
        if (parsed == null) {
            throw invalid(key, value, "a colour such as \"#FFB000\"");
        }
        return parsed;
    }

    private static double number(Map<String, Object> guide, String key, double fallback, double min, double max) {
        Object value = guide.get(key);
        if (value == null) {
            return fallback;
        }
        double number;
        try {
            number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            number = Double.NaN;
        }
        if (!(number >= min && number <= max)) {
            throw invalid(key, value, "a number from " + FilterText.number(min) + " to " + FilterText.number(max));
        }
        return number;
    }

    private static ProviderException invalid(String key, Object value, String expected) {
        return ProviderException.permanent(
                "ffmpeg",
                ProviderException.Reason.INVALID_REQUEST,
                "style_guide." + key + " is '" + value + "'; it must be " + expected);
    }

    /**
     * A colour without transparency.
     *
     * @param red from 0 to 255
     * @param green from 0 to 255
     * @param blue from 0 to 255
     */
    record Rgb(int red, int green, int blue) {

        private static final Pattern HEX = Pattern.compile("(?:#|0x)?([0-9a-f]{6}|[0-9a-f]{3})");

        /** Parses {@code #RRGGBB}, {@code #RGB} or {@code 0xRRGGBB}; null when it is none. */
        static Rgb tryParse(String text) {
            Matcher hex = HEX.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (!hex.matches()) {
                return null;
            }
            String digits = hex.group(1);
            if (digits.length() == 3) {
                digits = digits.replaceAll("(.)", "$1$1");
            }
            int rgb = Integer.parseInt(digits, 16);
            return new Rgb(rgb >> 16, (rgb >> 8) & 0xFF, rgb & 0xFF);
        }

        static Rgb parse(String text) {
            Rgb rgb = tryParse(text);
            if (rgb == null) {
                throw new IllegalArgumentException("not a colour: " + text);
            }
            return rgb;
        }

        /** As ffmpeg's colour options take it: {@code 0xRRGGBB}. */
        String ffmpeg() {
            return String.format(Locale.ROOT, "0x%02X%02X%02X", red, green, blue);
        }

        /** As ffmpeg's colour options take it, with opacity from 0 to 1: {@code 0xRRGGBB@0.5}. */
        String ffmpeg(double opacity) {
            return ffmpeg() + "@" + FilterText.number(opacity);
        }

        /** As an ASS subtitle style takes it, opaque: {@code &H00BBGGRR}. */
        String ass() {
            return String.format(Locale.ROOT, "&H00%02X%02X%02X", blue, green, red);
        }
    }
}
