package io.acog.spi;

/**
 * The frame of an episode's video: its size and frame rate. Landscape 1920×1080 for YouTube
 * videos, portrait 1080×1920 for Shorts; a channel chooses with {@code platform_config.format}
 * ({@code "landscape"}, the default, or {@code "shorts"}). Renders and clips are asked for in its
 * {@linkplain #aspectRatio() aspect ratio}; the assembler scales what it gets to fill the frame.
 *
 * @param width the width in pixels, even
 * @param height the height in pixels, even
 * @param fps frames per second
 */
public record OutputFormat(int width, int height, int fps) {

    /** 1920×1080 at 30 frames per second: a YouTube video. */
    public static final OutputFormat LANDSCAPE = new OutputFormat(1920, 1080, 30);

    /** 1080×1920 at 30 frames per second: a YouTube Short. */
    public static final OutputFormat PORTRAIT = new OutputFormat(1080, 1920, 30);

    /**
     * Creates a format.
     *
     * @param width the width in pixels, even, from 16 to 7680
     * @param height the height in pixels, even, from 16 to 7680
     * @param fps frames per second, from 1 to 120
     * @throws IllegalArgumentException when a value is out of range or odd, naming it
     */
    public OutputFormat {
        requireSide("width", width);
        requireSide("height", height);
        if (fps < 1 || fps > 120) {
            throw new IllegalArgumentException("fps is " + fps + "; it must be from 1 to 120");
        }
    }

    /**
     * Tells whether the frame is taller than wide (a Short).
     *
     * @return whether height exceeds width
     */
    public boolean portrait() {
        return height > width;
    }

    /**
     * Returns the aspect ratio in lowest terms, as providers name it, e.g. {@code "16:9"}.
     *
     * @return the ratio, width first
     */
    public String aspectRatio() {
        int divisor = gcd(width, height);
        return width / divisor + ":" + height / divisor;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static void requireSide(String name, int value) {
        if (value < 16 || value > 7680 || value % 2 != 0) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be even and from 16 to 7680");
        }
    }
}
