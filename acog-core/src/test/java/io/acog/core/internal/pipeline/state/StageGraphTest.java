package io.acog.core.internal.pipeline.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.PipelineState;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which stage needs which, and the status an episode shows for its stages. */
class StageGraphTest {

    private static PipelineState state(Object... stagesAndStatuses) {
        Map<PipelineStage, StageState> stages = new EnumMap<>(PipelineStage.class);
        for (int i = 0; i < stagesAndStatuses.length; i += 2) {
            stages.put(
                    (PipelineStage) stagesAndStatuses[i],
                    StageState.builder()
                            .status((StageStatus) stagesAndStatuses[i + 1])
                            .build());
        }
        return new PipelineState(stages, null);
    }

    @Test
    void aNewEpisodeCanOnlyBePlanned() {
        assertThat(StageGraph.runnable(PipelineState.empty())).containsExactly(PipelineStage.PLANNING);
        assertThat(StageGraph.status(PipelineState.empty())).isEqualTo(EpisodeStatus.PLANNING);
    }

    @Test
    void aReviewedScriptLetsMetadataAndAudioRunSideBySideAndBrollFollowsTheAudio() {
        PipelineState reviewed = state(
                PipelineStage.PLANNING,
                StageStatus.COMPLETED,
                PipelineStage.SCRIPTING,
                StageStatus.COMPLETED,
                PipelineStage.SCRIPT_REVIEW,
                StageStatus.COMPLETED);

        assertThat(StageGraph.unblockedBy(reviewed, PipelineStage.SCRIPT_REVIEW))
                .containsExactly(PipelineStage.METADATA, PipelineStage.AUDIO);
        assertThat(StageGraph.status(reviewed)).isEqualTo(EpisodeStatus.AUDIO);
        PipelineState spoken = reviewed.with(
                PipelineStage.AUDIO,
                StageState.builder().status(StageStatus.COMPLETED).build());
        assertThat(StageGraph.unblockedBy(spoken, PipelineStage.AUDIO))
                .containsExactly(PipelineStage.AVATAR, PipelineStage.BROLL);
    }

    @Test
    void assemblyWaitsForEverythingItCutsAndUploadForBeingAskedFor() {
        PipelineState almost = state(
                PipelineStage.PLANNING,
                StageStatus.COMPLETED,
                PipelineStage.SCRIPTING,
                StageStatus.COMPLETED,
                PipelineStage.SCRIPT_REVIEW,
                StageStatus.COMPLETED,
                PipelineStage.METADATA,
                StageStatus.COMPLETED,
                PipelineStage.AUDIO,
                StageStatus.COMPLETED,
                PipelineStage.AVATAR,
                StageStatus.COMPLETED,
                PipelineStage.BROLL,
                StageStatus.RUNNING);
        PipelineState clipsDone = state(
                PipelineStage.PLANNING,
                StageStatus.COMPLETED,
                PipelineStage.SCRIPTING,
                StageStatus.COMPLETED,
                PipelineStage.SCRIPT_REVIEW,
                StageStatus.COMPLETED,
                PipelineStage.METADATA,
                StageStatus.COMPLETED,
                PipelineStage.AUDIO,
                StageStatus.COMPLETED,
                PipelineStage.AVATAR,
                StageStatus.COMPLETED,
                PipelineStage.BROLL,
                StageStatus.SKIPPED);

        assertThat(StageGraph.unblockedBy(almost, PipelineStage.AVATAR)).isEmpty();
        assertThat(StageGraph.status(almost)).isEqualTo(EpisodeStatus.BROLL);
        assertThat(StageGraph.unblockedBy(clipsDone, PipelineStage.BROLL)).containsExactly(PipelineStage.ASSEMBLY);

        PipelineState assembled = clipsDone.with(
                PipelineStage.ASSEMBLY,
                StageState.builder().status(StageStatus.COMPLETED).build());
        assertThat(StageGraph.status(assembled)).isEqualTo(EpisodeStatus.READY);
        assertThat(StageGraph.runnable(assembled)).isEmpty();
        PipelineState publishing = assembled.with(
                PipelineStage.UPLOAD,
                StageState.builder().status(StageStatus.PENDING).build());
        assertThat(StageGraph.status(publishing)).isEqualTo(EpisodeStatus.PUBLISHING);
        assertThat(StageGraph.runnable(publishing)).containsExactly(PipelineStage.UPLOAD);
        assertThat(StageGraph.status(publishing.with(
                        PipelineStage.UPLOAD,
                        StageState.builder().status(StageStatus.COMPLETED).build())))
                .isEqualTo(EpisodeStatus.PUBLISHED);
    }

    @Test
    void aScriptWaitingForAPersonDoesNotRunOnItsOwn() {
        PipelineState waiting = state(
                PipelineStage.PLANNING,
                StageStatus.COMPLETED,
                PipelineStage.SCRIPTING,
                StageStatus.COMPLETED,
                PipelineStage.SCRIPT_REVIEW,
                StageStatus.WAITING);

        assertThat(StageGraph.runnable(waiting)).isEmpty();
        assertThat(StageGraph.status(waiting)).isEqualTo(EpisodeStatus.SCRIPT_REVIEW);
    }
}
