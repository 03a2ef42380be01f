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
     * @param episode what to create
     * @return the stored episode, with its id and timestamps
     * @throws io.acog.core.NotFoundException when the channel is absent or soft-deleted, or the
     *     pulse event or source episode the idea source requires is absent
     * @throws io.acog.core.ConflictException when a live episode of the channel has the slug
     * @throws io.acog.core.ValidationException for over-long title or slug, a slug that is not
     *     URL-safe, or a link that does not fit the idea source
     */
    Episode create(NewEpisode episode);

    /**
     * Returns the live episode.
     *
     * @param id the episode's id
     * @return the episode
     * @throws io.acog.core.NotFoundException when absent or soft-deleted
     */
    Episode get(UUID id);

    /**
     * Finds the live episode.
     *
     * @param id the episode's id
     * @return the episode, or empty when absent or soft-deleted
     */
    Optional<Episode> find(UUID id);

    /**
     * Finds the channel's live episode with this slug.
     *
     * @param channelId the channel
     * @param slug the episode's slug
     * @return the episode, or empty when none
     */
    Optional<Episode> findBySlug(UUID channelId, String slug);

    /**
     * Applies the changes the update sets; fields it does not set stay as they are.
     *
     * @param id the episode's id
     * @param update the changes
     * @return the episode as stored afterwards
     * @throws io.acog.core.NotFoundException when the episode is absent or soft-deleted
     * @throws io.acog.core.ConflictException for a slug another live episode of the channel has, or
     *     when {@link EpisodeUpdate.Builder#unchangedSince} no longer holds
     * @throws io.acog.core.ValidationException for an over-long or malformed field, or a script
     *     that does not parse
     */
    Episode update(UUID id, EpisodeUpdate update);

    /**
     * Stores a new script: parses it ({@link ScriptParser}), then writes it with its metadata:
     * version one up, word count, and spoken duration at the channel's speaking rate ({@link
     * SpeakingRate}). Keys of the old metadata that ACOG does not compute are kept.
     *
     * @param id the episode's id
     * @param script the script with its markers
     * @return the episode with its new script and metadata
     * @throws io.acog.core.ValidationException naming line and column of a malformed marker
     * @throws io.acog.core.NotFoundException when the episode is absent or soft-deleted
     */
    Episode saveScript(UUID id, String script);

    /**
     * Lists one page of a channel's episodes, newest first.
     *
     * @param query the channel, filter, page size and cursor
     * @return the page
     * @throws io.acog.core.ValidationException for a page size outside 1 to 500, or a cursor this
     *     listing did not return
     */
    Page<Episode> list(EpisodeQuery query);

    /**
     * Soft-deletes the episode; its slug is free for the channel's other episodes afterwards. The
     * row stays, with its jobs and assets, until {@link
     * io.acog.core.maintenance.Maintenance#purgeSoftDeleted} removes it.
     *
     * @param id the episode's id
     * @throws io.acog.core.NotFoundException when absent or already soft-deleted
     */
    void softDelete(UUID id);

    /**
     * Makes a soft-deleted episode live again.
     *
     * @param id the episode's id
     * @return the episode, live
     * @throws io.acog.core.NotFoundException when there is no soft-deleted episode with this id
     * @throws io.acog.core.ConflictException when a live episode of the channel took its slug
     *     meanwhile, or its channel is soft-deleted
     */
    Episode restore(UUID id);

    /**
     * Moves the episode from its current status to {@code to}, if {@link EpisodeLifecycle} allows
     * it. Compare-and-set on the status read: of two concurrent transitions, one wins and the other
     * gets a {@link io.acog.core.ConflictException}. Resuming from {@code failed} counts {@code
     * retry_count}. This moves the status only: to run stages, use {@link
     * io.acog.core.pipeline.EpisodePipeline}.
     *
     * @param id the episode's id
     * @param to the wanted status
     * @return the episode in its new status
     * @throws io.acog.core.InvalidTransitionException naming from and to; nothing is written
     * @throws io.acog.core.NotFoundException when the episode is absent or soft-deleted
     */
    Episode transition(UUID id, EpisodeStatus to);

    /**
     * Moves the episode to {@code to} as {@link #transition(UUID, EpisodeStatus)} does, but only
     * from {@code expected}.
     *
     * @param id the episode's id
     * @param expected the status it must be in
     * @param to the wanted status
     * @return the episode in its new status
     * @throws io.acog.core.ConflictException when the episode is no longer in {@code expected}
     * @throws io.acog.core.InvalidTransitionException when the life cycle does not allow {@code
     *     expected → to}
     */
    Episode transition(UUID id, EpisodeStatus expected, EpisodeStatus to);

    /**
     * Moves an active episode to {@code failed}, recording why in {@code last_error}.
     *
     * @param id the episode's id
     * @param error why it failed
     * @return the failed episode
     * @throws io.acog.core.InvalidTransitionException when it is not active
     */
    Episode fail(UUID id, String error);

    /**
     * Merges the patch's set fields into {@code pipeline_state[stage]} under the row lock: other
     * stages' entries, and this stage's fields the patch does not set, stay as they are.
     *
     * @param id the episode's id
     * @param stage the stage whose entry changes
     * @param patch the fields to set; null fields are left alone
     * @return the episode as stored afterwards
     * @throws io.acog.core.NotFoundException when the episode is absent or soft-deleted
     */
    Episode updateStage(UUID id, PipelineStage stage, StageState patch);

    /**
     * Marks the stage running: status {@code running}, {@code started_at} now, {@code attempts} one
     * up, any {@code error} and {@code completed_at} removed, and the details' set fields
     * (provider, job id, ...) merged in.
     *
     * @param id the episode's id
     * @param stage the stage
     * @param details further fields to merge; nullable
     * @return the episode as stored afterwards
     * @throws io.acog.core.NotFoundException when the episode is absent or soft-deleted
     */
    Episode startStage(UUID id, PipelineStage stage, StageState details);

    /**
     * Marks the stage completed at now, merging the details' set fields (tokens, model, ...).
     *
     * @param id the episode's id
     * @param stage the stage
     * @param details further fields to merge; nullable
     * @return the episode as stored afterwards
     * @throws io.acog.core.NotFoundException when the episode is absent or soft-deleted
     */
    Episode completeStage(UUID id, PipelineStage stage, StageState details);

    /**
     * Marks the stage failed with {@code error}. The episode's status is left alone: {@link #fail}
     * moves it.
     *
     * @param id the episode's id
     * @param stage the stage
     * @param error why it failed
     * @return the episode as stored afterwards
     * @throws io.acog.core.NotFoundException when the episode is absent or soft-deleted
     */
    Episode failStage(UUID id, PipelineStage stage, String error);

    /**
     * Lists the channel's latest live episodes with their live asset counts, newest first: the
     * seed's dashboard listing (50 there).
     *
     * @param channelId the channel
     * @param limit how many, from 1 to 500
     * @return the summaries
     * @throws io.acog.core.ValidationException for a limit outside 1 to 500
     */
    List<EpisodeSummary> latestWithAssetCounts(UUID channelId, int limit);

    /**
     * Counts the channel's live episodes created within {@code window} by status.
     *
     * @param channelId the channel
     * @param window how far back from now, not negative
     * @return the count of each status that has any; a status with none is absent
     */
    Map<EpisodeStatus, Long> statusOverview(UUID channelId, Duration window);

    /**
     * Counts every live (not deleted) episode of every channel by status: what a gauge of
     * episodes by status reads. One grouped query over the episodes' status index.
     *
     * @return the count of each status that has any; a status with none is absent
     */
    Map<EpisodeStatus, Long> statusCounts();

    /**
     * Returns the live episode with its live assets, read in one query.
     *
     * @param id the episode's id
     * @return the episode and its assets
     * @throws io.acog.core.NotFoundException when absent or soft-deleted
     */
    EpisodeWithAssets getWithAssets(UUID id);

    /**
     * Returns the live episode with its jobs, read in one query.
     *
     * @param id the episode's id
     * @return the episode and its jobs
     * @throws io.acog.core.NotFoundException when absent or soft-deleted
     */
    EpisodeWithJobs getWithJobs(UUID id);

    /**
     * Takes the highest-priority (then oldest) live episode in a working status that no other
     * caller holds ({@code FOR UPDATE SKIP LOCKED}) and runs {@code work} on it in that
     * transaction: the row stays locked until {@code work} returns, and what {@code work} does
     * through the {@link Acog} it receives commits with it. Concurrent callers get different
     * episodes.
     *
     * @param <T> the result's type
     * @param work what to do with the episode, through the {@code Acog} it is given
     * @return {@code work}'s result, or empty when no episode is waiting
     */
    <T> Optional<T> processNext(BiFunction<Acog, Episode, T> work);
}
