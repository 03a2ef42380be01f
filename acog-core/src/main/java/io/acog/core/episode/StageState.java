package io.acog.core.episode;

import io.acog.core.internal.json.Copies;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stage's entry in {@code episodes.pipeline_state}, with the seed's keys. As a patch (see
 * {@link EpisodeRepository#updateStage}) only its non-null fields are written. Unknown keys are
 * kept in {@link #extra()}. Build one with {@link #builder()}, or change one with {@link
 * #toBuilder()}:
 *
 * <pre>{@code
 * StageState patch = StageState.builder().provider("heygen").jobId("v-123").build();
 * }</pre>
 *
 * <p>Every component but {@code extra} is nullable.
 *
 * @param status where the stage stands
 * @param startedAt when its latest try began
 * @param completedAt when it completed
 * @param attempts how often the stage was begun
 * @param error why its last try failed
 * @param provider the provider that served it, e.g. {@code "elevenlabs"}
 * @param jobId the provider's job or task id (e.g. a HeyGen video id)
 * @param modelUsed the model that wrote, e.g. {@code "gpt-4-turbo"}
 * @param tokensUsed the LLM tokens it used
 * @param costUsd what its provider calls cost, in US dollars
 * @param refinementPasses how often review sent the script back before passing it
 * @param reviewer who approved a script ({@code system} for an automatic review)
 * @param extra keys beyond these, kept as they are
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

    /**
     * Creates an entry, copying {@code extra} (null becomes empty).
     *
     * @param status where the stage stands
     * @param startedAt when its latest try began
     * @param completedAt when it completed
     * @param attempts how often the stage was begun
     * @param error why its last try failed
     * @param provider the provider that served it, e.g. {@code "elevenlabs"}
     * @param jobId the provider's job or task id (e.g. a HeyGen video id)
     * @param modelUsed the model that wrote, e.g. {@code "gpt-4-turbo"}
     * @param tokensUsed the LLM tokens it used
     * @param costUsd what its provider calls cost, in US dollars
     * @param refinementPasses how often review sent the script back before passing it
     * @param reviewer who approved a script ({@code system} for an automatic review)
     * @param extra keys beyond these, kept as they are
     */
    public StageState {
        extra = Copies.map(extra);
    }

    /**
     * Returns an entry with nothing set: a patch that changes nothing until fields are added.
     *
     * @return the empty entry
     */
    public static StageState empty() {
        return new Builder().build();
    }

    /**
     * Starts building an entry (or a patch) with nothing set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this entry's values, to change some of them.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns a copy with another status.
     *
     * @param status the status
     * @return the changed copy
     */
    public StageState withStatus(StageStatus status) {
        return toBuilder().status(status).build();
    }

    /**
     * Returns a copy with another provider.
     *
     * @param provider the provider's name
     * @return the changed copy
     */
    public StageState withProvider(String provider) {
        return toBuilder().provider(provider).build();
    }

    /**
     * Returns a copy with another provider job id.
     *
     * @param jobId the provider's job or task id
     * @return the changed copy
     */
    public StageState withJobId(String jobId) {
        return toBuilder().jobId(jobId).build();
    }

    /**
     * Returns a copy with another model.
     *
     * @param modelUsed the model's name
     * @return the changed copy
     */
    public StageState withModelUsed(String modelUsed) {
        return toBuilder().modelUsed(modelUsed).build();
    }

    /**
     * Returns a copy with another token count.
     *
     * @param tokensUsed the LLM tokens used
     * @return the changed copy
     */
    public StageState withTokensUsed(Integer tokensUsed) {
        return toBuilder().tokensUsed(tokensUsed).build();
    }

    /**
     * Returns a copy with another cost.
     *
     * @param costUsd the cost in US dollars
     * @return the changed copy
     */
    public StageState withCostUsd(BigDecimal costUsd) {
        return toBuilder().costUsd(costUsd).build();
    }

    /**
     * Returns a copy with another reviewer.
     *
     * @param reviewer who approved the script
     * @return the changed copy
     */
    public StageState withReviewer(String reviewer) {
        return toBuilder().reviewer(reviewer).build();
    }

    /**
     * Returns a copy with the host application's own key, kept beside the seed's.
     *
     * @param key the JSON key
     * @param value a JSON-compatible value; null removes the key
     * @return the changed copy
     */
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

        /**
         * Sets the status.
         *
         * @param status the status
         * @return this builder
         */
        public Builder status(StageStatus status) {
            this.status = status;
            return this;
        }

        /**
         * Sets when the latest try began.
         *
         * @param startedAt the time
         * @return this builder
         */
        public Builder startedAt(OffsetDateTime startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        /**
         * Sets when the stage completed.
         *
         * @param completedAt the time
         * @return this builder
         */
        public Builder completedAt(OffsetDateTime completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        /**
         * Sets how often the stage was begun.
         *
         * @param attempts the count
         * @return this builder
         */
        public Builder attempts(Integer attempts) {
            this.attempts = attempts;
            return this;
        }

        /**
         * Sets why the last try failed.
         *
         * @param error the error
         * @return this builder
         */
        public Builder error(String error) {
            this.error = error;
            return this;
        }

        /**
         * Sets the provider that served the stage.
         *
         * @param provider the provider's name
         * @return this builder
         */
        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        /**
         * Sets the provider's job or task id.
         *
         * @param jobId the id
         * @return this builder
         */
        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        /**
         * Sets the model that wrote.
         *
         * @param modelUsed the model's name
         * @return this builder
         */
        public Builder modelUsed(String modelUsed) {
            this.modelUsed = modelUsed;
            return this;
        }

        /**
         * Sets the LLM tokens used.
         *
         * @param tokensUsed the count
         * @return this builder
         */
        public Builder tokensUsed(Integer tokensUsed) {
            this.tokensUsed = tokensUsed;
            return this;
        }

        /**
         * Sets what the stage's provider calls cost.
         *
         * @param costUsd the cost in US dollars
         * @return this builder
         */
        public Builder costUsd(BigDecimal costUsd) {
            this.costUsd = costUsd;
            return this;
        }

        /**
         * Sets how often the script went back to scripting after review.
         *
         * @param refinementPasses the count
         * @return this builder
         */
        public Builder refinementPasses(Integer refinementPasses) {
            this.refinementPasses = refinementPasses;
            return this;
        }

        /**
         * Sets who approved the script.
         *
         * @param reviewer a person's name, or {@code system}
         * @return this builder
         */
        public Builder reviewer(String reviewer) {
            this.reviewer = reviewer;
            return this;
        }

        /**
         * Sets one extra key; a null value removes it.
         *
         * @param key the JSON key
         * @param value a JSON-compatible value, or null
         * @return this builder
         */
        public Builder extra(String key, Object value) {
            if (value == null) {
                extra.remove(key);
            } else {
                extra.put(key, value);
            }
            return this;
        }

        /**
         * Builds the entry.
         *
         * @return the entry
         */
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
