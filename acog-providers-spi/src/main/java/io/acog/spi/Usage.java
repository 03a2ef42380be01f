package io.acog.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a provider call cost and used. Every result carries one; fields a provider does not meter
 * are null.
 *
 * <p>Costs are kept to four decimals, as ACOG stores them: a finer price (a speech provider's
 * per-character rate, say) is rounded half up, so {@code 0.01743} becomes {@code 0.0174}. A call's
 * cost is recorded once the money is spent, so it is never refused for its precision.
 *
 * @param costUsd the price in US dollars, rounded half up to four decimals
 * @param tokens LLM tokens (prompt and completion)
 * @param characters characters synthesized (speech providers bill by them)
 * @param seconds seconds of media rendered
 */
public record Usage(BigDecimal costUsd, Long tokens, Long characters, BigDecimal seconds) {

    /** The decimals of a stored cost. */
    public static final int COST_SCALE = 4;

    /**
     * Creates a usage, rounding {@code costUsd} half up to {@link #COST_SCALE} decimals.
     *
     * @param costUsd the price in US dollars, rounded half up to four decimals
     * @param tokens LLM tokens (prompt and completion)
     * @param characters characters synthesized (speech providers bill by them)
     * @param seconds seconds of media rendered
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
        return new Usage(null, null, null, null);
    }

    /**
     * Returns a call that cost {@code costUsd} and metered nothing else.
     *
     * @param costUsd the price in US dollars; rounded half up to four decimals
     * @return the usage
     */
    public static Usage cost(BigDecimal costUsd) {
        return new Usage(costUsd, null, null, null);
    }

    /**
     * Returns this usage with the LLM tokens used.
     *
     * @param tokens prompt and completion tokens
     * @return a copy with {@code tokens} set
     */
    public Usage withTokens(long tokens) {
        return new Usage(costUsd, tokens, characters, seconds);
    }

    /**
     * Returns this usage with the characters synthesized.
     *
     * @param characters the characters billed
     * @return a copy with {@code characters} set
     */
    public Usage withCharacters(long characters) {
        return new Usage(costUsd, tokens, characters, seconds);
    }

    /**
     * Returns this usage with the seconds of media rendered.
     *
     * @param seconds the seconds rendered
     * @return a copy with {@code seconds} set
     */
    public Usage withSeconds(BigDecimal seconds) {
        return new Usage(costUsd, tokens, characters, seconds);
    }
}
