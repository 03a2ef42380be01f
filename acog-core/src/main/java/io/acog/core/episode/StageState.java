package io.acog.core.episode;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.acog.core.internal.Values;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One stage's entry in {@code episodes.pipeline_state}, with the seed's keys. As a patch (see
 * {@link EpisodeRepository#updateStage}) only its non-null fields are written. Unknown keys are
 * kept in {@link #extra()}.
 *
 * @param jobId the provider's job or task id (e.g. a HeyGen video id)
 */
public record StageState(
        StageStatus status,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt,
        Integer attempts,
        String error,
        String provider,
        String jobId,
        String modelUsed,
        Integer tokensUsed,
        BigDecimal costUsd,
        Integer refinementPasses,
        String reviewer,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public StageState {
        extra = Values.map(extra);
    }

    /** Nothing set: a patch that changes nothing until fields are added. */
    public static StageState empty() {
        return new StageState(null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    public StageState withStatus(StageStatus status) {
        return new StageState(status, startedAt, completedAt, attempts, error, provider, jobId,
                modelUsed, tokensUsed, costUsd, refinementPasses, reviewer, extra);
    }

    public StageState withProvider(String provider) {
        return new StageState(status, startedAt, completedAt, attempts, error, provider, jobId,
                modelUsed, tokensUsed, costUsd, refinementPasses, reviewer, extra);
    }

    public StageState withJobId(String jobId) {
        return new StageState(status, startedAt, completedAt, attempts, error, provider, jobId,
                modelUsed, tokensUsed, costUsd, refinementPasses, reviewer, extra);
    }

    public StageState withModelUsed(String modelUsed) {
        return new StageState(status, startedAt, completedAt, attempts, error, provider, jobId,
                modelUsed, tokensUsed, costUsd, refinementPasses, reviewer, extra);
    }

    public StageState withTokensUsed(Integer tokensUsed) {
        return new StageState(status, startedAt, completedAt, attempts, error, provider, jobId,
                modelUsed, tokensUsed, costUsd, refinementPasses, reviewer, extra);
    }

    public StageState withCostUsd(BigDecimal costUsd) {
        return new StageState(status, startedAt, completedAt, attempts, error, provider, jobId,
                modelUsed, tokensUsed, costUsd, refinementPasses, reviewer, extra);
    }

    public StageState withReviewer(String reviewer) {
        return new StageState(status, startedAt, completedAt, attempts, error, provider, jobId,
                modelUsed, tokensUsed, costUsd, refinementPasses, reviewer, extra);
    }

    public StageState withExtra(String key, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(extra);
        copy.put(key, value);
        return new StageState(status, startedAt, completedAt, attempts, error, provider, jobId,
                modelUsed, tokensUsed, costUsd, refinementPasses, reviewer, copy);
    }
}
