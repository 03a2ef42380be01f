package io.acog.core.internal.pipeline;

import io.acog.core.episode.EpisodeLifecycle;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageStatus;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.pipeline.commit.EpisodeChanges;
import io.acog.core.internal.pipeline.state.PipelineEvent;
import io.acog.core.internal.secret.Redaction;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the stages left running by a job that ended outside its handler: its lease ran out with no
 * retry left, or its failure could not be recorded with its episode (the database went away at that
 * moment) and was recorded by the worker alone. Such a stage fails for good with the job's error,
 * and its episode with it, visibly and retryably, as if its handler had recorded the failure. The
 * workers of a pipeline run this at start and every half lease; a worker's first pass looks at
 * jobs that failed in the last {@link #FIRST_LOOK_BACK}, each later one at those that failed since
 * the pass before (with some overlap), off the index of finished jobs, so a pass costs little
 * however many jobs the table holds.
 */
final class StrandedStages implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(StrandedStages.class);
    /** The most stages ended in one pass; the next pass takes the rest. */
    private static final int BATCH = 100;
    /** Stage statuses that are over: a failed job of such a stage is history, not a stranded stage. */
    private static final Set<StageStatus> OVER =
            EnumSet.of(StageStatus.COMPLETED, StageStatus.FAILED, StageStatus.SKIPPED, StageStatus.CANCELLED);

    private record Stranded(UUID episodeId, PipelineStage stage, String error) {}

    private final Db db;
    private final EpisodeChanges changes;
    private final ListenerBus listeners;

    StrandedStages(Db db, EpisodeChanges changes, ListenerBus listeners) {
        this.db = db;
        this.changes = changes;
        this.listeners = listeners;
    }

    /** How far back a worker's first pass looks; later passes look back to the pass before. */
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);
    /** Overlap between passes: a failure recorded by a transaction that began before a pass. */
    private static final Duration OVERLAP = Duration.ofMinutes(5);

    /** Where the next pass starts looking; null before the first. Guarded by this. */
    private OffsetDateTime since;

    @Override
    public void run() {
        OffsetDateTime now = db.now();
        OffsetDateTime from;
        synchronized (this) {
            from = since != null ? since : now.minus(FIRST_LOOK_BACK);
        }
        List<Stranded> found = find(db, null, from);
        for (Stranded stranded : found) {
            end(stranded);
        }
        if (found.size() < BATCH) {
            synchronized (this) {
                since = now.minus(OVERLAP);
            }
        }
    }

    private void end(Stranded stranded) {
        String message = Redaction.recordable(stranded.error());
        listeners.tell(changes.changeIfLive(stranded.episodeId(), (tx, draft) -> {
            if (draft == null) {
                return List.of();
            }
            // under the episode's lock: a retry or a finished stage meanwhile wins
            boolean still = EpisodeLifecycle.isActive(draft.status())
                    && find(tx.db(), stranded.episodeId(), null).stream()
                            .anyMatch(again -> again.stage() == stranded.stage());
            if (!still) {
                draft.leaveUnchanged();
                return List.of();
            }
            LOG.info(
                    "Stage {} of episode {} failed for good outside its handler: {}",
                    stranded.stage().label(),
                    stranded.episodeId(),
                    message);
            draft.tell(new PipelineEvent.StageFailed(draft.id(), stranded.stage(), message, false));
            JobEnds.failForGood(tx, draft, stranded.stage(), message);
            return List.of();
        }));
    }

    /**
     * The stages of episodes on their way whose latest job failed for good while the stage is not
     * over and no job of it is queued or running.
     *
     * @param episodeId one episode, whenever its jobs failed; or null for any episode's jobs that
     *     failed since {@code since} (read off the index of finished jobs)
     */
    private static List<Stranded> find(Db db, UUID episodeId, OffsetDateTime since) {
        String[] active = Arrays.stream(EpisodeStatus.values())
                .filter(EpisodeLifecycle::isActive)
                .map(EpisodeStatus::label)
                .toArray(String[]::new);
        String[] over = OVER.stream().map(StageStatus::label).toArray(String[]::new);
        // one of two narrowings, written out so that each plan can use its index: the finished
        // jobs' (completed_at) for a pass, the episode's for the check under its lock
        String which = episodeId != null ? "j.episode_id = {2}" : "j.completed_at > {2}";
        Object narrowing = episodeId != null ? episodeId : since;
        String sql = """
                SELECT DISTINCT ON (j.episode_id, j.stage) j.episode_id, j.stage::text, j.error_message
                FROM jobs j JOIN episodes e ON e.id = j.episode_id
                WHERE j.status = 'failed' AND e.deleted_at IS NULL AND %s
                  AND e.status::text = ANY ({0}::text[])
                  AND NOT (coalesce(e.pipeline_state -> j.stage::text ->> 'status', 'pending') = ANY ({1}::text[]))
                  AND NOT EXISTS (
                      SELECT 1 FROM jobs k
                      WHERE k.episode_id = j.episode_id AND k.stage = j.stage
                        AND k.status IN ('queued', 'running'))
                ORDER BY j.episode_id, j.stage, j.completed_at DESC NULLS LAST
                LIMIT {3}""".formatted(which);
        return db.read(dsl -> dsl.resultQuery(
                        sql, DSL.val(active), DSL.val(over), DSL.val(narrowing), DSL.inline(BATCH))
                .fetch(row -> new Stranded(
                        row.get(0, UUID.class),
                        PipelineStage.fromLabel(row.get(1, String.class)),
                        row.get(2, String.class))));
    }
}
