package io.acog.providers.ffmpeg;

import io.acog.spi.OutputFormat;
import io.acog.spi.Timeline;
import java.util.List;
import java.util.Locale;

/**
 * The timeline's captions as files: SRT for the platform (times to the millisecond), and ASS for
 * burning them in with libass, in the channel's style and in pixels of the output frame.
 */
final class Captions {

    private Captions() {}

    /** SubRip: numbered cues from 1, {@code HH:MM:SS,mmm --> HH:MM:SS,mmm}, a blank line after each. */
    static String srt(List<Timeline.Caption> captions) {
        StringBuilder srt = new StringBuilder();
        int number = 1;
        for (Timeline.Caption caption : captions) {
            srt.append(number++)
                    .append('\n')
                    .append(srtTime(caption.startMs()))
                    .append(" --> ")
                    .append(srtTime(caption.endMs()))
                    .append('\n')
                    .append(caption.text().strip())
                    .append("\n\n");
        }
        return srt.toString();
    }

    /** {@code 3723004} ms is {@code 01:02:03,004}. */
    static String srtTime(long ms) {
        return String.format(
                Locale.ROOT, "%02d:%02d:%02d,%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    /**
     * An ASS script drawing {@code captions} on a frame of {@code format}: letters {@link
     * ChannelStyle#captionSizePercent()} of the shorter side high, outlined, centred at the
     * bottom — higher in a portrait frame, clear of the Shorts player's buttons and title.
     */
    static String ass(List<Timeline.Caption> captions, OutputFormat format, ChannelStyle style, String fontFamily) {
        int shorter = Math.min(format.width(), format.height());
        long fontSize = Math.round(shorter * style.captionSizePercent() / 100);
        long outline = Math.max(1, Math.round(fontSize * 0.08));
        long marginV = Math.round(format.height() * (format.portrait() ? 0.22 : 0.07));
        long marginH = Math.round(format.width() * 0.06);
        StringBuilder ass = new StringBuilder();
        ass.append("[Script Info]\nScriptType: v4.00+\n")
                .append("PlayResX: ")
                .append(format.width())
                .append("\nPlayResY: ")
                .append(format.height())
                .append("\nWrapStyle: 0\nScaledBorderAndShadow: yes\n\n");
        ass.append("[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour,"
                        + " BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle,"
                        + " BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n")
                .append(String.format(
                        Locale.ROOT,
                        "Style: Caption,%s,%d,%s,%s,%s,&H80000000,0,0,0,0,100,100,0,0,1,%d,0,2,%d,%d,%d,1%n%n",
                        fontFamily.replace(",", " "),
                        fontSize,
                        style.caption().ass(),
                        style.caption().ass(),
                        style.captionOutline().ass(),
                        outline,
                        marginH,
                        marginH,
                        marginV));
        ass.append("[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n");
        for (Timeline.Caption caption : captions) {
            ass.append("Dialogue: 0,")
                    .append(assTime(caption.startMs()))
                    .append(',')
                    .append(assTime(caption.endMs()))
                    .append(",Caption,,0,0,0,,")
                    .append(assText(caption.text()))
                    .append('\n');
        }
        return ass.toString();
    }

    /** ASS times are in centiseconds: {@code 3723004} ms is {@code 1:02:03.00}. */
    private static String assTime(long ms) {
        long cs = (ms + 5) / 10;
        return String.format(Locale.ROOT, "%d:%02d:%02d.%02d", cs / 360_000, cs / 6000 % 60, cs / 100 % 60, cs % 100);
    }

    /**
     * Caption words as ASS shows them literally: braces would open an override block, a backslash
     * an escape ({@code \N}); a word joiner after a backslash keeps it a backslash.
     */
    private static String assText(String text) {
        return text.strip()
                .replace("\\", "\\\u2060")
                .replace("{", "\\{")
                .replace("}", "\\}")
                .replaceAll("\\R", "\\\\N");
    }
}
