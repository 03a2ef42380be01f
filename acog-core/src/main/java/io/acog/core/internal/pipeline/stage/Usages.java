package io.acog.core.internal.pipeline.stage;

import io.acog.core.episode.StageState;
import io.acog.core.job.JobCompletion;
import io.acog.spi.Usage;
import java.math.RoundingMode;
import java.util.Map;

/** What a provider call used and cost, as a stage records it in its entry and its job. */
final class Usages {

    private Usages() {}

    /** The usage a provider reported, or none. */
    static Usage of(Usage usage) {
        return usage == null ? Usage.none() : usage;
    }

    /** The stage entry's details: provider, model, tokens (in all and by kind), credits, cost. */
    static StageState details(String provider, String model, Usage usage) {
        StageState.Builder details = StageState.builder()
                .provider(provider)
                .modelUsed(model)
                .tokensUsed(usage.tokens() == null ? null : Math.toIntExact(usage.tokens()))
                .costUsd(usage.costUsd());
        // priced apart by LLM providers, so kept apart: what a cost is checked against
        extra(details, "input_tokens", usage.inputTokens());
        extra(details, "cached_input_tokens", usage.cachedInputTokens());
        extra(details, "output_tokens", usage.outputTokens());
        extra(details, "credits", usage.credits());
        return details.build();
    }

    private static void extra(StageState.Builder details, String key, Object value) {
        if (value != null) {
            details.extra(key, value);
        }
    }

    /** The job's completion: its result, cost and tokens. */
    static JobCompletion completion(Map<String, Object> result, Usage usage) {
        return new JobCompletion(
                result, usage.costUsd(), usage.tokens() == null ? null : Math.toIntExact(usage.tokens()));
    }

    /** The outputs of a writing call: the model in the result, usage in entry and job. */
    static StageResult.Output written(String provider, String model, Usage reported) {
        Usage usage = of(reported);
        return new StageResult.Output(
                details(provider, model, usage), completion(model == null ? Map.of() : Map.of("model", model), usage));
    }

    /** The cost in whole cents, as asset metadata records it. */
    static Integer cents(Usage usage) {
        return usage.costUsd() == null
                ? null
                : usage.costUsd()
                        .movePointRight(2)
                        .setScale(0, RoundingMode.HALF_UP)
                        .intValue();
    }
}
