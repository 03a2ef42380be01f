package io.acog.providers.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acog.providers.ffmpeg.Ffmpeg;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.AvatarRenderer.AvatarRequest;
import io.acog.spi.BrollGenerator;
import io.acog.spi.BrollGenerator.ClipRequest;
import io.acog.spi.Cancellation;
import io.acog.spi.ChannelBrief;
import io.acog.spi.Media;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderException;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.spi.Timeline;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real avatar cards and b-roll clips, made with ffmpeg and read back with it. */
class OfflineRendersTest {

    static final ChannelBrief CHANNEL = new ChannelBrief(
            "Night Sky", "astronomy", Map.of("name", "Ada Lovelace"), null, null, Map.of("avatar_id", "ada"), null);

    /** Two windows: 1.7 s from the narration's start, then 1.517 s near its end. */
    static final List<Timeline.Cut> WINDOWS = List.of(
            new Timeline.Cut(0, Timeline.Source.AVATAR, 0, 1700, -1, 0, "Hi, I'm Ada. Tonight: neutron stars!"),
            new Timeline.Cut(4, Timeline.Source.AVATAR, 9000, 10_517, -1, 1700, "So, what would you ask next?"));

    @TempDir
    Path storage;

    static AvatarRequest avatarRequest(OutputFormat format) {
        return new AvatarRequest(CHANNEL, WINDOWS, URI.create("file:///voice.wav"), null, format, null);
    }

    static ClipRequest clipRequest(String description, int seconds) {
        return new ClipRequest(CHANNEL, description, 0, seconds, seconds * 1000L - 300, OutputFormat.LANDSCAPE);
    }

    /** Submits, then polls until done, as the pipeline does. */
    private RenderProgress.Done rendered(AvatarRenderer renderer, AvatarRequest request) {
        ProviderCall call = new JobCall("avatar", storage).attempt();
        RenderTask task = renderer.submit(request, call);
        return done(renderer.poll(task.taskId(), call));
    }

    private RenderProgress.Done rendered(BrollGenerator generator, ClipRequest request) {
        ProviderCall call = new JobCall("broll", storage).attempt();
        RenderTask task = generator.submit(request, call);
        return done(generator.poll(task.taskId(), call));
    }

    private static RenderProgress.Done done(RenderProgress progress) {
        assertThat(progress).isInstanceOf(RenderProgress.Done.class);
        return (RenderProgress.Done) progress;
    }

    @Test
    void theAvatarIsAnH264CardAsLongAsItsWindowsShowingEachWindowsWords() throws Exception {
        AvatarRequest request = avatarRequest(OutputFormat.LANDSCAPE);
        RenderProgress.Done done = rendered(OfflineProviders.create().avatarRenderer(), request);

        assertThat(request.windowsMs()).isEqualTo(3217);
        assertThat(done.durationMs()).isEqualTo(3217);
        assertThat(done.media().mimeType()).isEqualTo("video/mp4");
        assertThat(done.media().fileName()).endsWith(".mp4");
        Path video = Probe.saved(done.media(), storage);
        Probe probe = Probe.of(video);
        assertThat(probe.durationMs()).isCloseTo(3217, within(100L));
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.pixelFormat()).isEqualTo("yuv420p");
        assertThat(probe.width()).isEqualTo(640);
        assertThat(probe.height()).isEqualTo(360);
        assertThat(probe.audio())
                .as("a silent AAC track, as a real render has sound")
                .isTrue();

        // the name's band stays; the words below it change with the window
        byte[] first = Probe.greyFrame(video, 0.8);
        byte[] second = Probe.greyFrame(video, 2.5);
        int band = 640 * 360 / 5;
        assertThat(Arrays.copyOfRange(second, 0, band)).isEqualTo(Arrays.copyOfRange(first, 0, band));
        assertThat(Arrays.copyOfRange(second, band, second.length))
                .isNotEqualTo(Arrays.copyOfRange(first, band, first.length));
    }

    @Test
    void aShortsAvatarIsPortrait() throws Exception {
        RenderProgress.Done done =
                rendered(OfflineProviders.create().avatarRenderer(), avatarRequest(OutputFormat.PORTRAIT));

        Probe probe = Probe.of(done.media(), storage);
        assertThat(probe.width()).isEqualTo(360);
        assertThat(probe.height()).isEqualTo(640);
        assertThat(probe.durationMs()).isCloseTo(3217, within(100L));
    }

    @Test
    void aClipRunsTheSecondsAskedFor() throws Exception {
        RenderProgress.Done done =
                rendered(OfflineProviders.create().brollGenerator(), clipRequest("city skyline at dusk", 2));

        assertThat(done.durationMs()).isEqualTo(2000);
        assertThat(done.usage().seconds()).isEqualByComparingTo("2");
        Probe probe = Probe.of(done.media(), storage);
        assertThat(probe.durationMs()).isCloseTo(2000, within(100L));
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.width()).isEqualTo(640);
        assertThat(probe.height()).isEqualTo(360);
    }

    @Test
    void theClipLengthsOfferedAreTheBuildersAndOthersAreRefused() {
        assertThat(OfflineProviders.create().brollGenerator().clipSeconds()).isEmpty();

        BrollGenerator runwayLike =
                OfflineProviders.builder().clipSeconds(10, 5).build().brollGenerator();
        assertThat(runwayLike.clipSeconds()).containsExactly(5, 10);
        assertThatThrownBy(() -> runwayLike.submit(
                        clipRequest("city skyline at dusk", 7), new JobCall("broll", storage).attempt()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ProviderException.Reason.INVALID_REQUEST);
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageContaining("asks for 7 s")
                .hasMessageContaining("[5, 10]");
    }

    @Test
    void aFinishedVideoIsMadeOnceAndDeletedWhenClosed() throws Exception {
        BrollGenerator generator = OfflineProviders.create().brollGenerator();
        ProviderCall call = new JobCall("broll", storage).attempt();
        String task = generator
                .submit(clipRequest("a slow pan over the sea", 1), call)
                .taskId();

        Media media = done(generator.poll(task, call)).media();
        assertThat(done(generator.poll(task, call)).media())
                .as("polled again: the same file")
                .isSameAs(media);
        long size = media.size();
        assertThat(size).isPositive();

        assertThat(media).isInstanceOf(AutoCloseable.class);
        ((AutoCloseable) media).close();
        assertThat(media.size()).as("the file is gone").isEqualTo(-1);
        Media again = done(generator.poll(task, call)).media();
        assertThat(again.size())
                .as("a poll after the pipeline let it go makes it anew")
                .isPositive();
        ((AutoCloseable) again).close();
    }

    @Test
    void aRunningRenderIsStoppedAndAFinishedOneHadAlreadyEnded() {
        OfflineProviders offline =
                OfflineProviders.builder().renderPolls(1, Duration.ZERO).build();
        AvatarRenderer renderer = offline.avatarRenderer();
        ProviderCall call = new JobCall("avatar", storage).attempt();
        String running =
                renderer.submit(avatarRequest(OutputFormat.LANDSCAPE), call).taskId();

        assertThat(renderer.poll(running, call)).isInstanceOf(RenderProgress.Pending.class);
        assertThat(renderer.cancel(running, call)).isEqualTo(Cancellation.STOPPED);
        assertThat(renderer.poll(running, call)).isInstanceOfSatisfying(RenderProgress.Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo("cancelled");
            assertThat(failed.retryable()).isFalse();
        });
        assertThat(renderer.cancel(running, call)).isEqualTo(Cancellation.ALREADY_ENDED);
        assertThat(offline.cancelledRenders()).containsExactly(running);

        BrollGenerator generator = offline.brollGenerator();
        String finished =
                generator.submit(clipRequest("rain on a window", 1), call).taskId();
        assertThat(generator.poll(finished, call)).isInstanceOf(RenderProgress.Pending.class);
        Media media = done(generator.poll(finished, call)).media();
        assertThat(generator.cancel(finished, call)).isEqualTo(Cancellation.ALREADY_ENDED);
        assertThat(offline.cancelledRenders()).containsExactly(running);
        assertThat(offline.renders(call.episodeId())).containsExactly(running, finished);
        assertThat(media.size()).isPositive();
    }

    @Test
    void anFfmpegFailureIsAPermanentInvalidRequestQuotingFfmpeg() throws Exception {
        // an ffmpeg that refuses every job, as one built without libx264 would
        Path ffmpeg =
                Files.writeString(storage.resolve("ffmpeg"), "#!/bin/sh\necho 'Unknown encoder libx264' >&2\nexit 1\n");
        assertThat(ffmpeg.toFile().setExecutable(true)).isTrue();
        BrollGenerator generator = OfflineProviders.builder()
                .config(ProviderConfig.of(Map.of(Ffmpeg.PATH_SETTING, ffmpeg.toString())))
                .build()
                .brollGenerator();
        ProviderCall call = new JobCall("broll", storage).attempt();
        String task =
                generator.submit(clipRequest("city skyline at dusk", 1), call).taskId();

        assertThatThrownBy(() -> generator.poll(task, call))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ProviderException.Reason.INVALID_REQUEST);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.provider()).isEqualTo(OfflineProviders.NAME);
                })
                .hasMessageContaining("ffmpeg could not make the b-roll clip")
                .hasMessageContaining("Unknown encoder libx264");
    }
}
