package io.acog.providers.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acog.spi.ChannelBrief;
import io.acog.spi.Media;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderException;
import io.acog.spi.Timeline;
import io.acog.spi.Timeline.Caption;
import io.acog.spi.Timeline.Cut;
import io.acog.spi.Timeline.Source;
import io.acog.spi.VideoAssembler.AssemblyRequest;
import io.acog.spi.VideoAssembler.Part;
import io.acog.spi.VideoAssembler.Video;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegAssemblerTest {

    private static final int BACKGROUND = 0x204080;
    private static final int BLUE = 0x0000FF;
    private static final int GREEN = 0x00FF00;
    private static final int RED = 0xFF0000;

    @TempDir
    Path dir;

    private Path inputs;
    private Path store;
    private Path temp;
    private TestCall call;
    private FfmpegAssembler assembler;

    @BeforeEach
    void setUp() throws IOException {
        inputs = Files.createDirectory(dir.resolve("inputs"));
        store = Files.createDirectory(dir.resolve("store"));
        temp = Files.createDirectory(dir.resolve("temp"));
        call = new TestCall(store);
        assembler = new FfmpegAssembler(
                ProviderConfig.of(Map.of(Settings.PRESET, "ultrafast", Settings.TEMP_DIR, temp.toString())));
    }

    /**
     * A 6 s landscape episode at 15 fps: the avatar's first window (blue), a b-roll clip of 1 s on a
     * cut of 1.5 s (red, then held), a still card, a zero-length avatar cut, the avatar's second
     * window (green); captions in yellow.
     */
    private AssemblyRequest landscapeEpisode(boolean burnCaptions) {
        URI narration = call.put(TestMedia.tone(inputs.resolve("narration.wav"), 440, 6, 0));
        URI avatar =
                call.put(TestMedia.colorBands(inputs.resolve("avatar.mp4"), 320, 180, 1.5, "blue", "lime", "lime"));
        URI clip = call.put(TestMedia.video(inputs.resolve("clip0.mp4"), "color=c=red:s=320x180:r=25:d=1"));
        Timeline timeline = new Timeline(
                6000,
                List.of(
                        new Cut(0, Source.AVATAR, 0, 1500, -1, 0, "Hello there"),
                        new Cut(1, Source.BROLL, 1500, 3000, 0, 0, "Red things"),
                        new Cut(2, Source.STILL, 3000, 4200, -1, 0, "A still card that says something"),
                        new Cut(3, Source.AVATAR, 4200, 4200, -1, 1500, ""),
                        new Cut(4, Source.AVATAR, 4200, 6000, -1, 1500, "Now green")),
                List.of(
                        new Caption(200, 1400, "Hello there"),
                        new Caption(1600, 2900, "Red things"),
                        new Caption(4300, 5800, "Now green")));
        return new AssemblyRequest(
                channel(Map.of("background_color", "#204080", "caption_color", "#FFFF00", "caption_size", 12)),
                "Why the sky is blue",
                timeline,
                new OutputFormat(320, 180, 15),
                narration,
                new Part(avatar, 4500),
                Map.of(0, new Part(clip, 1000)),
                null,
                burnCaptions);
    }

    @Test
    void theVideoFollowsTheTimelineToTheFrameWithTheNarrationAsItsSound() throws IOException {
        AssemblyRequest request = landscapeEpisode(true);

        Video video = assembler.assemble(request, call);

        Path mp4 = saved(video.video(), "final.mp4");
        MediaProbe probe = MediaProbe.probe(TestMedia.FFMPEG, mp4);
        MediaProbe narration = MediaProbe.probe(TestMedia.FFMPEG, inputs.resolve("narration.wav"));
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.audioSampleRate()).isEqualTo(48000);
        assertThat(probe.audioStreams()).isEqualTo(1);
        assertThat(probe.width()).isEqualTo(320);
        assertThat(probe.height()).isEqualTo(180);
        assertThat(probe.fps()).isEqualTo(15.0);
        assertThat(probe.durationMs()).isCloseTo(narration.durationMs(), within(narration.durationMs() / 50));
        assertThat(video.durationMs()).isEqualTo(probe.durationMs());
        assertThat(TestMedia.videoFrames(mp4))
                .as("6 s at 15 fps, crossfades included")
                .isEqualTo(90);
        assertThat(video.video().mimeType()).isEqualTo("video/mp4");
        assertThat(video.usage().seconds()).isNotNull();
        assertThat(TestMedia.loudness(mp4)).as("YouTube's loudness, in LUFS").isCloseTo(-14, within(1.5));

        // each cut shows its source: the avatar's first window, the clip (held past its end), the
        // still card, the avatar's second window
        assertPixel(TestMedia.frame(mp4, 0.75, dir), 160, 90, BLUE, "the avatar's first window");
        assertPixel(TestMedia.frame(mp4, 2.0, dir), 160, 90, RED, "the clip");
        assertPixel(TestMedia.frame(mp4, 2.8, dir), 160, 90, RED, "the 1 s clip holding its last frame");
        BufferedImage still = TestMedia.frame(mp4, 3.6, dir);
        assertPixel(still, 4, 4, BACKGROUND, "the still card's background");
        assertThat(TestMedia.count(still, 20, 40, 280, 100, 0xFFFFFF))
                .as("the still card's words")
                .isGreaterThan(50);
        assertPixel(TestMedia.frame(mp4, 5.2, dir), 160, 90, GREEN, "the avatar's second window");

        // captions burnt in, at the bottom
        BufferedImage captioned = TestMedia.frame(mp4, 5.0, dir);
        assertThat(TestMedia.yellowish(captioned, 0, 120, 320, 60)).isGreaterThan(30);
        assertThat(TestMedia.yellowish(captioned, 0, 0, 320, 90)).isZero();
    }

    @Test
    void captionsAreBurntInOnlyWhenAsked() throws IOException {
        Video video = assembler.assemble(landscapeEpisode(false), call);

        Path mp4 = saved(video.video(), "final.mp4");
        assertThat(TestMedia.yellowish(TestMedia.frame(mp4, 5.0, dir), 0, 0, 320, 180))
                .isZero();
        assertThat(video.captions()).as("the SRT is made all the same").isNotNull();
        closeAll(video);
    }

    @Test
    void theSrtHasTheTimelinesCaptionsToTheMillisecond() throws IOException {
        Video video = assembler.assemble(landscapeEpisode(true), call);

        assertThat(video.captions().fileName()).endsWith(".srt");
        assertThat(read(video.captions()))
                .isEqualTo("1\n00:00:00,200 --> 00:00:01,400\nHello there\n\n"
                        + "2\n00:00:01,600 --> 00:00:02,900\nRed things\n\n"
                        + "3\n00:00:04,300 --> 00:00:05,800\nNow green\n\n");
        closeAll(video);
    }

    @Test
    void theThumbnailIsA1280By720PngOfTheFirstFilmedShotWithTheTitle() throws IOException {
        Video video = assembler.assemble(landscapeEpisode(true), call);

        assertThat(video.thumbnail().mimeType()).isEqualTo("image/png");
        BufferedImage thumbnail;
        try (InputStream in = video.thumbnail().open()) {
            thumbnail = ImageIO.read(in);
        }
        assertThat(thumbnail.getWidth()).isEqualTo(1280);
        assertThat(thumbnail.getHeight()).isEqualTo(720);
        assertPixel(thumbnail, 20, 20, BLUE, "a frame of the avatar's first window");
        assertThat(TestMedia.count(thumbnail, 0, 300, 1280, 300, 0xFFFFFF))
                .as("the title, large")
                .isGreaterThan(5000);
        closeAll(video);
    }

    @Test
    void progressIsReportedUpToTheEnd() {
        Video video = assembler.assemble(landscapeEpisode(true), call);

        assertThat(call.progress)
                .isNotEmpty()
                .allSatisfy(fraction -> assertThat(fraction).isBetween(0.0, 1.0));
        assertThat(call.progress).isSorted();
        assertThat(call.progress.get(call.progress.size() - 1)).isGreaterThan(0.95);
        assertThat(call.checkpoints).as("an assembly has nothing to resume").isEmpty();
        closeAll(video);
    }

    @Test
    void partsNotOnLocalDiskAreStreamedFromStorageAndTheirCopiesDeleted() throws IOException {
        Video video = assembler.assemble(landscapeEpisode(true), call);

        assertThat(call.opened)
                .extracting(URI::getPath)
                .containsExactlyInAnyOrder("/narration.wav", "/avatar.mp4", "/clip0.mp4");
        try (Stream<Path> left = Files.walk(temp)) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .as("only the outputs (and the scripts) stay until closed")
                    .doesNotContain("narration.wav", "avatar.mp4", "clip-0.mp4")
                    .contains("video.mp4", "thumbnail.png", "captions.srt");
        }
        closeAll(video);
    }

    @Test
    void closingTheMediaDeletesTheirFilesAndTheLastOneTheDirectory() throws IOException {
        Video video = assembler.assemble(landscapeEpisode(true), call);
        assertThat(temp).isNotEmptyDirectory();

        close(video.video());
        assertThatThrownBy(() -> video.video().open()).isInstanceOf(IOException.class);
        assertThat(read(video.captions())).as("the others are still there").startsWith("1\n");
        assertThat(temp).isNotEmptyDirectory();

        close(video.thumbnail());
        close(video.captions());
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void aPortraitShortFillsItsFrameAndLaysTheLoopedMusicUnderTheVoice() throws IOException {
        AssemblyRequest request = portraitShort(call.put(TestMedia.tone(inputs.resolve("music.wav"), 1000, 1, 0)));

        Video video = assembler.assemble(request, call);

        Path mp4 = saved(video.video(), "short.mp4");
        MediaProbe probe = MediaProbe.probe(TestMedia.FFMPEG, mp4);
        assertThat(probe.width()).isEqualTo(180);
        assertThat(probe.height()).isEqualTo(320);
        assertThat(probe.audioStreams()).isEqualTo(1);
        assertThat(probe.durationMs()).isCloseTo(5000, within(100L));
        BufferedImage clip = TestMedia.frame(mp4, 4.0, dir);
        assertPixel(clip, 2, 2, RED, "the landscape clip cropped to fill, not letterboxed");
        // the voice stops at 2.5 s; the 1 s of music, looped, plays on to the end
        assertThat(TestMedia.meanVolume(mp4, 3.5, 1.2)).isGreaterThan(-45);
        // while the voice (440 Hz) speaks, the music (1000 Hz) is ducked well under the 14 dB its
        // music_volume of 0.2 alone puts it below the voice
        double voice = TestMedia.meanVolume(mp4, 0.5, 1.5, 440);
        double music = TestMedia.meanVolume(mp4, 0.5, 1.5, 1000);
        assertThat(music - voice).as("music under the voice, in dB").isLessThan(-20);
        // captions sit higher in a portrait frame, clear of the Shorts player's buttons
        BufferedImage captioned = TestMedia.frame(mp4, 1.0, dir);
        assertThat(TestMedia.yellowish(captioned, 0, 200, 180, 60)).isGreaterThan(10);
        assertThat(TestMedia.yellowish(captioned, 0, 280, 180, 40)).isZero();
        closeAll(video);

        Video silent = assembler.assemble(portraitShort(null), call);
        Path withoutMusic = saved(silent.video(), "short-without-music.mp4");
        assertThat(TestMedia.meanVolume(withoutMusic, 3.5, 1.2))
                .as("no music: silence")
                .isLessThan(-70);
        closeAll(silent);
    }

    /** A 5 s portrait Short: a title card, then a landscape b-roll clip; voice for 2.5 s. */
    private AssemblyRequest portraitShort(URI music) {
        URI narration = call.put(TestMedia.tone(inputs.resolve("voice.wav"), 440, 2.5, 2.5));
        URI clip = call.put(TestMedia.video(inputs.resolve("red.mp4"), "color=c=red:s=320x180:r=25:d=3"));
        Timeline timeline = new Timeline(
                5000,
                List.of(new Cut(0, Source.STILL, 0, 2500, -1, 0, ""), new Cut(1, Source.BROLL, 2500, 5000, 0, 0, "")),
                List.of(new Caption(500, 2000, "Short words")));
        return new AssemblyRequest(
                channel(Map.of("caption_color", "#FFFF00", "caption_size", 12)),
                "A title card",
                timeline,
                new OutputFormat(180, 320, 15),
                narration,
                null,
                Map.of(0, new Part(clip, 3000)),
                music,
                true);
    }

    @Test
    void aFullHdVideoFromLocalFiles() throws IOException {
        Path narration = TestMedia.tone(inputs.resolve("hd.wav"), 440, 1.5, 0);
        Path avatar = TestMedia.video(inputs.resolve("hd-avatar.mp4"), "testsrc2=s=320x180:r=30:d=2");
        Timeline timeline = new Timeline(
                1500,
                List.of(
                        new Cut(0, Source.AVATAR, 0, 1000, -1, 0, "Hi"),
                        new Cut(1, Source.STILL, 1000, 1500, -1, 0, "")),
                List.of(new Caption(100, 1400, "Full HD")));
        AssemblyRequest request = new AssemblyRequest(
                channel(Map.of()),
                "Full HD",
                timeline,
                OutputFormat.LANDSCAPE,
                narration.toUri(),
                new Part(avatar.toUri(), 2000),
                Map.of(),
                null,
                true);

        Video video = assembler.assemble(request, call);

        assertThat(call.opened).as("local files are read where they are").isEmpty();
        MediaProbe probe = MediaProbe.probe(TestMedia.FFMPEG, saved(video.video(), "hd.mp4"));
        assertThat(probe.probeLine()).matches("hd\\.mp4: 1\\.5\\d\\d s, 1920x1080 h264 30 fps, aac 48000 Hz");
        closeAll(video);
    }

    @Test
    void aCorruptAvatarVideoFailsPermanentlyNamingThePartAndFfmpegsComplaint() throws IOException {
        AssemblyRequest good = landscapeEpisode(true);
        Path garbage =
                Files.write(inputs.resolve("avatar.mp4"), "this is not a video".getBytes(StandardCharsets.UTF_8));
        AssemblyRequest request = changed(good, good.channel(), new Part(call.put(garbage), 4500), good.clips());

        assertThatThrownBy(() -> assembler.assemble(request, call))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.reason()).isEqualTo(ProviderException.Reason.INVALID_REQUEST);
                    assertThat(e.provider()).isEqualTo("ffmpeg");
                })
                .hasMessageContaining("the avatar video (test-store:/avatar.mp4) is unusable")
                .hasMessageContaining("Invalid data found when processing input");
        assertThat(temp).as("a failed assembly leaves nothing behind").isEmptyDirectory();
    }

    @Test
    void aPartTheStorageCannotReadIsRetryable() {
        AssemblyRequest good = landscapeEpisode(true);
        URI gone = URI.create(TestCall.SCHEME + ":/gone.mp4?X-Amz-Signature=secret");
        AssemblyRequest request = changed(good, good.channel(), good.avatar(), Map.of(0, new Part(gone, 1000)));

        assertThatThrownBy(() -> assembler.assemble(request, call))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.reason()).isEqualTo(ProviderException.Reason.UNAVAILABLE);
                })
                .hasMessageContaining("cannot read b-roll clip 0 (test-store:/gone.mp4) from the storage 'test'")
                .hasMessageNotContaining("secret");
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void aCutWhosePartIsMissingIsAnInvalidRequest() {
        AssemblyRequest good = landscapeEpisode(true);
        AssemblyRequest request = changed(good, good.channel(), good.avatar(), Map.of());

        assertThatThrownBy(() -> assembler.assemble(request, call))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessage("ffmpeg: the cut of segment 1 shows b-roll clip 0, which the request lacks (it has clips"
                        + " [])");
    }

    @Test
    void aStyleGuideColourItCannotUseIsNamed() {
        AssemblyRequest good = landscapeEpisode(true);
        AssemblyRequest request =
                changed(good, channel(Map.of("caption_color", "blurple")), good.avatar(), good.clips());

        assertThatThrownBy(() -> assembler.assemble(request, call))
                .isInstanceOf(ProviderException.class)
                .hasMessage("ffmpeg: style_guide.caption_color is 'blurple'; it must be a colour such as \"#FFB000\"");
    }

    @Test
    void aCancelledEpisodeStopsTheRender() {
        AssemblyRequest request = landscapeEpisode(true);
        call.cancelled = true;

        assertThatThrownBy(() -> assembler.assemble(request, call))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("the episode was cancelled");
        assertThat(temp).isEmptyDirectory();
    }

    /** {@code good} with another channel, avatar and clips. */
    private static AssemblyRequest changed(
            AssemblyRequest good, ChannelBrief channel, Part avatar, Map<Integer, Part> clips) {
        return new AssemblyRequest(
                channel,
                good.title(),
                good.timeline(),
                good.format(),
                good.audio(),
                avatar,
                clips,
                good.music(),
                good.burnCaptions());
    }

    private static ChannelBrief channel(Map<String, Object> styleGuide) {
        return new ChannelBrief("Sky Facts", "science", Map.of(), styleGuide, Map.of(), Map.of(), Map.of());
    }

    private Path saved(Media media, String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = media.open()) {
            Files.copy(in, file);
        }
        return file;
    }

    private static String read(Media media) throws IOException {
        try (InputStream in = media.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertPixel(BufferedImage image, int x, int y, int rgb, String what) {
        int pixel = image.getRGB(x, y) & 0xFFFFFF;
        assertThat(TestMedia.near(pixel, rgb))
                .as("%s: pixel (%d, %d) is #%06X, expected near #%06X", what, x, y, pixel, rgb)
                .isTrue();
    }

    private static void close(Media media) {
        try {
            ((AutoCloseable) media).close();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void closeAll(Video video) {
        Stream.of(video.video(), video.thumbnail(), video.captions())
                .filter(media -> media != null)
                .forEach(FfmpegAssemblerTest::close);
    }
}
