package io.acog.core.job;

import io.acog.core.episode.PipelineStage;
import io.acog.core.internal.json.Copies;
import io.acog.core.internal.json.JsonCodec;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A job as stored: one run of one pipeline stage for one episode, and its place in the queue.
 * Nullable components are {@code null} when unset.
 *
 * @param id the job's id
 * @param episodeId the episode it works for
 * @param stage the pipeline stage it runs
 * @param status where it stands in the queue
 * @param priority higher is claimed sooner
 * @param runAfter not claimed before this time (backoff after a failure, or a scheduled check)
 * @param lockedBy the worker holding the job while it runs
 * @param lockedUntil the worker's lease; the job is reclaimed if the lease runs out
 * @param claimToken the token of the current or last claim (stored in the seed's {@code
 *     celery_task_id})
 * @param input the input parameters as JSON values; typed with {@link #input(Class)}
 * @param result the result as JSON values, once completed; typed with {@link #result(Class)}
 * @param errorMessage why its last run failed
 * @param startedAt when its current or last run began
 * @param completedAt when it finished
 * @param retryCount how often the job was retried after a failure or a lost lease
 * @param maxRetries how often it may be retried before it fails for good
 * @param attempts how often the job was claimed
 * @param costUsd what its provider calls cost, in US dollars
 * @param tokensUsed the LLM tokens it used
 * @param idempotencyKey the key that keeps a second live job of it from being enqueued
 * @param cancelRequested whether a cancel was requested while it ran
 * @param createdAt when it was enqueued
 * @param updatedAt when it last changed (the database's time)
 */
public record Job(
        UUID id,
        UUID episodeId,
        PipelineStage stage,
        JobStatus status,
        int priority,
        OffsetDateTime runAfter,
        String lockedBy,
        OffsetDateTime lockedUntil,
        String claimToken,
        Map<String, Object> input,
        Map<String, Object> result,
        String errorMessage,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt,
        int retryCount,
        int maxRetries,
        int attempts,
        BigDecimal costUsd,
        Integer tokensUsed,
        String idempotencyKey,
        boolean cancelRequested,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /**
     * Creates a job, copying {@code input} (null becomes empty) and {@code result} (null stays
     * null).
     *
     * @param id the job's id
     * @param episodeId the episode it works for
     * @param stage the pipeline stage it runs
     * @param status where it stands in the queue
     * @param priority higher is claimed sooner
     * @param runAfter not claimed before this time (backoff after a failure, or a scheduled check)
     * @param lockedBy the worker holding the job while it runs
     * @param lockedUntil the worker's lease; the job is reclaimed if the lease runs out
     * @param claimToken the token of the current or last claim (stored in the seed's {@code
     *     celery_task_id})
     * @param input the input parameters as JSON values; typed with {@link #input(Class)}
     * @param result the result as JSON values, once completed; typed with {@link #result(Class)}
     * @param errorMessage why its last run failed
     * @param startedAt when its current or last run began
     * @param completedAt when it finished
     * @param retryCount how often the job was retried after a failure or a lost lease
     * @param maxRetries how often it may be retried before it fails for good
     * @param attempts how often the job was claimed
     * @param costUsd what its provider calls cost, in US dollars
     * @param tokensUsed the LLM tokens it used
     * @param idempotencyKey the key that keeps a second live job of it from being enqueued
     * @param cancelRequested whether a cancel was requested while it ran
     * @param createdAt when it was enqueued
     * @param updatedAt when it last changed (the database's time)
     */
    public Job {
        input = Copies.map(input);
        result = result == null ? null : Copies.map(result);
    }

    /**
     * Returns the input as a typed record of the host's (snake_case keys map to its components;
     * keys the record does not name are left out). On the module path, the record's package must be
     * open to {@code com.fasterxml.jackson.databind}.
     *
     * @param <T> the record's type
     * @param type the record's class
     * @return the input as a {@code type}
     * @throws IllegalArgumentException when the input does not fit the type
     */
    public <T> T input(Class<T> type) {
        return JsonCodec.convert(input, type);
    }

    /**
     * Returns the result as a typed record, once there is one.
     *
     * @param <T> the record's type
     * @param type the record's class
     * @return the result as a {@code type}, or empty before the job completed
     * @throws IllegalArgumentException when the result does not fit the type
     */
    public <T> Optional<T> result(Class<T> type) {
        return Optional.ofNullable(result).map(values -> JsonCodec.convert(values, type));
    }

    /**
     * Tells whether the job is done for good: completed, failed or cancelled.
     *
     * @return whether its status is final
     */
    public boolean finished() {
        return status.finished();
    }
}
