package io.acog.core.internal.pipeline;

import io.acog.core.episode.EpisodeLifecycle;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageStatus;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.pipeline.commit.EpisodeChanges;
import io.acog.core.internal.pipeline.state.PipelineEvent;
import io.acog.core.internal.secret.Redaction;
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
 * workers of a pipeline run this at start and every half lease.
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

    @Override
    public void run() {
        for (Stranded stranded : find(db, null)) {
            end(stranded);
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
                    && find(tx.db(), stranded.episodeId()).stream()
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
     * @param episodeId one episode, or null for any
     */
    private static List<Stranded> find(Db db, UUID episodeId) {
        String[] active = Arrays.stream(EpisodeStatus.values())
                .filter(EpisodeLifecycle::isActive)
                .map(EpisodeStatus::label)
                .toArray(String[]::new);
        String[] over = OVER.stream().map(StageStatus::label).toArray(String[]::new);
        return db.read(dsl -> dsl.resultQuery(
                        """
                        SELECT DISTINCT ON (j.episode_id, j.stage) j.episode_id, j.stage::text, j.error_message
                        FROM jobs j JOIN episodes e ON e.id = j.episode_id
                        WHERE j.status = 'failed' AND e.deleted_at IS NULL
                          AND e.status::text = ANY ({0}::text[])
                          AND ({2}::uuid IS NULL OR j.episode_id = {2}::uuid)
                          AND NOT (coalesce(e.pipeline_state -> j.stage::text ->> 'status', 'pending') = ANY ({1}::text[]))
                          AND NOT EXISTS (
                              SELECT 1 FROM jobs k
                              WHERE k.episode_id = j.episode_id AND k.stage = j.stage
                                AND k.status IN ('queued', 'running'))
                        ORDER BY j.episode_id, j.stage, j.completed_at DESC NULLS LAST
                        LIMIT {3}""", DSL.val(active), DSL.val(over), DSL.val(episodeId), DSL.inline(BATCH))
                .fetch(row -> new Stranded(
                        row.get(0, UUID.class),
                        PipelineStage.fromLabel(row.get(1, String.class)),
                        row.get(2, String.class))));
    }
}
