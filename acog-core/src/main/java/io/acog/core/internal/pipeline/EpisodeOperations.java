package io.acog.core.internal.pipeline;

import io.acog.core.ConflictException;
import io.acog.core.InvalidTransitionException;
import io.acog.core.ValidationException;
import io.acog.core.channel.Channel;
import io.acog.core.episode.EpisodeLifecycle;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.pipeline.commit.EpisodeChanges;
import io.acog.core.internal.pipeline.commit.FinishedStage;
import io.acog.core.internal.pipeline.stage.Providers;
import io.acog.core.internal.pipeline.state.EpisodeDraft;
import io.acog.core.internal.pipeline.state.StageGraph;
import io.acog.core.internal.pipeline.state.StageMachine;
import io.acog.core.internal.store.ChannelRules;
import io.acog.core.internal.store.ChannelStore;
import io.acog.core.internal.store.EpisodeStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a host does to an episode in the pipeline: start it, approve or reject its script, publish
 * it, retry it after a failure, cancel it. Each is one change under the episode's row lock.
 */
final class EpisodeOperations {

    private static final String ENTITY = EpisodeStore.ENTITY;

    private final EpisodeChanges changes;
    private final Spending spending;
    private final RenderCancellation renders;
    private final ListenerBus listeners;
    private final Providers providers;

    EpisodeOperations(
            EpisodeChanges changes,
            Spending spending,
            RenderCancellation renders,
            ListenerBus listeners,
            Providers providers) {
        this.changes = changes;
        this.spending = spending;
        this.renders = renders;
        this.listeners = listeners;
        this.providers = providers;
    }

    void start(UUID episodeId) {
        change(episodeId, (tx, draft) -> {
            EpisodeStatus from = draft.status();
            EpisodeLifecycle.refusal(from, EpisodeStatus.PLANNING, draft.state())
                    .ifPresent(why -> {
                        throw new InvalidTransitionException(
                                episodeId,
                                from,
                                EpisodeStatus.PLANNING,
                                why + "; only an episode in idea can be started");
                    });
            // a channel this pipeline cannot serve is refused before any provider is paid
            Channel channel = ChannelStore.get(tx.db(), draft.channelId());
            ChannelRules.check(channel);
            providers.check(channel);
            spending.checkBudget(tx.db(), draft.channelId());
            return List.of(PipelineStage.PLANNING);
        });
    }

    void approveScript(UUID episodeId, String reviewer) {
        String who = Checks.notNull(ENTITY, "reviewer", reviewer);
        if (who.isBlank()) {
            throw new ValidationException(ENTITY, "reviewer", "is blank; name who approved");
        }
        Checks.storable(ENTITY, "reviewer", who);
        change(episodeId, (tx, draft) -> {
            waitingForReview(draft);
            draft.put(
                    PipelineStage.SCRIPT_REVIEW,
                    StageMachine.approve(draft.get(PipelineStage.SCRIPT_REVIEW), who, tx.now()));
            FinishedStage.completed(draft, PipelineStage.SCRIPT_REVIEW);
            return StageGraph.unblockedBy(draft.state(), PipelineStage.SCRIPT_REVIEW);
        });
    }

    void rejectScript(UUID episodeId, String notes) {
        String text = Checks.notNull(ENTITY, "notes", notes);
        if (text.isBlank()) {
            throw new ValidationException(ENTITY, "notes", "is blank; say what the writer should" + " change");
        }
        Checks.storable(ENTITY, "notes", text);
        change(episodeId, (tx, draft) -> {
            waitingForReview(draft);
            draft.put(
                    PipelineStage.SCRIPT_REVIEW,
                    StageMachine.sendBack(draft.get(PipelineStage.SCRIPT_REVIEW), StageState.empty(), List.of(text)));
            draft.put(PipelineStage.SCRIPTING, StageMachine.rewrite(draft.get(PipelineStage.SCRIPTING)));
            draft.scriptingNotes(List.of(text));
            return List.of(PipelineStage.SCRIPTING);
        });
    }

    void publish(UUID episodeId) {
        change(episodeId, (tx, draft) -> {
            if (draft.status() != EpisodeStatus.READY) {
                throw new InvalidTransitionException(
                        episodeId, draft.status(), EpisodeStatus.PUBLISHING, "only a ready episode can be published");
            }
            return List.of(PipelineStage.UPLOAD);
        });
    }

    void retry(UUID episodeId) {
        change(episodeId, (tx, draft) -> {
            if (draft.status() != EpisodeStatus.FAILED) {
                throw InvalidTransitionException.needs(
                        episodeId, draft.status(), EpisodeStatus.FAILED, "only a failed episode can be retried");
            }
            spending.checkBudget(tx.db(), draft.channelId());
            for (PipelineStage stage : PipelineStage.values()) {
                if (StageMachine.retryable(draft.get(stage))) {
                    draft.put(stage, StageMachine.pend(draft.get(stage)));
                }
            }
            draft.retried();
            return StageGraph.runnable(draft.state());
        });
    }

    void cancel(UUID episodeId) {
        List<RenderCancellation.Task> tasks = new ArrayList<>();
        change(episodeId, (tx, draft) -> {
            EpisodeStatus from = draft.status();
            if (from == EpisodeStatus.CANCELLED) {
                draft.leaveUnchanged();
                return List.of();
            }
            if (from == EpisodeStatus.PUBLISHED) {
                throw new InvalidTransitionException(
                        episodeId,
                        from,
                        EpisodeStatus.CANCELLED,
                        "its video went out (see published_url) and cannot be called back; published is final");
            }
            tasks.addAll(RenderCancellation.live(tx.db(), episodeId));
            tx.jobs().cancelAll(episodeId);
            for (PipelineStage stage : PipelineStage.values()) {
                if (StageMachine.cancellable(draft.get(stage))) {
                    draft.put(stage, StageMachine.cancel(draft.get(stage)));
                }
            }
            draft.end(EpisodeStatus.CANCELLED);
            return List.of();
        });
        tasks.forEach(renders::cancel);
    }

    private void change(UUID episodeId, EpisodeChanges.Change change) {
        Checks.notNull(ENTITY, "id", episodeId);
        listeners.tell(changes.change(episodeId, change));
    }

    private static void waitingForReview(EpisodeDraft draft) {
        if (draft.status() != EpisodeStatus.SCRIPT_REVIEW
                || draft.status(PipelineStage.SCRIPT_REVIEW) != StageStatus.WAITING) {
            throw new ConflictException(
                    ENTITY,
                    "episode " + draft.id() + "'s script does not"
                            + " wait for review: the episode is "
                            + draft.status().label()
                            + " and script_review is "
                            + draft.status(PipelineStage.SCRIPT_REVIEW).label());
        }
    }
}
