package io.acog.providers.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.spi.Timeline;
import io.acog.spi.Timeline.Cut;
import io.acog.spi.Timeline.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShotsTest {

    @Test
    void shotsAddUpToTheNarrationInFramesHoweverTheCutsFallAndSkipCutsOfNoFrame() {
        List<Cut> cuts = new ArrayList<>();
        long at = 0;
        for (int i = 0; i < 9; i++) {
            long length = i == 4 ? 0 : i == 6 ? 10 : 333; // a segment without words, one of 10 ms
            cuts.add(new Cut(i, Source.STILL, at, at + length, -1, 0, ""));
            at += length;
        }
        Timeline timeline = new Timeline(at, cuts, List.of());

        List<Shots.Shot> shots = Shots.of(timeline, 30);

        assertThat(shots).extracting(shot -> shot.cut().segment()).containsExactly(0, 1, 2, 3, 5, 7, 8);
        assertThat(shots.stream().mapToLong(Shots.Shot::frames).sum()).isEqualTo(Shots.frameAt(at, 30));
        for (int i = 0; i + 1 < shots.size(); i++) {
            Shots.Shot shot = shots.get(i);
            Shots.Shot next = shots.get(i + 1);
            assertThat(next.startFrame()).isEqualTo(shot.startFrame() + shot.frames());
            assertThat(shot.fadeFrames()).isEqualTo(Math.min(8, next.frames()));
        }
        assertThat(shots.get(shots.size() - 1).fadeFrames()).isZero();
    }

    @Test
    void aTimelineWithoutCutsIsOneStillOfTheTitle() {
        List<Shots.Shot> shots = Shots.of(new Timeline(2000, List.of(), List.of()), 25);

        assertThat(shots).singleElement().satisfies(shot -> {
            assertThat(shot.cut().source()).isEqualTo(Source.STILL);
            assertThat(shot.cut().text()).isEmpty();
            assertThat(shot.frames()).isEqualTo(50);
        });
    }
}
