package io.acog.core.job;

import java.math.BigDecimal;

/**
 * What a finished job leaves behind: its result (a record, a map, or null) and what it cost.
 *
 * @param costUsd at most 6 digits before the point and 4 after (the column is NUMERIC(10,4))
 */
public record JobCompletion(Object result, BigDecimal costUsd, Integer tokensUsed) {

    public static JobCompletion of(Object result) {
        return new JobCompletion(result, null, null);
    }

    public static JobCompletion empty() {
        return new JobCompletion(null, null, null);
    }

    public JobCompletion withCost(BigDecimal costUsd, Integer tokensUsed) {
        return new JobCompletion(result, costUsd, tokensUsed);
    }
}
