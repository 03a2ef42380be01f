package io.acog.core.internal.store;

import io.acog.core.ValidationException;
import io.acog.core.channel.Channel;
import io.acog.core.channel.PlatformConfig;
import io.acog.core.channel.StyleGuide;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The channel settings ACOG itself acts on, and what each may hold: checked when a channel is
 * created or changed, and again when an episode starts (a channel written around ACOG, straight
 * into the table, is caught there before any provider is paid).
 */
public final class ChannelRules {

    /** {@code platform_config.script_review}: who approves scripts. */
    public static final List<String> SCRIPT_REVIEWS = List.of("auto", "manual");
    /** {@code platform_config.default_privacy}: how an upload is first shown. */
    public static final List<String> PRIVACIES = List.of("private", "unlisted", "public");
    /** {@code platform_config.format}: the frame of the channel's videos. */
    public static final List<String> FORMATS = List.of("landscape", "shorts");
    /** {@code style_guide.words_per_minute}: the speaking rates ACOG plans b-roll for. */
    public static final int FEWEST_WORDS_PER_MINUTE = 60;

    public static final int MOST_WORDS_PER_MINUTE = 400;

    private ChannelRules() {}

    /** Checks every setting of the channel that ACOG acts on. */
    public static void check(Channel channel) {
        styleGuide(channel.styleGuide());
        platformConfig(channel.platformConfig());
    }

    /** @throws ValidationException naming the first setting ACOG cannot act on, and what is allowed */
    public static void styleGuide(StyleGuide style) {
        if (style == null) {
            return;
        }
        Object rate = style.extra().get("words_per_minute");
        if (rate != null) {
            boolean whole = rate instanceof Number number
                    && Double.isFinite(number.doubleValue())
                    && new BigDecimal(number.toString()).stripTrailingZeros().scale() <= 0;
            long value = rate instanceof Number number ? number.longValue() : -1;
            if (!whole || value < FEWEST_WORDS_PER_MINUTE || value > MOST_WORDS_PER_MINUTE) {
                throw new ValidationException(
                        ChannelStore.ENTITY,
                        "style_guide.words_per_minute",
                        "is " + show(rate) + "; it must be a whole number from " + FEWEST_WORDS_PER_MINUTE + " to "
                                + MOST_WORDS_PER_MINUTE + ", or absent (the pacing then decides)");
            }
        }
        yesOrNo("style_guide.captions", style.extra().get("captions"), "(on for Shorts, off otherwise)");
    }

    /** @throws ValidationException naming the first setting ACOG cannot act on, and what is allowed */
    public static void platformConfig(PlatformConfig config) {
        if (config == null) {
            return;
        }
        oneOf("platform_config.script_review", config.scriptReview(), SCRIPT_REVIEWS);
        oneOf("platform_config.default_privacy", config.defaultPrivacy(), PRIVACIES);
        Object format = config.extra().get("format");
        if (format != null && !(format instanceof String)) {
            throw new ValidationException(
                    ChannelStore.ENTITY,
                    "platform_config.format",
                    "is " + show(format) + "; it must be 'landscape' or 'shorts', or absent for 'landscape'");
        }
        oneOf("platform_config.format", (String) format, FORMATS);
        yesOrNo("platform_config.made_for_kids", config.extra().get("made_for_kids"), "(not made for kids)");
        BigDecimal budget = config.monthlyBudgetUsd();
        if (budget != null && budget.signum() < 0) {
            throw new ValidationException(
                    ChannelStore.ENTITY,
                    "platform_config.monthly_budget_usd",
                    "is " + budget.toPlainString() + "; it must be 0 or more, or absent for no limit");
        }
    }

    private static void oneOf(String field, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value.toLowerCase(Locale.ROOT))) {
            throw new ValidationException(
                    ChannelStore.ENTITY,
                    field,
                    "is " + show(value) + ", which ACOG does not understand; it must be one of "
                            + String.join(
                                    ", ",
                                    allowed.stream().map(ChannelRules::show).toList())
                            + ", or absent for " + show(allowed.get(0)));
        }
    }

    private static void yesOrNo(String field, Object value, String absent) {
        if (value != null && !(value instanceof Boolean)) {
            throw new ValidationException(
                    ChannelStore.ENTITY,
                    field,
                    "is " + show(value) + "; it must be true or false, or absent " + absent);
        }
    }

    private static String show(Object value) {
        return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
    }
}
