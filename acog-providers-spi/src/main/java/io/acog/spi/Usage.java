package io.acog.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a provider call cost and used. Every result carries one; fields a provider does not meter
 * are null.
 *
 * <p>LLM tokens are kept apart as providers price them: fresh input, cached input (a fraction of
 * the input price) and output. {@link #tokens()} is their sum.
 *
 * <p>Costs are kept to four decimals, as ACOG stores them: a finer price (a speech provider's
 * per-character rate, say) is rounded half up, so {@code 0.01743} becomes {@code 0.0174}. A call's
 * cost is recorded once the money is spent, so it is never refused for its precision.
 *
 * @param costUsd the price in US dollars, rounded half up to four decimals
 * @param inputTokens LLM prompt tokens not served from the provider's cache
 * @param cachedInputTokens LLM prompt tokens served from the provider's cache
 * @param outputTokens LLM completion tokens, reasoning included
 * @param characters characters synthesized (speech providers bill by them)
 * @param seconds seconds of media rendered
 * @param credits the provider's own credits spent (HeyGen, Runway and ElevenLabs bill in them)
 */
public record Usage(
        BigDecimal costUsd,
        Long inputTokens,
        Long cachedInputTokens,
        Long outputTokens,
        Long characters,
        BigDecimal seconds,
        BigDecimal credits) {

    /** The decimals of a stored cost. */
    public static final int COST_SCALE = 4;

    /**
     * Creates a usage, rounding {@code costUsd} half up to {@link #COST_SCALE} decimals.
     *
     * @param costUsd the price in US dollars, rounded half up to four decimals
     * @param inputTokens LLM prompt tokens not served from the provider's cache
     * @param cachedInputTokens LLM prompt tokens served from the provider's cache
     * @param outputTokens LLM completion tokens, reasoning included
     * @param characters characters synthesized (speech providers bill by them)
     * @param seconds seconds of media rendered
     * @param credits the provider's own credits spent
     */
    public Usage {
        if (costUsd != null && costUsd.scale() > COST_SCALE) {
            costUsd = costUsd.setScale(COST_SCALE, RoundingMode.HALF_UP);
        }
    }

    /**
     * Returns a call that cost and used nothing measurable.
     *
     * @return a usage with every component null
     */
    public static Usage none() {
        return new Usage(null, null, null, null, null, null, null);
    }

    /**
     * Returns a call that cost {@code costUsd} and metered nothing else.
     *
     * @param costUsd the price in US dollars; rounded half up to four decimals
     * @return the usage
     */
    public static Usage cost(BigDecimal costUsd) {
        return new Usage(costUsd, null, null, null, null, null, null);
    }

    /**
     * Returns all LLM tokens used: input, cached input and output together.
     *
     * @return their sum, or null when none of them is metered
     */
    public Long tokens() {
        if (inputTokens == null && cachedInputTokens == null && outputTokens == null) {
            return null;
        }
        return orZero(inputTokens) + orZero(cachedInputTokens) + orZero(outputTokens);
    }

    /**
     * Returns this usage with the LLM tokens used, as the provider prices them.
     *
     * @param input prompt tokens not served from the cache
     * @param cachedInput prompt tokens served from the cache
     * @param output completion tokens
     * @return a copy with the tokens set
     */
    public Usage withTokens(long input, long cachedInput, long output) {
        return new Usage(costUsd, input, cachedInput, output, characters, seconds, credits);
    }

    /**
     * Returns this usage with the characters synthesized.
     *
     * @param characters the characters billed
     * @return a copy with {@code characters} set
     */
    public Usage withCharacters(long characters) {
        return new Usage(costUsd, inputTokens, cachedInputTokens, outputTokens, characters, seconds, credits);
    }

    /**
     * Returns this usage with the seconds of media rendered.
     *
     * @param seconds the seconds rendered
     * @return a copy with {@code seconds} set
     */
    public Usage withSeconds(BigDecimal seconds) {
        return new Usage(costUsd, inputTokens, cachedInputTokens, outputTokens, characters, seconds, credits);
    }

    /**
     * Returns this usage with the provider's credits spent.
     *
     * @param credits the credits spent
     * @return a copy with {@code credits} set
     */
    public Usage withCredits(BigDecimal credits) {
        return new Usage(costUsd, inputTokens, cachedInputTokens, outputTokens, characters, seconds, credits);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
