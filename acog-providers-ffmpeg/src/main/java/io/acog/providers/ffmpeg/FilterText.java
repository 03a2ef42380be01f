package io.acog.providers.ffmpeg;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Values written into an ffmpeg filter graph. A value there is read twice — once by the graph's
 * parser (which ends a filter's arguments at {@code [ ] , ;}), then by the filter's own option
 * parser (which ends a value at {@code :}) — and each reading drops one level of backslashes and
 * quotes; so a path or a caption is escaped for both, inside out.
 */
final class FilterText {

    private FilterText() {}

    /** {@code raw} as one option value of a filter in a graph, whatever characters it holds. */
    static String value(String raw) {
        String option = backslashBefore(raw, "\\':");
        return backslashBefore(option, "\\'[],;");
    }

    /** A path as one option value. */
    static String value(Path path) {
        return value(path.toAbsolutePath().toString());
    }

    /** Seconds with microsecond precision, the unit of ffmpeg's durations: {@code 1.233333}. */
    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.6f", seconds);
    }

    /** Milliseconds as seconds for ffmpeg: {@code 1234} is {@code 1.234}. */
    static String millis(long millis) {
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }

    /** A number for an expression, without exponent or locale: {@code 0.0625}. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.6f", value).replaceAll("\\.?0+$", "");
    }

    private static String backslashBefore(String text, String specials) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (specials.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
