package io.acog.core.internal.pipeline.state;

import io.acog.core.episode.EpisodeLifecycle;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.ScriptParser;
import io.acog.core.episode.ScriptSegment;
import io.acog.core.episode.SegmentKind;
import io.acog.core.episode.SpeakingRate;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.internal.timeline.TimelineCodec;
import io.acog.core.job.NewJob;
import io.acog.spi.Timeline;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What follows a change of an episode: the stages about to start are marked pending and get their
 * jobs (one, one per b-roll clip, or none for a script that waits for a person), and the status
 * moves to the one the stages imply (or the end the change set). Pure: it changes the draft only.
 */
public final class StageScheduler {

    /** Without a timeline, b-roll clips run for the words they cover, within these bounds. */
    private static final int MIN_CLIP_SECONDS = 3;

    private static final int MAX_CLIP_SECONDS = 10;

    private final int maxRetries;

    public StageScheduler(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    /**
     * Settles the draft after a change that lets {@code start} begin: while the episode is on its
     * way (or being retried) and not ending, their jobs are made; then the status moves, and a
     * status change is told.
     */
    public void settle(EpisodeDraft draft, List<PipelineStage> start, ChannelSettings channel, OffsetDateTime now) {
        EpisodeStatus from = draft.status();
        boolean onItsWay = EpisodeLifecycle.isActive(from) || draft.isRetried();
        if (onItsWay && draft.endStatus() == null) {
            for (PipelineStage stage : schedule(draft, start)) {
                List<NewJob> jobs = jobsFor(draft, stage, channel, now);
                draft.jobs().addAll(jobs);
                if (!jobs.isEmpty()) {
                    draft.tell(new PipelineEvent.StageQueued(draft.id(), stage, jobs.size()));
                }
            }
        }
        EpisodeStatus to =
                draft.endStatus() != null ? draft.endStatus() : onItsWay ? StageGraph.status(draft.state()) : from;
        draft.status(to);
        if (to != from) {
            draft.tell(new PipelineEvent.StatusChanged(draft.id(), from, to));
        }
    }

    /** The stages to start, each marked pending unless it is running already. */
    private static List<PipelineStage> schedule(EpisodeDraft draft, List<PipelineStage> start) {
        List<PipelineStage> scheduled = new ArrayList<>();
        for (PipelineStage stage : start) {
            if (scheduled.contains(stage)) {
                continue;
            }
            scheduled.add(stage);
            if (draft.status(stage) != StageStatus.RUNNING) { // else: a retry while a render goes on
                draft.put(stage, StageMachine.pend(draft.get(stage)));
            }
        }
        return scheduled;
    }

    private List<NewJob> jobsFor(EpisodeDraft draft, PipelineStage stage, ChannelSettings channel, OffsetDateTime now) {
        Object input = null;
        switch (stage) {
            case SCRIPTING -> {
                if (!draft.scriptingNotes().isEmpty()) {
                    input = new JobInputs.Scripting(draft.scriptingNotes());
                }
            }
            case SCRIPT_REVIEW -> {
                if (channel.manualReview()) {
                    draft.put(stage, StageMachine.awaitPerson(draft.get(stage)));
                    return List.of();
                }
            }
            case BROLL -> {
                return clipJobs(draft, channel, now);
            }
            default -> {}
        }
        return List.of(job(draft, stage, input, key(draft.id(), stage, null)));
    }

    private List<NewJob> clipJobs(EpisodeDraft draft, ChannelSettings channel, OffsetDateTime now) {
        List<ScriptSegment> clips =
                ScriptParser.parse(draft.script() == null ? "" : draft.script()).segments(SegmentKind.BROLL);
        StageState broll = draft.get(PipelineStage.BROLL);
        Set<Integer> done = new TreeSet<>(StageMachine.clipsDone(broll));
        draft.put(PipelineStage.BROLL, StageMachine.planClips(broll, clips.size(), now));
        List<NewJob> jobs = new ArrayList<>();
        Timeline timeline = TimelineCodec.read(draft.timeline()); // null for an older episode's
        for (int i = 0; i < clips.size(); i++) {
            if (done.contains(i)) {
                continue;
            }
            ScriptSegment clip = clips.get(i);
            Timeline.Cut cut = timeline == null ? null : timeline.clip(i);
            JobInputs.Clip input;
            if (cut != null) {
                input = new JobInputs.Clip(
                        i, clip.brollDescription(), (int) Math.max(1, (cut.lengthMs() + 999) / 1000), cut.lengthMs());
            } else {
                long seconds = SpeakingRate.estimate(Math.max(clip.wordCount(), 1), channel.wordsPerMinute())
                        .toSeconds();
                input = new JobInputs.Clip(
                        i,
                        clip.brollDescription(),
                        (int) Math.max(MIN_CLIP_SECONDS, Math.min(seconds, MAX_CLIP_SECONDS)),
                        0);
            }
            jobs.add(job(draft, PipelineStage.BROLL, input, key(draft.id(), PipelineStage.BROLL, i)));
        }
        return jobs;
    }

    private NewJob job(EpisodeDraft draft, PipelineStage stage, Object input, String key) {
        return NewJob.builder(draft.id(), stage)
                .input(input)
                .priority(Math.max(0, draft.priority()))
                .maxRetries(maxRetries)
                .idempotencyKey(key)
                .build();
    }

    /** One live job per stage (and clip) of an episode: enqueuing twice yields one job. */
    static String key(UUID episodeId, PipelineStage stage, Integer clip) {
        return "acog:" + episodeId + ":" + stage.label() + (clip == null ? "" : ":" + clip);
    }
}
