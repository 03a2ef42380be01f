package io.acog.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.acog.examples.mocks.Listen;
import io.acog.examples.mocks.PexelsMock;
import io.acog.providers.ffmpeg.Ffmpeg;
import io.acog.providers.ffmpeg.MediaProbe;
import io.acog.spi.BrollGenerator;
import io.acog.spi.BrollGenerator.ClipRequest;
import io.acog.spi.ChannelBrief;
import io.acog.spi.FileMedia;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderConfig;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.testkit.providers.OfferedProviders;
import io.acog.testkit.providers.TestProviderCall;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Pexels adapter against the Pexels mock: a clip searched, chosen, downloaded as an MP4
 * ffmpeg reads at the frame's size, and never searched for twice when its job runs again.
 */
class PexelsMockTest {

    private static Ffmpeg ffmpeg;
    private static PexelsMock mock;

    @BeforeAll
    static void start() {
        ffmpeg = Ffmpeg.locate(ProviderConfig.empty());
        mock = PexelsMock.start(Listen.forTests(), ffmpeg);
    }

    @AfterAll
    static void stop() {
        if (mock != null) {
            mock.close();
        }
    }

    @Test
    void aLandscapeClipIsChosenDownloadedAsAFullHdMp4AndNotSearchedForAgainOnAResubmit() {
        BrollGenerator pexels = adapter();
        TestProviderCall call = TestProviderCall.forStage("broll");
        ClipRequest clip = clip("aerial view of a city at dusk", 5_000, OutputFormat.LANDSCAPE);
        long searchesBefore = mock.searches();

        RenderTask task = pexels.submit(clip, call);
        RenderProgress.Done done = untilDone(pexels, task, call);

        // 7001 runs 6 s, the closest to the 5 s cut; its 1920x1080 file, not the 4K one
        assertThat(task.taskId()).isEqualTo("7001:70013");
        try (FileMedia media = (FileMedia) done.media()) {
            MediaProbe probe = MediaProbe.probe(ffmpeg, media.file());
            assertThat(probe.videoCodec()).isEqualTo("h264");
            assertThat(probe.width()).isEqualTo(1920);
            assertThat(probe.height()).isEqualTo(1080);
            assertThat(probe.audioCodec()).isEqualTo("aac");
            assertThat(probe.durationMs()).isCloseTo(6_000, within(300L));
        }
        assertThat(done.durationMs()).isEqualTo(6_000);
        assertThat(done.usage().costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(done.metadata())
                .containsEntry("author", "Mock Author One")
                .containsEntry("author_url", "https://www.pexels.com/@mock-author-one")
                .containsEntry("source_url", "https://www.pexels.com/video/aerial-view-of-a-city-at-dusk-7001/")
                .containsEntry("license", "Pexels License")
                .containsEntry("pexels_video_id", "7001");
        assertThat(mock.downloads(70013)).isEqualTo(1);
        assertThat(mock.downloads(70014)).as("downloads of the 4K file").isZero();

        RenderTask again = adapter().submit(clip, call.nextAttempt());

        assertThat(again.taskId()).isEqualTo(task.taskId());
        assertThat(mock.searches() - searchesBefore).as("searches for the clip").isEqualTo(1);
    }

    @Test
    void anUprightClipPolledByAnotherWorkerIsLookedUpAndDownloadedAt1080x1920() {
        TestProviderCall call = TestProviderCall.forStage("broll");
        RenderTask task = adapter().submit(clip("rain on a window", 7_000, OutputFormat.PORTRAIT), call);
        long lookupsBefore = mock.lookups();

        RenderProgress.Done done = untilDone(adapter(), task, call);

        assertThat(task.taskId()).isEqualTo("7101:71012");
        assertThat(mock.lookups() - lookupsBefore)
                .as("lookups for a fresh link")
                .isEqualTo(1);
        try (FileMedia media = (FileMedia) done.media()) {
            MediaProbe probe = MediaProbe.probe(ffmpeg, media.file());
            assertThat(probe.width()).isEqualTo(1080);
            assertThat(probe.height()).isEqualTo(1920);
            assertThat(probe.durationMs()).isCloseTo(8_000, within(300L));
        }
    }

    private static BrollGenerator adapter() {
        return OfferedProviders.of("pexels", ProviderConfig.of(mock.settings())).the(BrollGenerator.class);
    }

    private static RenderProgress.Done untilDone(BrollGenerator pexels, RenderTask task, TestProviderCall call) {
        for (int poll = 0; poll < 5; poll++) {
            RenderProgress progress = pexels.poll(task.taskId(), call);
            if (progress instanceof RenderProgress.Done done) {
                return done;
            }
            assertThat(progress).as("the clip's progress").isInstanceOf(RenderProgress.Pending.class);
        }
        throw new AssertionError("the clip was not done after 5 polls");
    }

    private static ClipRequest clip(String description, long neededMs, OutputFormat format) {
        return new ClipRequest(
                new ChannelBrief("Mock Channel", "cities", Map.of(), Map.of(), Map.of(), Map.of(), Map.of()),
                description,
                0,
                (int) ((neededMs + 999) / 1000),
                neededMs,
                format);
    }
}
