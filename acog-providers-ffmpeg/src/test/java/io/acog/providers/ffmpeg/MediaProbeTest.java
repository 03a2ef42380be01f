package io.acog.providers.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaProbeTest {

    @TempDir
    Path dir;

    @Test
    void readsWhatFfmpegPrintsAboutItsFirstInput() {
        List<String> log = List.of(
                "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'final.mp4':",
                "  Metadata:",
                "    encoder         : Lavf58.76.100",
                "  Duration: 00:03:02.47, start: 0.000000, bitrate: 4190 kb/s",
                "    Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(progressive), 1920x1080 [SAR 1:1"
                        + " DAR 16:9], 3990 kb/s, 29.97 fps, 29.97 tbr, 30k tbn, 59.94 tbc (default)",
                "    Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 48000 Hz, stereo, fltp, 192 kb/s (default)",
                "    Stream #0:2(eng): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 64 kb/s",
                "Input #1, wav, from 'other.wav':",
                "  Duration: 00:00:01.00, bitrate: 705 kb/s",
                "    Stream #1:0: Video: png, rgb24(pc), 640x360, 25 tbr, 25 tbn, 25 tbc",
                "At least one output file must be specified");

        MediaProbe probe = MediaProbe.parse(Path.of("final.mp4"), log);

        assertThat(probe)
                .isEqualTo(new MediaProbe(Path.of("final.mp4"), 182_470, "h264", 1920, 1080, 29.97, "aac", 48000, 2));
        assertThat(probe.probeLine())
                .isEqualTo("final.mp4: 182.470 s, 1920x1080 h264 29.97 fps, aac 48000 Hz (2 audio streams)");
    }

    @Test
    void aStillImageHasAPictureAndNoSoundAndARateOnlyFromItsTbr() {
        MediaProbe probe = MediaProbe.parse(
                Path.of("thumbnail.png"),
                List.of(
                        "Input #0, png_pipe, from 'thumbnail.png':",
                        "  Duration: N/A, bitrate: N/A",
                        "    Stream #0:0: Video: png, rgb24(pc), 1280x720, 25 tbr, 25 tbn, 25 tbc"));

        assertThat(probe.durationMs()).isEqualTo(-1);
        assertThat(probe.hasVideo()).isTrue();
        assertThat(probe.hasAudio()).isFalse();
        assertThat(probe.probeLine()).isEqualTo("thumbnail.png: unknown length, 1280x720 png 25 fps");
    }

    @Test
    void probesARealFile() {
        Path video = TestMedia.video(dir.resolve("clip.mp4"), "testsrc2=s=320x180:r=25:d=2");

        MediaProbe probe = MediaProbe.probe(TestMedia.FFMPEG, video);

        assertThat(probe.probeLine()).isEqualTo("clip.mp4: 2.000 s, 320x180 h264 25 fps");
        assertThat(probe.audioStreams()).isZero();
    }

    @Test
    void aFileFfmpegCannotReadIsNamedWithItsComplaint() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.mp4"), "not a video");

        assertThatThrownBy(() -> MediaProbe.probe(TestMedia.FFMPEG, garbage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ffmpeg cannot read " + garbage + " as media: ")
                .hasMessageEndingWith("Invalid data found when processing input");
    }
}
