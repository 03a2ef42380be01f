package io.acog.core.internal.pipeline.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The length a clip is asked for: what covers its cut among what the generator offers. */
class BrollStageTest {

    @Test
    void theShortestOfferedLengthThatCoversTheCutIsAskedFor() {
        assertThat(BrollStage.snap(3, List.of(5, 10))).isEqualTo(5);
        assertThat(BrollStage.snap(5, List.of(5, 10))).isEqualTo(5);
        assertThat(BrollStage.snap(6, List.of(10, 5))).isEqualTo(10);
    }

    @Test
    void aCutLongerThanAnyOfferedLengthGetsTheLongest() {
        assertThat(BrollStage.snap(14, List.of(5, 10))).isEqualTo(10);
    }

    @Test
    void aGeneratorThatNamesNoLengthsGetsTheCutsLength() {
        assertThat(BrollStage.snap(7, List.of())).isEqualTo(7);
        assertThat(BrollStage.snap(0, List.of())).isEqualTo(1);
    }
}
