package io.acog.spi;

import java.math.BigDecimal;

/**
 * What a provider call cost and used. Every result carries one; fields a provider does not meter
 * are null.
 *
 * @param costUsd the price in US dollars
 * @param tokens LLM tokens (prompt and completion)
 * @param characters characters synthesized (speech providers bill by them)
 * @param seconds seconds of media rendered
 */
public record Usage(BigDecimal costUsd, Long tokens, Long characters, BigDecimal seconds) {

    /** A call that cost and used nothing measurable. */
    public static Usage none() {
        return new Usage(null, null, null, null);
    }

    public static Usage cost(BigDecimal costUsd) {
        return new Usage(costUsd, null, null, null);
    }

    public Usage withTokens(long tokens) {
        return new Usage(costUsd, tokens, characters, seconds);
    }

    public Usage withCharacters(long characters) {
        return new Usage(costUsd, tokens, characters, seconds);
    }

    public Usage withSeconds(BigDecimal seconds) {
        return new Usage(costUsd, tokens, characters, seconds);
    }
}
