package io.acog.providers.pexels;

import io.acog.spi.OutputFormat;
import java.util.Locale;

/** A frame's orientation, as Pexels' search filters by it ({@code orientation=}). */
enum Orientation {
    /** Wider than tall: a YouTube video. */
    LANDSCAPE,
    /** Taller than wide: a Short. */
    PORTRAIT,
    /** As wide as tall. */
    SQUARE;

    /**
     * Returns the orientation of the episode's frame.
     *
     * @param format the output format
     * @return its orientation
     */
    static Orientation of(OutputFormat format) {
        if (format.width() == format.height()) {
            return SQUARE;
        }
        return format.portrait() ? PORTRAIT : LANDSCAPE;
    }

    /**
     * Tells whether a frame of {@code width}×{@code height} has this orientation. Any frame serves a
     * square output: the assembler crops it to fill the frame.
     *
     * @param width the frame's width, more than 0
     * @param height the frame's height, more than 0
     * @return whether it fits
     */
    boolean fits(int width, int height) {
        return switch (this) {
            case LANDSCAPE -> width > height;
            case PORTRAIT -> height > width;
            case SQUARE -> true;
        };
    }

    /**
     * Returns the value of Pexels' {@code orientation} parameter.
     *
     * @return {@code landscape}, {@code portrait} or {@code square}
     */
    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
