package io.acog.core.episode;

import io.acog.core.internal.json.Copies;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stage's entry in {@code episodes.pipeline_state}, with the seed's keys. As a patch (see
 * {@link EpisodeRepository#updateStage}) only its non-null fields are written. Unknown keys are
 * kept in {@link #extra()}. Build one with {@link #builder()}, or change one with
 * {@link #toBuilder()}:
 *
 * <pre>{@code
 * StageState patch = StageState.builder().provider("heygen").jobId("v-123").build();
 * }</pre>
 *
 * @param attempts how often the stage was begun
 * @param error why its last try failed
 * @param jobId the provider's job or task id (e.g. a HeyGen video id)
 * @param reviewer who approved a script ({@code system} for an automatic review)
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
        Map<String, Object> extra) {

    public StageState {
        extra = Copies.map(extra);
    }

    /** Nothing set: a patch that changes nothing until fields are added. */
    public static StageState empty() {
        return new Builder().build();
    }

    /** Starts building an entry (or a patch) with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this entry's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public StageState withStatus(StageStatus status) {
        return toBuilder().status(status).build();
    }

    public StageState withProvider(String provider) {
        return toBuilder().provider(provider).build();
    }

    public StageState withJobId(String jobId) {
        return toBuilder().jobId(jobId).build();
    }

    public StageState withModelUsed(String modelUsed) {
        return toBuilder().modelUsed(modelUsed).build();
    }

    public StageState withTokensUsed(Integer tokensUsed) {
        return toBuilder().tokensUsed(tokensUsed).build();
    }

    public StageState withCostUsd(BigDecimal costUsd) {
        return toBuilder().costUsd(costUsd).build();
    }

    public StageState withReviewer(String reviewer) {
        return toBuilder().reviewer(reviewer).build();
    }

    /** The host application's own key, kept beside the seed's. */
    public StageState withExtra(String key, Object value) {
        return toBuilder().extra(key, value).build();
    }

    /** Builds a {@link StageState}; a field left unset stays null. Not thread-safe. */
    public static final class Builder {
        private StageStatus status;
        private OffsetDateTime startedAt;
        private OffsetDateTime completedAt;
        private Integer attempts;
        private String error;
        private String provider;
        private String jobId;
        private String modelUsed;
        private Integer tokensUsed;
        private BigDecimal costUsd;
        private Integer refinementPasses;
        private String reviewer;
        private final Map<String, Object> extra = new LinkedHashMap<>();

        private Builder() {}

        private Builder(StageState state) {
            status = state.status;
            startedAt = state.startedAt;
            completedAt = state.completedAt;
            attempts = state.attempts;
            error = state.error;
            provider = state.provider;
            jobId = state.jobId;
            modelUsed = state.modelUsed;
            tokensUsed = state.tokensUsed;
            costUsd = state.costUsd;
            refinementPasses = state.refinementPasses;
            reviewer = state.reviewer;
            extra.putAll(state.extra);
        }

        public Builder status(StageStatus status) {
            this.status = status;
            return this;
        }

        public Builder startedAt(OffsetDateTime startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        public Builder completedAt(OffsetDateTime completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        public Builder attempts(Integer attempts) {
            this.attempts = attempts;
            return this;
        }

        public Builder error(String error) {
            this.error = error;
            return this;
        }

        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        public Builder modelUsed(String modelUsed) {
            this.modelUsed = modelUsed;
            return this;
        }

        public Builder tokensUsed(Integer tokensUsed) {
            this.tokensUsed = tokensUsed;
            return this;
        }

        public Builder costUsd(BigDecimal costUsd) {
            this.costUsd = costUsd;
            return this;
        }

        public Builder refinementPasses(Integer refinementPasses) {
            this.refinementPasses = refinementPasses;
            return this;
        }

        public Builder reviewer(String reviewer) {
            this.reviewer = reviewer;
            return this;
        }

        /** Sets one extra key; a null value removes it. */
        public Builder extra(String key, Object value) {
            if (value == null) {
                extra.remove(key);
            } else {
                extra.put(key, value);
            }
            return this;
        }

        public StageState build() {
            return new StageState(
                    status,
                    startedAt,
                    completedAt,
                    attempts,
                    error,
                    provider,
                    jobId,
                    modelUsed,
                    tokensUsed,
                    costUsd,
                    refinementPasses,
                    reviewer,
                    extra);
        }
    }
}
