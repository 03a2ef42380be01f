package io.acog.providers.pexels;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.providers.pexels.StockVideo.VideoFile;
import io.acog.spi.OutputFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which video and file a clip takes. */
class ClipChoiceTest {

    private static final OutputFormat SQUARE = new OutputFormat(1080, 1080, 30);

    @Test
    void theClosestVideoThatRunsLongEnoughIsTakenInItsSmallestFileCoveringTheFrame() {
        List<StockVideo> videos = List.of(
                video(1, 1920, 1080, 30, file(11, 1920, 1080)),
                video(
                        2,
                        1920,
                        1080,
                        7,
                        file(21, 3840, 2160),
                        file(22, 2560, 1440),
                        file(23, 1920, 1080),
                        file(24, 1280, 720)),
                video(3, 1920, 1080, 4, file(31, 1920, 1080)));

        Optional<ClipChoice> choice = ClipChoice.best(videos, OutputFormat.LANDSCAPE, 6_500, 1080, Set.of());

        assertThat(choice.map(ClipChoice::taskId)).contains("2:23");
    }

    @Test
    void theLimitIsNeverExceededAndBelowTheFrameTheLargestFileIsTaken() {
        StockVideo video = video(2, 3840, 2160, 7, file(21, 3840, 2160), file(24, 1280, 720), file(25, 640, 360));

        assertThat(ClipChoice.file(video, OutputFormat.LANDSCAPE, 1080).map(VideoFile::id))
                .contains(24L);
        assertThat(ClipChoice.file(video, OutputFormat.LANDSCAPE, 4320).map(VideoFile::id))
                .contains(21L);
        assertThat(ClipChoice.file(video, new OutputFormat(640, 360, 30), 1080).map(VideoFile::id))
                .contains(25L);
    }

    @Test
    void whenNoneRunsLongEnoughTheLongestIsTaken() {
        List<StockVideo> videos = List.of(
                video(1, 1920, 1080, 5, file(11, 1920, 1080)),
                video(2, 1920, 1080, 9, file(21, 1920, 1080)),
                video(3, 1920, 1080, 9, file(31, 1920, 1080)));

        assertThat(ClipChoice.best(videos, OutputFormat.LANDSCAPE, 20_000, 1080, Set.of())
                        .map(ClipChoice::taskId))
                .as("the longest, the first of equals")
                .contains("2:21");
    }

    @Test
    void aVideoWithAFileCoveringTheFrameComesBeforeACloserOneWithout() {
        List<StockVideo> videos =
                List.of(video(1, 960, 540, 6, file(11, 960, 540)), video(2, 1920, 1080, 15, file(21, 1920, 1080)));

        assertThat(ClipChoice.best(videos, OutputFormat.LANDSCAPE, 5_000, 1080, Set.of())
                        .map(ClipChoice::taskId))
                .contains("2:21");
    }

    @Test
    void theWrongOrientationAnHlsPlaylistAndSkippedVideosAreNotTaken() {
        StockVideo sideways = video(1, 1920, 1080, 10, file(11, 1920, 1080));
        StockVideo playlistOnly = video(
                2,
                1080,
                1920,
                10,
                new VideoFile(21, "hls", "video/mp4", 0, 0, "https://player.example/21.m3u8?s=x"),
                new VideoFile(22, "hd", "video/mp4", 1080, 1920, "https://player.example/external/22.m3u8"),
                new VideoFile(23, "hd", "video/quicktime", 1080, 1920, "https://player.example/23.mov"));
        StockVideo gone = video(3, 1080, 1920, 10, file(31, 1080, 1920));
        StockVideo upright = video(4, 1080, 1920, 30, file(41, 1920, 1080), file(42, 720, 1280));

        assertThat(ClipChoice.best(
                                List.of(sideways, playlistOnly, gone, upright),
                                OutputFormat.PORTRAIT,
                                5_000,
                                1080,
                                Set.of(3L))
                        .map(ClipChoice::taskId))
                .contains("4:42");
        assertThat(ClipChoice.best(List.of(sideways, playlistOnly), OutputFormat.PORTRAIT, 5_000, 1080, Set.of()))
                .isEmpty();
    }

    @Test
    void aSquareFrameTakesAnyOrientationAndAnyLengthWhenTheCutIsUnknown() {
        List<StockVideo> videos = List.of(video(1, 1920, 1080, 3, file(11, 1920, 1080)));

        assertThat(ClipChoice.best(videos, SQUARE, 0, 1080, Set.of()).map(ClipChoice::taskId))
                .contains("1:11");
    }

    @Test
    void theSearchAsksForTheLeastSizeThatCoversTheFrameWithinTheLimit() {
        assertThat(ClipChoice.minimumSize(OutputFormat.LANDSCAPE, 1080)).isEqualTo("medium");
        assertThat(ClipChoice.minimumSize(OutputFormat.PORTRAIT, 1080)).isEqualTo("medium");
        assertThat(ClipChoice.minimumSize(OutputFormat.LANDSCAPE, 720)).isEqualTo("small");
        assertThat(ClipChoice.minimumSize(new OutputFormat(3840, 2160, 30), 2160))
                .isEqualTo("large");
        assertThat(ClipChoice.minimumSize(new OutputFormat(3840, 2160, 30), 1080))
                .isEqualTo("medium");
    }

    private static StockVideo video(long id, int width, int height, int seconds, VideoFile... files) {
        return new StockVideo(
                id,
                width,
                height,
                seconds * 1000L,
                "https://www.pexels.com/video/" + id + "/",
                "Author",
                "https://www.pexels.com/@author",
                List.of(files));
    }

    private static VideoFile file(long id, int width, int height) {
        return new VideoFile(
                id, "hd", "video/mp4", width, height, "https://player.example/external/" + id + ".mp4?s=x");
    }
}
