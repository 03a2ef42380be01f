package io.acog.core.internal.pipeline.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.PipelineState;
import io.acog.core.episode.ScriptParser;
import io.acog.core.episode.ScriptSegment;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.internal.timeline.TimelineCodec;
import io.acog.core.internal.timeline.TimelinePlanner;
import io.acog.core.job.NewJob;
import io.acog.spi.Media;
import io.acog.spi.Timeline;
import io.acog.spi.VoiceSynthesizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What follows a change of an episode: next stages pending with their jobs, the status moved. */
class StageSchedulerTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 5, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final ChannelSettings AUTOMATIC = new ChannelSettings(false, 150, true);
    private static final String SCRIPT = """
            [AVATAR] Hello there.
            [BROLL:a spiral galaxy] Look at this one.
            [VOICEOVER] It is far away.
            [BROLL:a telescope] Seen from here.""";

    private final StageScheduler scheduler = new StageScheduler(3);

    private static EpisodeDraft draft(EpisodeStatus status, PipelineState state, String script) {
        return new EpisodeDraft(UUID.randomUUID(), UUID.randomUUID(), status, state, 7, script, null);
    }

    private static PipelineState reviewed() {
        StageState done = StageState.builder().status(StageStatus.COMPLETED).build();
        return PipelineState.empty()
                .with(PipelineStage.PLANNING, done)
                .with(PipelineStage.SCRIPTING, done)
                .with(PipelineStage.SCRIPT_REVIEW, done);
    }

    @Test
    void startingAnEpisodeQueuesItsPlanningAndMovesItToPlanning() {
        EpisodeDraft draft = draft(EpisodeStatus.IDEA, PipelineState.empty(), null);

        scheduler.settle(draft, List.of(PipelineStage.PLANNING), AUTOMATIC, NOW);

        assertThat(draft.jobs()).singleElement().satisfies(job -> {
            assertThat(job.stage()).isEqualTo(PipelineStage.PLANNING);
            assertThat(job.priority()).isEqualTo(7);
            assertThat(job.maxRetries()).isEqualTo(3);
            assertThat(job.idempotencyKey()).isEqualTo("acog:" + draft.id() + ":planning");
        });
        assertThat(draft.status(PipelineStage.PLANNING)).isEqualTo(StageStatus.PENDING);
        assertThat(draft.status()).isEqualTo(EpisodeStatus.PLANNING);
        // what a listener hears: the job queued (what metrics count), then the status
        assertThat(draft.events())
                .containsExactly(
                        new PipelineEvent.StageQueued(draft.id(), PipelineStage.PLANNING, 1),
                        new PipelineEvent.StatusChanged(draft.id(), EpisodeStatus.IDEA, EpisodeStatus.PLANNING));
    }

    @Test
    void bRollRunsAsOneJobPerClipNotYetDone() {
        PipelineState oneDone = reviewed()
                .with(
                        PipelineStage.BROLL,
                        StageState.builder()
                                .status(StageStatus.RUNNING)
                                .extra(StageMachine.CLIPS_DONE, List.of(1))
                                .build());
        EpisodeDraft draft = draft(EpisodeStatus.AUDIO, oneDone, SCRIPT);

        scheduler.settle(draft, List.of(PipelineStage.BROLL), AUTOMATIC, NOW);

        assertThat(draft.jobs()).singleElement().satisfies(job -> {
            assertThat(job.stage()).isEqualTo(PipelineStage.BROLL);
            assertThat(job.idempotencyKey()).endsWith(":broll:0");
            assertThat(job.input()).isEqualTo(new JobInputs.Clip(0, "a spiral galaxy", 3, 0));
        });
        assertThat(draft.get(PipelineStage.BROLL).extra()).containsEntry(StageMachine.CLIPS_TOTAL, 2);
        assertThat(draft.status(PipelineStage.BROLL)).isEqualTo(StageStatus.RUNNING);
        // heard as the jobs queued, not the clips in all
        assertThat(draft.events()).containsExactly(new PipelineEvent.StageQueued(draft.id(), PipelineStage.BROLL, 1));
    }

    @Test
    void eachClipRunsAsLongAsItsCutOnTheTimeline() {
        List<ScriptSegment> segments = ScriptParser.parse(SCRIPT).segments();
        Timeline timeline = TimelinePlanner.plan(
                segments,
                new VoiceSynthesizer.Speech(
                        Media.ofBytes("voice.wav", "audio/wav", new byte[0]),
                        9000,
                        List.of(
                                new VoiceSynthesizer.LineTiming(0, 0, 1000, List.of()),
                                new VoiceSynthesizer.LineTiming(1, 1000, 5500, List.of()),
                                new VoiceSynthesizer.LineTiming(2, 5500, 7000, List.of()),
                                new VoiceSynthesizer.LineTiming(3, 7000, 9000, List.of())),
                        null,
                        null),
                150);
        PipelineState spoken = reviewed()
                .with(
                        PipelineStage.AUDIO,
                        StageState.builder().status(StageStatus.COMPLETED).build());
        EpisodeDraft draft = draft(EpisodeStatus.AVATAR, spoken, SCRIPT);
        draft.produced(EpisodeColumns.timeline(TimelineCodec.write(timeline)));

        scheduler.settle(draft, List.of(PipelineStage.BROLL), AUTOMATIC, NOW);

        assertThat(draft.jobs())
                .extracting(NewJob::input)
                .containsExactly(
                        new JobInputs.Clip(0, "a spiral galaxy", 5, 4500),
                        new JobInputs.Clip(1, "a telescope", 2, 2000));
    }

    @Test
    void aScriptWithoutClipsSkipsBroll() {
        EpisodeDraft draft = draft(EpisodeStatus.AUDIO, reviewed(), "[AVATAR] Only me.");

        scheduler.settle(draft, List.of(PipelineStage.BROLL), AUTOMATIC, NOW);

        assertThat(draft.jobs()).isEmpty();
        assertThat(draft.status(PipelineStage.BROLL)).isEqualTo(StageStatus.SKIPPED);
    }

    @Test
    void aManualReviewWaitsForAPersonWithoutAJob() {
        StageState done = StageState.builder().status(StageStatus.COMPLETED).build();
        PipelineState written =
                PipelineState.empty().with(PipelineStage.PLANNING, done).with(PipelineStage.SCRIPTING, done);
        EpisodeDraft draft = draft(EpisodeStatus.SCRIPTING, written, SCRIPT);

        scheduler.settle(draft, List.of(PipelineStage.SCRIPT_REVIEW), new ChannelSettings(true, 150, true), NOW);

        assertThat(draft.jobs()).isEmpty();
        assertThat(draft.status(PipelineStage.SCRIPT_REVIEW)).isEqualTo(StageStatus.WAITING);
        assertThat(draft.status()).isEqualTo(EpisodeStatus.SCRIPT_REVIEW);
    }

    @Test
    void aRewriteCarriesTheReviewNotesToTheWriter() {
        EpisodeDraft draft = draft(EpisodeStatus.SCRIPT_REVIEW, reviewed(), SCRIPT);
        draft.scriptingNotes(List.of("shorter"));

        scheduler.settle(draft, List.of(PipelineStage.SCRIPTING), AUTOMATIC, NOW);

        NewJob job = draft.jobs().get(0);
        assertThat(job.input()).isEqualTo(new JobInputs.Scripting(List.of("shorter")));
    }

    @Test
    void anEpisodeThatEndsGetsNoJobsAndTheEndStatus() {
        EpisodeDraft draft = draft(EpisodeStatus.AUDIO, reviewed(), SCRIPT);
        draft.end(EpisodeStatus.CANCELLED);

        scheduler.settle(draft, List.of(PipelineStage.METADATA), AUTOMATIC, NOW);

        assertThat(draft.jobs()).isEmpty();
        assertThat(draft.status()).isEqualTo(EpisodeStatus.CANCELLED);
        assertThat(draft.events())
                .containsExactly(
                        new PipelineEvent.StatusChanged(draft.id(), EpisodeStatus.AUDIO, EpisodeStatus.CANCELLED));
    }
}
