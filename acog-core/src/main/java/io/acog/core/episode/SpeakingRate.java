package io.acog.core.episode;

import io.acog.core.channel.StyleGuide;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How fast a channel's scripts are spoken, for duration estimates: {@code words_per_minute} from
 * the style guide when it has one, else by its {@code pacing}: slow 120, measured 140, moderate or
 * conversational 150, brisk 165, fast 175; anything else 150.
 */
public final class SpeakingRate {

    /** The rate when the style guide says nothing usable. */
    public static final int DEFAULT_WORDS_PER_MINUTE = 150;

    private static final Map<String, Integer> BY_PACING = Map.of(
            "slow", 120,
            "measured", 140,
            "moderate", 150,
            "conversational", 150,
            "brisk", 165,
            "fast", 175);

    private SpeakingRate() {}

    /**
     * Returns the channel's speaking rate: {@code words_per_minute} from the style guide's extra
     * keys when it is a positive number, else the rate of its {@code pacing}.
     *
     * @param style the channel's style guide; null for the default
     * @return words per minute, at least 1
     */
    public static int wordsPerMinute(StyleGuide style) {
        if (style == null) {
            return DEFAULT_WORDS_PER_MINUTE;
        }
        Object explicit = style.extra().get("words_per_minute");
        if (explicit instanceof Number number && number.intValue() > 0) {
            return number.intValue();
        }
        if (style.pacing() == null) {
            return DEFAULT_WORDS_PER_MINUTE;
        }
        return BY_PACING.getOrDefault(style.pacing().toLowerCase(Locale.ROOT).strip(), DEFAULT_WORDS_PER_MINUTE);
    }

    /**
     * Estimates how long {@code words} take to speak at {@code wordsPerMinute}, to the second.
     *
     * @param words the spoken words
     * @param wordsPerMinute the speaking rate, above 0
     * @return the estimated duration
     */
    public static Duration estimate(int words, int wordsPerMinute) {
        return Duration.ofSeconds(Math.round(words * 60.0 / wordsPerMinute));
    }
}
