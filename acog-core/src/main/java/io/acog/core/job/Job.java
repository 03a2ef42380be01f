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
 * @param priority higher is claimed sooner
 * @param runAfter not claimed before this time (backoff after a failure, or a scheduled check)
 * @param lockedBy the worker holding the job while it runs
 * @param lockedUntil the worker's lease; the job is reclaimed if the lease runs out
 * @param claimToken the token of the current or last claim (stored in the seed's
 *     {@code celery_task_id})
 * @param input the input parameters as JSON values; typed with {@link #input(Class)}
 * @param result the result as JSON values, once completed; typed with {@link #result(Class)}
 * @param retryCount how often the job was retried after a failure or a lost lease
 * @param attempts how often the job was claimed
 * @param cancelRequested whether a cancel was requested while it ran
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

    public Job {
        input = Copies.map(input);
        result = result == null ? null : Copies.map(result);
    }

    /**
     * The input as a typed record of the host's (snake_case keys map to its components; keys the
     * record does not name are left out). On the module path, the record's package must be open to
     * {@code com.fasterxml.jackson.databind}.
     *
     * @throws IllegalArgumentException when the input does not fit the type
     */
    public <T> T input(Class<T> type) {
        return JsonCodec.convert(input, type);
    }

    /** The result as a typed record, once there is one. */
    public <T> Optional<T> result(Class<T> type) {
        return Optional.ofNullable(result).map(values -> JsonCodec.convert(values, type));
    }

    /** Whether the job is done for good: completed, failed or cancelled. */
    public boolean finished() {
        return status.finished();
    }
}
