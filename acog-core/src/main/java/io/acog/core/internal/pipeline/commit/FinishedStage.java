package io.acog.core.internal.pipeline.commit;

import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.internal.pipeline.stage.StageResult;
import io.acog.core.internal.pipeline.state.ChannelSettings;
import io.acog.core.internal.pipeline.state.EpisodeDraft;
import io.acog.core.internal.pipeline.state.JobInputs;
import io.acog.core.internal.pipeline.state.PipelineEvent;
import io.acog.core.internal.pipeline.state.StageGraph;
import io.acog.core.internal.pipeline.state.StageMachine;
import io.acog.core.internal.pipeline.state.StageScheduler;
import io.acog.core.job.Job;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage's run applied to its episode's draft: begun (unless that committed already), then its
 * outputs stored and the stage completed (a b-roll clip; a script review that passed or sent the
 * script back), and the stages it unblocks scheduled.
 */
public final class FinishedStage {

    private FinishedStage() {}

    /** Marks the job's stage begun (at {@code begunAt}) in the draft and tells it. */
    public static void begin(EpisodeDraft draft, Job job, OffsetDateTime begunAt) {
        PipelineStage stage = job.stage();
        StageState entry = draft.get(stage);
        StageState begun = stage == PipelineStage.BROLL
                ? StageMachine.startClip(entry, begunAt)
                : StageMachine.start(entry, begunAt);
        draft.put(stage, begun);
        draft.tell(new PipelineEvent.StageStarted(draft.id(), stage, begun.attempts() == null ? 1 : begun.attempts()));
    }

    /**
     * An upload that finished after its episode was cancelled: the video is live, so its URL, time
     * and the publisher's id of it are recorded on the episode, which stays cancelled; nothing is
     * scheduled.
     */
    static void publishedAfterCancel(EpisodeDraft draft, StageCommit.Finish finish, OffsetDateTime now) {
        StageResult.Output output = finish.output();
        draft.produced(output.columns());
        PipelineStage stage = finish.job().stage();
        draft.put(stage, StageMachine.complete(draft.get(stage), output.details(), now));
        completed(draft, stage);
    }

    static void apply(
            EpisodeDraft draft,
            StageCommit.Finish finish,
            StageScheduler scheduler,
            ChannelSettings channel,
            OffsetDateTime now) {
        Job job = finish.job();
        PipelineStage stage = job.stage();
        StageResult.Output output = finish.output();
        if (!finish.started()) {
            begin(draft, job, finish.begunAt());
        }
        draft.produced(output.columns());
        if (output.review() != null && output.review().script() != null) {
            draft.reviewed(output.review().script());
        }
        if (output.script() != null) {
            draft.reviewed(output.script());
        }
        StageState entry = draft.get(stage);
        List<PipelineStage> next = new ArrayList<>();
        if (stage == PipelineStage.BROLL) {
            int clip = job.input(JobInputs.Clip.class).clipIndex();
            StageState after = StageMachine.clipDone(entry, clip, output.details(), now);
            draft.put(stage, after);
            if (after.status() == StageStatus.COMPLETED) {
                completed(draft, stage);
                next.addAll(StageGraph.unblockedBy(draft.state(), stage));
            }
        } else if (output.sendsBack()) {
            List<String> notes = output.review().notes();
            draft.put(stage, StageMachine.sendBack(entry, output.details(), notes));
            draft.put(PipelineStage.SCRIPTING, StageMachine.rewrite(draft.get(PipelineStage.SCRIPTING)));
            draft.scriptingNotes(notes);
            next.add(PipelineStage.SCRIPTING);
        } else {
            draft.put(
                    stage,
                    stage == PipelineStage.SCRIPT_REVIEW
                            ? StageMachine.passReview(entry, output.details(), now)
                            : StageMachine.complete(entry, output.details(), now));
            completed(draft, stage);
            next.addAll(StageGraph.unblockedBy(draft.state(), stage));
            if (stage == PipelineStage.ASSEMBLY && channel.autoPublish()) {
                next.add(PipelineStage.UPLOAD);
            }
        }
        scheduler.settle(draft, next, channel, now);
    }

    /** Tells that the stage completed, with its entry as it now stands. */
    public static void completed(EpisodeDraft draft, PipelineStage stage) {
        draft.tell(PipelineEvent.StageCompleted.of(draft.id(), draft.channelId(), stage, draft.get(stage)));
    }
}
