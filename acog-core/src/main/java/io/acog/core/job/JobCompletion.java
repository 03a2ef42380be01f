package io.acog.core.job;

import java.math.BigDecimal;

/**
 * What a finished job leaves behind: its result (a record, a map, or null) and what it cost.
 *
 * @param result stored as the job's JSON result: a record (snake_case keys), a map, or null
 * @param costUsd at most 6 digits before the point and 4 after (the column is NUMERIC(10,4));
 *     nullable
 * @param tokensUsed LLM tokens used; nullable
 */
public record JobCompletion(Object result, BigDecimal costUsd, Integer tokensUsed) {

    /**
     * Returns a completion with a result and no cost.
     *
     * @param result a record, a map, or null
     * @return the completion
     */
    public static JobCompletion of(Object result) {
        return new JobCompletion(result, null, null);
    }

    /**
     * Returns a completion with neither result nor cost.
     *
     * @return the completion
     */
    public static JobCompletion empty() {
        return new JobCompletion(null, null, null);
    }

    /**
     * Returns a copy with a cost.
     *
     * @param costUsd the cost in US dollars; nullable
     * @param tokensUsed LLM tokens used; nullable
     * @return the changed copy
     */
    public JobCompletion withCost(BigDecimal costUsd, Integer tokensUsed) {
        return new JobCompletion(result, costUsd, tokensUsed);
    }
}
