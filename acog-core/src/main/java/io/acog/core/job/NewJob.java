package io.acog.core.job;

import io.acog.core.ValidationException;
import io.acog.core.episode.PipelineStage;
import io.acog.core.internal.Labels;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A job to enqueue: the episode and the stage; the rest optional. Build one with {@link
 * #builder(UUID, PipelineStage)}.
 *
 * @param episodeId the episode it works for; required
 * @param stage the stage it runs; required
 * @param input the input parameters: a record of the host's, a map, or null
 * @param priority 0 or more; higher is claimed sooner
 * @param maxRetries how often a failure is retried before the job fails for good; 0 or more
 * @param runAfter not claimed before; null for now
 * @param idempotencyKey when set, an enqueue while a queued or running job has this key returns
 *     that job instead of adding another
 */
public record NewJob(
        UUID episodeId,
        PipelineStage stage,
        Object input,
        int priority,
        int maxRetries,
        Instant runAfter,
        String idempotencyKey) {

    /**
     * Starts building a job with priority 0, 3 retries, to run now. Nothing is checked until it is
     * enqueued.
     *
     * @param episodeId the episode it works for
     * @param stage the stage it runs
     * @return a new builder
     */
    public static Builder builder(UUID episodeId, PipelineStage stage) {
        return new Builder(episodeId, stage);
    }

    /**
     * Starts building a job as {@link #builder(UUID, PipelineStage)} does, for a stage given by
     * name.
     *
     * @param episodeId the episode it works for
     * @param stage the stage's label, e.g. {@code "audio"}
     * @return a new builder
     * @throws ValidationException when the name is not a pipeline stage
     */
    public static Builder builder(UUID episodeId, String stage) {
        PipelineStage parsed = Labels.find(PipelineStage.class, stage);
        if (parsed == null) {
            throw new ValidationException(
                    "job",
                    "stage",
                    (stage == null ? "is required" : "'" + stage + "' is not a pipeline stage") + "; one of "
                            + Arrays.stream(PipelineStage.values())
                                    .map(PipelineStage::label)
                                    .collect(Collectors.joining(", ")));
        }
        return new Builder(episodeId, parsed);
    }

    /** Builds a {@link NewJob}. */
    public static final class Builder {
        private final UUID episodeId;
        private final PipelineStage stage;
        private Object input;
        private int priority;
        private int maxRetries = 3;
        private Instant runAfter;
        private String idempotencyKey;

        private Builder(UUID episodeId, PipelineStage stage) {
            this.episodeId = episodeId;
            this.stage = stage;
        }

        /**
         * Sets the input parameters.
         *
         * @param input a record of the host's (stored with snake_case keys), a map, or null
         * @return this builder
         */
        public Builder input(Object input) {
            this.input = input;
            return this;
        }

        /**
         * Sets the priority.
         *
         * @param priority 0 or more; higher is claimed sooner
         * @return this builder
         */
        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /**
         * Sets how often a failure is retried before the job fails for good.
         *
         * @param maxRetries 0 or more; 3 by default
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Sets when the job may run at the earliest.
         *
         * @param runAfter the time; null for now
         * @return this builder
         */
        public Builder runAfter(Instant runAfter) {
            this.runAfter = runAfter;
            return this;
        }

        /**
         * Sets the idempotency key: while a queued or running job has it, enqueueing returns that
         * job.
         *
         * @param idempotencyKey the key
         * @return this builder
         */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /**
         * Builds the job.
         *
         * @return the job, to pass to {@link JobTracker#enqueue(NewJob)}
         */
        public NewJob build() {
            return new NewJob(episodeId, stage, input, priority, maxRetries, runAfter, idempotencyKey);
        }
    }
}
