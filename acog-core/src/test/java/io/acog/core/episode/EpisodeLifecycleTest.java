package io.acog.core.episode;

import static io.acog.core.episode.EpisodeStatus.ASSEMBLY;
import static io.acog.core.episode.EpisodeStatus.AUDIO;
import static io.acog.core.episode.EpisodeStatus.AVATAR;
import static io.acog.core.episode.EpisodeStatus.BROLL;
import static io.acog.core.episode.EpisodeStatus.CANCELLED;
import static io.acog.core.episode.EpisodeStatus.FAILED;
import static io.acog.core.episode.EpisodeStatus.IDEA;
import static io.acog.core.episode.EpisodeStatus.PLANNING;
import static io.acog.core.episode.EpisodeStatus.PUBLISHED;
import static io.acog.core.episode.EpisodeStatus.PUBLISHING;
import static io.acog.core.episode.EpisodeStatus.READY;
import static io.acog.core.episode.EpisodeStatus.SCRIPTING;
import static io.acog.core.episode.EpisodeStatus.SCRIPT_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EpisodeLifecycleTest {

    /** The whole table, written out from DESIGN.md's life cycle, not derived from the code. */
    private static final Map<EpisodeStatus, Set<EpisodeStatus>> ALLOWED = Map.ofEntries(
            Map.entry(IDEA, Set.of(PLANNING, FAILED, CANCELLED)),
            Map.entry(PLANNING, Set.of(SCRIPTING, FAILED, CANCELLED)),
            Map.entry(SCRIPTING, Set.of(SCRIPT_REVIEW, FAILED, CANCELLED)),
            Map.entry(SCRIPT_REVIEW, Set.of(AUDIO, SCRIPTING, FAILED, CANCELLED)),
            Map.entry(AUDIO, Set.of(AVATAR, FAILED, CANCELLED)),
            Map.entry(AVATAR, Set.of(BROLL, FAILED, CANCELLED)),
            Map.entry(BROLL, Set.of(ASSEMBLY, FAILED, CANCELLED)),
            Map.entry(ASSEMBLY, Set.of(READY, FAILED, CANCELLED)),
            Map.entry(READY, Set.of(PUBLISHING, FAILED, CANCELLED)),
            Map.entry(PUBLISHING, Set.of(PUBLISHED, FAILED, CANCELLED)),
            Map.entry(PUBLISHED, Set.of()),
            Map.entry(CANCELLED, Set.of()),
            Map.entry(
                    FAILED,
                    Set.of(PLANNING, SCRIPTING, SCRIPT_REVIEW, AUDIO, AVATAR, BROLL, ASSEMBLY, PUBLISHING, CANCELLED)));

    @Test
    void everyPairOfStatusesIsAllowedExactlyAsDesigned() {
        for (EpisodeStatus from : EpisodeStatus.values()) {
            for (EpisodeStatus to : EpisodeStatus.values()) {
                boolean allowed = EpisodeLifecycle.refusal(from, to, PipelineState.empty())
                        .isEmpty();
                assertThat(allowed)
                        .as("%s -> %s", from, to)
                        .isEqualTo(ALLOWED.get(from).contains(to));
            }
            assertThat(EpisodeLifecycle.next(from))
                    .as("next(%s)", from)
                    .containsExactlyInAnyOrderElementsOf(ALLOWED.get(from));
        }
    }

    @Test
    void aFailedEpisodeResumesAtItsFailedStage() {
        PipelineState avatarFailed = new PipelineState(
                Map.of(
                        PipelineStage.AUDIO, StageState.empty().withStatus(StageStatus.COMPLETED),
                        PipelineStage.AVATAR, StageState.empty().withStatus(StageStatus.FAILED)),
                null);

        assertThat(EpisodeLifecycle.refusal(FAILED, AVATAR, avatarFailed)).isEmpty();
        assertThat(EpisodeLifecycle.refusal(FAILED, CANCELLED, avatarFailed)).isEmpty();
        assertThat(EpisodeLifecycle.refusal(FAILED, PLANNING, avatarFailed))
                .hasValue("its failed stage is avatar, so a retry resumes at avatar");
    }

    @Test
    void stagesWithoutAStatusOfTheirOwnMapToTheNextOne() {
        assertThat(EpisodeLifecycle.statusOf(PipelineStage.METADATA)).isEqualTo(AUDIO);
        assertThat(EpisodeLifecycle.statusOf(PipelineStage.UPLOAD)).isEqualTo(PUBLISHING);
        assertThat(EpisodeLifecycle.statusOf(PipelineStage.BROLL)).isEqualTo(BROLL);
        assertThat(EpisodeLifecycle.refusal(IDEA, READY, PipelineState.empty()))
                .hasValue("from idea it may go to planning, failed, cancelled");
        assertThat(EpisodeLifecycle.refusal(PUBLISHED, IDEA, PipelineState.empty()))
                .hasValue("published is final");
    }
}
