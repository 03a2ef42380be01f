package io.acog.providers.synthesia;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A video's {@code duration} as Synthesia writes it: a string such as {@code "0:00:59.000000"}
 * (Python's {@code str(timedelta)}: hours, minutes, seconds and microseconds). Read leniently, as
 * the API documents the field only as a string: {@code H:MM:SS[.f]}, {@code MM:SS[.f]}, a number of
 * seconds (as a string or a number), {@code N day(s), H:MM:SS}, or ISO-8601 ({@code PT59S}).
 */
final class VideoDuration {

    private static final Pattern DAYS = Pattern.compile("^(\\d+) days?,\\s*(.*)$");
    private static final Pattern CLOCK = Pattern.compile("^(?:(\\d+):)?(\\d{1,2}):(\\d{1,2}(?:\\.\\d+)?)$");

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private VideoDuration() {}

    /**
     * Reads a duration.
     *
     * @param value the {@code duration} field; null or missing when the video has none
     * @return the duration in milliseconds, rounded to the nearest; -1 when it is missing or cannot
     *     be read
     */
    static long millis(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return -1;
        }
        if (value.isNumber()) {
            return seconds(value.decimalValue());
        }
        return value.isTextual() ? millis(value.asText()) : -1;
    }

    /**
     * Reads a duration written as text.
     *
     * @param text e.g. {@code "0:00:59.000000"}
     * @return the duration in milliseconds; -1 when it cannot be read
     */
    static long millis(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return -1;
        }
        long days = 0;
        Matcher withDays = DAYS.matcher(trimmed);
        if (withDays.matches()) {
            days = Long.parseLong(withDays.group(1));
            trimmed = withDays.group(2);
        }
        Matcher clock = CLOCK.matcher(trimmed);
        if (clock.matches()) {
            long hours = clock.group(1) == null ? 0 : Long.parseLong(clock.group(1));
            long minutes = Long.parseLong(clock.group(2));
            BigDecimal seconds = new BigDecimal(clock.group(3));
            if (seconds.compareTo(SIXTY) >= 0 || clock.group(1) != null && minutes >= 60) {
                return -1; // not a clock reading
            }
            long whole = ((days * 24 + hours) * 60 + minutes) * 60;
            return seconds(seconds.add(BigDecimal.valueOf(whole)));
        }
        if (days > 0) {
            return -1;
        }
        if (trimmed.toUpperCase(Locale.ROOT).startsWith("PT")) {
            try {
                Duration parsed = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
                return parsed.isNegative() ? -1 : parsed.toMillis();
            } catch (DateTimeParseException e) {
                return -1;
            }
        }
        try {
            return seconds(new BigDecimal(trimmed));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long seconds(BigDecimal seconds) {
        if (seconds.signum() < 0) {
            return -1;
        }
        try {
            return seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) { // beyond any video's length
            return -1;
        }
    }
}
