package io.acog.core.internal.pipeline.commit;

import io.acog.core.episode.EpisodeLifecycle;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.pipeline.state.EpisodeDraft;
import io.acog.core.internal.pipeline.state.PipelineEvent;
import io.acog.core.internal.queue.JobStore;
import io.acog.core.internal.store.AssetStore;
import io.acog.core.job.JobTracker;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a group of stage starts and finishes in one transaction: the episodes locked (in id
 * order), the finished jobs completed in one statement (guarded by their claims), each request
 * applied to its episode's draft, the assets stored, the episodes written in one statement and the
 * next stages' jobs enqueued in another.
 */
public final class GroupCommit implements CommitLane.Group<StageCommit, Committed> {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final CommitContext context;

    public GroupCommit(CommitContext context) {
        this.context = context;
    }

    @Override
    public List<Committed> commit(List<StageCommit> group) {
        List<KnownStates.Written> written = new ArrayList<>();
        List<Committed> results = context.db()
                .transaction(db -> db.onConnection(connection -> {
                    written.clear();
                    return commit(db, connection, group, written);
                }));
        context.states().remember(written);
        return results;
    }

    private List<Committed> commit(
            Db db, Connection connection, List<StageCommit> group, List<KnownStates.Written> written)
            throws SQLException {
        JobStore jobs = context.jobs().apply(db);
        OffsetDateTime now = db.now();
        Set<UUID> ids = new TreeSet<>();
        group.forEach(request -> ids.add(request.job().episodeId()));
        // no scripts: the finish that schedules from its episode's script (the audio, after which
        // the b-roll clips start) brings the script it read
        Map<UUID, EpisodeRows.Locked> rows = EpisodeRows.lock(connection, ids, false, context.states());
        Map<UUID, EpisodeDraft> drafts = new LinkedHashMap<>();
        Committed[] results = new Committed[group.size()];

        List<JobTracker.Completion> completions = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            if (group.get(i) instanceof StageCommit.Finish finish) {
                EpisodeRows.Locked row = rows.get(finish.job().episodeId());
                if (row != null && row.status() == EpisodeStatus.CANCELLED && publishes(finish)) {
                    // the video went out while the episode was being cancelled: it is live, so it
                    // is recorded whatever came meanwhile
                    completions.add(new JobTracker.Completion(
                            finish.claim(), finish.output().completion()));
                } else if (row == null || row.status() == EpisodeStatus.CANCELLED) {
                    jobs.cancelled(finish.claim());
                    results[i] = Committed.of(Committed.Outcome.CANCELLED);
                } else {
                    completions.add(new JobTracker.Completion(
                            finish.claim(), finish.output().completion()));
                }
            }
        }
        Set<UUID> lost = jobs.completeAll(completions, true);

        List<AssetStore.Prepared> assets = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            StageCommit request = group.get(i);
            if (results[i] != null) {
                continue;
            }
            if (request instanceof StageCommit.Finish finish) {
                if (lost.contains(finish.job().id())) {
                    results[i] = Committed.of(Committed.Outcome.LEASE_LOST);
                    continue;
                }
                EpisodeDraft draft = draft(drafts, rows, request);
                assets.addAll(finish.assets());
                if (draft.status() == EpisodeStatus.CANCELLED) {
                    FinishedStage.publishedAfterCancel(draft, finish, now);
                    LOG.warn(
                            "Episode {} was cancelled while its upload ran; the video went out anyway and is"
                                    + " recorded: {}",
                            draft.id(),
                            finish.output().columns().publishedUrl());
                } else {
                    FinishedStage.apply(
                            draft,
                            finish,
                            context.scheduler(),
                            context.channels().apply(draft.channelId()),
                            now);
                }
                results[i] = new Committed(Committed.Outcome.COMMITTED, 0, drain(draft));
            }
        }
        for (int i = 0; i < group.size(); i++) {
            if (group.get(i) instanceof StageCommit.Start start) {
                EpisodeRows.Locked row = rows.get(start.job().episodeId());
                EpisodeDraft changed = drafts.get(start.job().episodeId());
                EpisodeStatus status = changed != null ? changed.status() : row == null ? null : row.status();
                if (status == null || !EpisodeLifecycle.isActive(status)) {
                    results[i] = Committed.of(Committed.Outcome.NOT_ON_ITS_WAY);
                } else {
                    EpisodeDraft draft = draft(drafts, rows, start);
                    FinishedStage.begin(draft, start.job(), start.begunAt());
                    List<PipelineEvent> events = drain(draft);
                    int attempt = ((PipelineEvent.StageStarted) events.get(0)).attempt();
                    results[i] = new Committed(Committed.Outcome.COMMITTED, attempt, events);
                }
            }
        }
        AssetStore.storeAll(db, assets, now);
        written.addAll(EpisodeChanges.flush(connection, jobs, drafts.values(), rows));
        return List.of(results);
    }

    /** Whether the finished stage put a video out: an upload with its published URL. */
    private static boolean publishes(StageCommit.Finish finish) {
        return finish.job().stage() == PipelineStage.UPLOAD
                && finish.output().columns() != null
                && finish.output().columns().publishedUrl() != null;
    }

    private static EpisodeDraft draft(
            Map<UUID, EpisodeDraft> drafts, Map<UUID, EpisodeRows.Locked> rows, StageCommit request) {
        return drafts.computeIfAbsent(
                request.job().episodeId(), id -> rows.get(id).draft());
    }

    /** The events the draft gathered since the last drain: those of the request just applied. */
    private static List<PipelineEvent> drain(EpisodeDraft draft) {
        List<PipelineEvent> events = new ArrayList<>(draft.events());
        draft.events().clear();
        return events;
    }
}
