package io.acog.core.episode;

import io.acog.core.Acog;
import io.acog.core.Page;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Episodes: creation (manual, from a pulse event, or from another episode), scripts, the status
 * life cycle ({@link EpisodeLifecycle}), per-stage pipeline state, listings and the seed's
 * dashboard and worker queries. Soft-deleted episodes are invisible to {@code get}/{@code find}
 * and to listings unless asked for.
 *
 * <p>Every method is atomic and thread-safe. Errors: {@link io.acog.core.ValidationException}
 * (refused before the database), {@link io.acog.core.NotFoundException},
 * {@link io.acog.core.ConflictException}, {@link io.acog.core.InvalidTransitionException}.
 */
public interface EpisodeRepository {

    /**
     * Creates an episode in status {@code idea}.
     *
     * @throws io.acog.core.NotFoundException when the channel is absent or soft-deleted, or the
     *     pulse event or source episode the idea source requires is absent
     * @throws io.acog.core.ConflictException when a live episode of the channel has the slug
     * @throws io.acog.core.ValidationException for over-long title or slug, a slug that is not
     *     URL-safe, or a link that does not fit the idea source
     */
    Episode create(NewEpisode episode);

    /** The live episode. @throws io.acog.core.NotFoundException when absent or soft-deleted */
    Episode get(UUID id);

    /** The live episode, if any. */
    Optional<Episode> find(UUID id);

    /** The channel's live episode with this slug, if any. */
    Optional<Episode> findBySlug(UUID channelId, String slug);

    /**
     * Applies the changes the update sets.
     *
     * @throws io.acog.core.ConflictException for a slug another live episode of the channel has,
     *     or when {@link EpisodeUpdate.Builder#unchangedSince} no longer holds
     */
    Episode update(UUID id, EpisodeUpdate update);

    /**
     * Stores a new script: parses it ({@link ScriptParser}), then writes it with its metadata:
     * version one up, word count, and spoken duration at the channel's speaking rate
     * ({@link SpeakingRate}). Keys of the old metadata that ACOG does not compute are kept.
     *
     * @throws io.acog.core.ValidationException naming line and column of a malformed marker
     */
    Episode saveScript(UUID id, String script);

    /** One page of a channel's episodes, newest first. */
    Page<Episode> list(EpisodeQuery query);

    /** Soft-deletes the episode; its slug is free for the channel's other episodes afterwards. */
    void softDelete(UUID id);

    /**
     * Makes a soft-deleted episode live again.
     *
     * @throws io.acog.core.ConflictException when a live episode of the channel took its slug
     *     meanwhile, or its channel is soft-deleted
     */
    Episode restore(UUID id);

    /**
     * Moves the episode from its current status to {@code to}, if {@link EpisodeLifecycle} allows
     * it. Compare-and-set on the status read: of two concurrent transitions, one wins and the other
     * gets a {@link io.acog.core.ConflictException}. Resuming from {@code failed} counts
     * {@code retry_count}.
     *
     * @throws io.acog.core.InvalidTransitionException naming from and to; nothing is written
     */
    Episode transition(UUID id, EpisodeStatus to);

    /**
     * As {@link #transition(UUID, EpisodeStatus)}, but only from {@code expected}.
     *
     * @throws io.acog.core.ConflictException when the episode is no longer in {@code expected}
     */
    Episode transition(UUID id, EpisodeStatus expected, EpisodeStatus to);

    /**
     * Moves an active episode to {@code failed}, recording why in {@code last_error}.
     *
     * @throws io.acog.core.InvalidTransitionException when it is not active
     */
    Episode fail(UUID id, String error);

    /**
     * Merges the patch's set fields into {@code pipeline_state[stage]} in SQL, under the row lock:
     * other stages' entries, and this stage's fields the patch does not set, stay as they are.
     */
    Episode updateStage(UUID id, PipelineStage stage, StageState patch);

    /**
     * Marks the stage running: status {@code running}, {@code started_at} now, {@code attempts}
     * one up, any {@code error} and {@code completed_at} removed, and the details' set fields
     * (provider, job id, ...) merged in.
     */
    Episode startStage(UUID id, PipelineStage stage, StageState details);

    /** Marks the stage completed at now, merging the details' set fields (tokens, model, ...). */
    Episode completeStage(UUID id, PipelineStage stage, StageState details);

    /** Marks the stage failed with {@code error}. */
    Episode failStage(UUID id, PipelineStage stage, String error);

    /**
     * The channel's latest live episodes with their live asset counts, newest first: the seed's
     * dashboard listing (50 there).
     */
    List<EpisodeSummary> latestWithAssetCounts(UUID channelId, int limit);

    /** How many of the channel's live episodes created within {@code window} are in each status. */
    Map<EpisodeStatus, Long> statusOverview(UUID channelId, Duration window);

    /** The live episode with its live assets. @throws io.acog.core.NotFoundException */
    EpisodeWithAssets getWithAssets(UUID id);

    /** The live episode with its jobs. @throws io.acog.core.NotFoundException */
    EpisodeWithJobs getWithJobs(UUID id);

    /**
     * Takes the highest-priority (then oldest) live episode in a working status that no other
     * caller holds ({@code FOR UPDATE SKIP LOCKED}) and runs {@code work} on it in that
     * transaction: the row stays locked until {@code work} returns, and what {@code work} does
     * through the {@link Acog} it receives commits with it. Concurrent callers get different
     * episodes.
     *
     * @return {@code work}'s result, or empty when no episode is waiting
     */
    <T> Optional<T> processNext(BiFunction<Acog, Episode, T> work);
}
