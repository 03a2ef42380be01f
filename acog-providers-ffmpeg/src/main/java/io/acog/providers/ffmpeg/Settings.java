package io.acog.providers.ffmpeg;

import io.acog.spi.ProviderConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The assembler's settings (listed in {@link FfmpegAssembler}), read and checked once.
 *
 * @param preset libx264's preset
 * @param crf libx264's constant rate factor
 * @param timeout how long one ffmpeg run may take
 * @param tempDirectory where each assembly's temporary directory goes
 */
record Settings(String preset, int crf, Duration timeout, Path tempDirectory) {

    static final String PRESET = "ffmpeg.preset";
    static final String CRF = "ffmpeg.crf";
    static final String TIMEOUT = "ffmpeg.timeout";
    static final String TEMP_DIR = "ffmpeg.temp-dir";

    private static final Set<String> PRESETS = Set.of(
            "ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo");

    /**
     * Reads the settings, each defaulted when missing.
     *
     * @throws IllegalStateException naming the setting whose value is out of range
     */
    static Settings of(ProviderConfig config) {
        String preset = config.get(PRESET).map(String::strip).orElse("veryfast");
        if (!PRESETS.contains(preset)) {
            throw new IllegalStateException(PRESET + " is '" + preset + "'; it must be one of libx264's presets, e.g."
                    + " ultrafast, veryfast (the default), medium or slow");
        }
        int crf = config.get(CRF).map(value -> parseCrf(value.strip())).orElse(20);
        Duration timeout =
                config.get(TIMEOUT).map(value -> parseTimeout(value.strip())).orElse(Duration.ofMinutes(30));
        Path temp = config.get(TEMP_DIR).map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir")));
        return new Settings(preset, crf, timeout, temp);
    }

    private static int parseCrf(String value) {
        Optional<Integer> crf;
        try {
            crf = Optional.of(Integer.parseInt(value)).filter(number -> number >= 0 && number <= 51);
        } catch (NumberFormatException e) {
            crf = Optional.empty();
        }
        return crf.orElseThrow(() -> new IllegalStateException(CRF + " is '" + value
                + "'; it must be a whole number from 0 (lossless) to 51, e.g. 20 (the default); lower is better"
                + " and bigger"));
    }

    /** {@code PT45M} (ISO-8601) or a number of seconds. */
    private static Duration parseTimeout(String value) {
        Duration timeout;
        try {
            timeout = value.toUpperCase(Locale.ROOT).startsWith("P")
                    ? Duration.parse(value)
                    : Duration.ofSeconds(Long.parseLong(value));
        } catch (DateTimeParseException | NumberFormatException e) {
            timeout = Duration.ZERO;
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalStateException(TIMEOUT + " is '" + value
                    + "'; it must be a positive duration, in seconds (1800) or ISO-8601 (PT30M, the default)");
        }
        return timeout;
    }
}
