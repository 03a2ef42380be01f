package io.acog.providers.ffmpeg;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Text drawn into a frame with ffmpeg's {@code drawtext}: wrapped to a width, shrunk until it fits
 * a box, each line centred. drawtext neither wraps nor centres lines, so the lines are measured
 * here with the same font file (java.awt reads the TrueType metrics; no display or installed font
 * is needed). Immutable and thread-safe.
 */
final class TextCard {

    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);
    private static final double LINE_HEIGHT = 1.25;
    private static final String ELLIPSIS = "…";

    private final Path fontFile;
    private final Font font;

    private TextCard(Path fontFile, Font font) {
        this.fontFile = fontFile;
        this.font = font;
    }

    /**
     * Reads the font's metrics.
     *
     * @throws IllegalStateException when the file is no TrueType font
     */
    static TextCard of(Path fontFile) {
        try {
            return new TextCard(fontFile, Font.createFont(Font.TRUETYPE_FONT, fontFile.toFile()));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException(
                    fontFile + " is not a TrueType font ACOG can draw text with: " + e.getMessage(), e);
        }
    }

    /** The font's family name, as libass selects it: e.g. {@code DejaVu Sans}. */
    String family() {
        return font.getFamily();
    }

    Path fontFile() {
        return fontFile;
    }

    /**
     * Lines of {@code text} at a size from {@code maxSize} down to {@code minSize}: the largest at
     * which the wrapped text fits {@code width} × {@code height}; at {@code minSize} what does not fit
     * ends in an ellipsis.
     */
    Layout layout(String text, int width, int height, int maxSize, int minSize) {
        String words = text.strip().replaceAll("\\s+", " ");
        if (words.isEmpty()) {
            return new Layout(List.of(), maxSize);
        }
        for (int size = maxSize; size > minSize; size = Math.max(minSize, (int) (size * 0.9))) {
            List<String> lines = wrap(words, size, width);
            if (lines.size() * lineHeight(size) <= height) {
                return new Layout(lines, size);
            }
        }
        List<String> lines = wrap(words, minSize, width);
        int fitting = Math.max(1, (int) (height / lineHeight(minSize)));
        if (lines.size() > fitting) {
            lines = new ArrayList<>(lines.subList(0, fitting));
            lines.set(fitting - 1, ellipsize(lines.get(fitting - 1), minSize, width));
        }
        return new Layout(lines, minSize);
    }

    /**
     * drawtext filters (joined by commas) that draw {@code layout} centred across a frame {@code
     * frameWidth} wide, its block of lines centred on {@code centerY}, with a dark outline.
     */
    String draw(Layout layout, ChannelStyle.Rgb color, int frameWidth, int centerY) {
        List<String> filters = new ArrayList<>();
        int top = centerY - layout.height() / 2;
        long border = Math.max(1, Math.round(layout.fontSize() * 0.05));
        int lineHeight = lineHeight(layout.fontSize());
        for (int i = 0; i < layout.lines().size(); i++) {
            filters.add("drawtext=fontfile=" + FilterText.value(fontFile) + ":expansion=none:text="
                    + FilterText.value(layout.lines().get(i)) + ":fontsize=" + layout.fontSize() + ":fontcolor="
                    + color.ffmpeg() + ":borderw=" + border + ":bordercolor=black@0.6:x="
                    + FilterText.value("(w-text_w)/2") + ":y="
                    + (top + i * lineHeight + (lineHeight - layout.fontSize()) / 2));
        }
        return String.join(",", filters);
    }

    private List<String> wrap(String words, int size, int width) {
        Font sized = font.deriveFont((float) size);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : words.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (fits(sized, candidate, width)) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // a word wider than the line is broken where it must be
            String rest = word;
            while (!fits(sized, rest, width) && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && !fits(sized, rest.substring(0, cut), width)) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private String ellipsize(String line, int size, int width) {
        Font sized = font.deriveFont((float) size);
        String shortened = line;
        while (!shortened.isEmpty() && !fits(sized, shortened + ELLIPSIS, width)) {
            shortened = shortened.substring(0, shortened.length() - 1);
        }
        return shortened.strip() + ELLIPSIS;
    }

    private static boolean fits(Font sized, String text, int width) {
        return sized.getStringBounds(text, MEASURE).getWidth() <= width;
    }

    private static int lineHeight(int fontSize) {
        return (int) Math.round(fontSize * LINE_HEIGHT);
    }

    /**
     * Text broken into lines, at a font size.
     *
     * @param lines the lines, top to bottom; none for no text
     * @param fontSize the letters' size in pixels
     */
    record Layout(List<String> lines, int fontSize) {

        /** The block's height in pixels. */
        int height() {
            return lines.size() * lineHeight(fontSize);
        }
    }
}
