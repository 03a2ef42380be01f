package io.acog.core.internal.pipeline.commit;

import io.acog.core.episode.EpisodeLifecycle;
import io.acog.core.episode.PipelineStage;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.pipeline.state.EpisodeDraft;
import io.acog.core.internal.pipeline.state.PipelineEvent;
import io.acog.core.internal.queue.JobStore;
import io.acog.core.internal.store.EpisodeStore;
import io.acog.core.job.NewJob;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one way an episode changes outside the lane: in a transaction, under its row lock, a change
 * works on its draft, the stages it lets start are scheduled, and the draft is written with the
 * next stages' jobs. The events are returned to be told once the transaction committed.
 */
public final class EpisodeChanges {

    /** A change of a locked episode. */
    @FunctionalInterface
    public interface Change {

        /**
         * Changes the draft; may write through the transaction's queue.
         *
         * @return the stages to start now
         */
        List<PipelineStage> apply(Tx tx, EpisodeDraft draft);
    }

    /** The transaction a change runs in: its database scope, its job queue, its time. */
    public record Tx(Db db, JobStore jobs, OffsetDateTime now) {}

    private final CommitContext context;

    public EpisodeChanges(CommitContext context) {
        this.context = context;
    }

    /**
     * Runs {@code change} on the live episode.
     *
     * @return the events to tell
     * @throws io.acog.core.NotFoundException when the episode is absent or soft-deleted
     */
    public List<PipelineEvent> change(UUID episodeId, Change change) {
        return run(episodeId, change, true);
    }

    /**
     * Runs {@code change} on the episode if it is still live; when it is gone, {@code change} is
     * given a null draft (so that it can still end its job) and nothing else is written.
     */
    public List<PipelineEvent> changeIfLive(UUID episodeId, Change change) {
        return run(episodeId, change, false);
    }

    private List<PipelineEvent> run(UUID episodeId, Change change, boolean mustBeLive) {
        List<KnownStates.Written> written = new ArrayList<>();
        List<PipelineEvent> events = context.db()
                .transaction(db -> db.onConnection(connection -> {
                    written.clear();
                    EpisodeRows.Locked row = EpisodeRows.lock(connection, List.of(episodeId), context.states())
                            .get(episodeId);
                    if (row == null && mustBeLive) {
                        throw EpisodeStore.notFound(episodeId);
                    }
                    Tx tx = new Tx(db, context.jobs().apply(db), db.now());
                    if (row == null) {
                        change.apply(tx, null);
                        return List.<PipelineEvent>of();
                    }
                    EpisodeDraft draft = row.draft();
                    List<PipelineStage> start = change.apply(tx, draft);
                    context.scheduler().settle(draft, start, context.channels().apply(draft.channelId()), tx.now());
                    written.addAll(flush(connection, tx.jobs(), List.of(draft), Map.of(episodeId, row)));
                    return new ArrayList<>(draft.events());
                }));
        context.states().remember(written);
        return events;
    }

    /**
     * Writes the changed drafts in one statement and enqueues their jobs in another.
     *
     * @param rows the drafts' rows as locked
     * @return the rows written, to remember once the transaction committed
     */
    static List<KnownStates.Written> flush(
            Connection connection, JobStore jobs, Collection<EpisodeDraft> drafts, Map<UUID, EpisodeRows.Locked> rows)
            throws SQLException {
        List<EpisodeRows.Update> updates = new ArrayList<>(drafts.size());
        List<NewJob> next = new ArrayList<>();
        for (EpisodeDraft draft : drafts) {
            if (!draft.isUnchanged()) {
                updates.add(EpisodeRows.Update.of(draft, rows.get(draft.id()).state()));
                next.addAll(draft.jobs());
            }
        }
        Map<UUID, String> versions = EpisodeRows.updateAll(connection, updates);
        jobs.enqueueLocked(next);
        List<KnownStates.Written> written = new ArrayList<>(updates.size());
        for (EpisodeRows.Update update : updates) {
            written.add(new KnownStates.Written(
                    update.id(),
                    versions.get(update.id()),
                    update.state(),
                    !EpisodeLifecycle.isActive(update.status())));
        }
        return written;
    }
}
