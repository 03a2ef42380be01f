package io.acog.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.examples.mocks.Listen;
import io.acog.examples.mocks.RunwayMock;
import io.acog.providers.ffmpeg.Ffmpeg;
import io.acog.providers.ffmpeg.MediaProbe;
import io.acog.spi.BrollGenerator;
import io.acog.spi.BrollGenerator.ClipRequest;
import io.acog.spi.Cancellation;
import io.acog.spi.ChannelBrief;
import io.acog.spi.FileMedia;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderConfig;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.testkit.providers.OfferedProviders;
import io.acog.testkit.providers.TestProviderCall;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Runway adapter against {@link RunwayMock}: a clip submitted, polled through its states
 * (no poll interval waited for) and downloaded as an MP4 ffmpeg reads, a resubmit of the same job
 * taking the task up without a second paid task, and a cancel while it runs.
 */
class RunwayMockTest {

    private static Ffmpeg ffmpeg;
    private static RunwayMock mock;
    private static BrollGenerator runway;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        ffmpeg = Ffmpeg.locate(ProviderConfig.empty());
        mock = RunwayMock.start(Listen.forTests(), ffmpeg);
        runway = OfferedProviders.of("runway", ProviderConfig.of(mock.settings()))
                .the(BrollGenerator.class);
    }

    @AfterAll
    static void stop() {
        if (mock != null) {
            mock.close();
        }
    }

    @Test
    void aClipIsRenderedThroughItsStatesIntoAnMp4FfmpegReadsAndPaidForOnce() throws IOException {
        TestProviderCall call = TestProviderCall.forStage("broll");
        long before = mock.tasksCreated();

        RenderTask task = runway.submit(clip(5, OutputFormat.LANDSCAPE), call);
        List<RenderProgress> polls = new ArrayList<>();
        RenderProgress progress;
        do {
            progress = runway.poll(task.taskId(), call);
            polls.add(progress);
        } while (progress instanceof RenderProgress.Pending && polls.size() < 10);
        RenderTask resubmitted = runway.submit(clip(5, OutputFormat.LANDSCAPE), call.nextAttempt());

        assertThat(task.checkAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(polls).hasSize(RunwayMock.POLLS_BEFORE_DONE + 1);
        assertThat(polls.subList(0, RunwayMock.POLLS_BEFORE_DONE)).allMatch(RenderProgress.Pending.class::isInstance);
        assertThat(progress).isInstanceOf(RenderProgress.Done.class);
        RenderProgress.Done done = (RenderProgress.Done) progress;
        try (FileMedia media = (FileMedia) done.media()) {
            Path file = dir.resolve("clip.mp4");
            try (InputStream in = media.open()) {
                Files.copy(in, file);
            }
            byte[] head = new byte[8];
            try (InputStream in = Files.newInputStream(file)) {
                assertThat(in.read(head)).isEqualTo(8);
            }
            assertThat(new String(head, 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("ftyp");
            MediaProbe probe = MediaProbe.probe(ffmpeg, file);
            assertThat(probe.videoCodec()).isEqualTo("h264");
            assertThat(probe.width()).isEqualTo(1280);
            assertThat(probe.height()).isEqualTo(720);
            assertThat(probe.audioCodec()).isEqualTo("aac");
            assertThat(probe.durationMs()).isBetween(4_800L, 5_200L);
        }
        assertThat(done.durationMs()).isBetween(4_800L, 5_200L);
        assertThat(done.usage().costUsd()).isEqualByComparingTo("0.60"); // 5 s × 12 credits × $0.01
        assertThat(resubmitted.taskId()).as("the checkpointed task, taken up").isEqualTo(task.taskId());
        assertThat(mock.tasksCreated() - before)
                .as("tasks created, each a paid render")
                .isEqualTo(1);
        assertThat(mock.createRequests()
                        .get(mock.createRequests().size() - 1)
                        .get("ratio")
                        .asText())
                .isEqualTo("1280:720");
    }

    @Test
    void aShortsClipIsPortrait() throws IOException {
        TestProviderCall call = TestProviderCall.forStage("broll");

        RenderTask task = runway.submit(clip(4, OutputFormat.PORTRAIT), call);
        RenderProgress progress = runway.poll(task.taskId(), call);
        for (int i = 0; i < 10 && progress instanceof RenderProgress.Pending; i++) {
            progress = runway.poll(task.taskId(), call);
        }

        assertThat(progress).isInstanceOf(RenderProgress.Done.class);
        try (FileMedia media = (FileMedia) ((RenderProgress.Done) progress).media()) {
            MediaProbe probe = MediaProbe.probe(ffmpeg, media.file());
            assertThat(probe.width()).isEqualTo(720);
            assertThat(probe.height()).isEqualTo(1280);
            assertThat(probe.durationMs()).isBetween(3_800L, 4_200L);
        }
    }

    @Test
    void aRunningClipIsCancelledAndItsTaskEndsCancelled() {
        TestProviderCall call = TestProviderCall.forStage("broll");
        RenderTask task = runway.submit(clip(5, OutputFormat.LANDSCAPE), call);
        runway.poll(task.taskId(), call); // PENDING

        Cancellation cancelled = runway.cancel(task.taskId(), TestProviderCall.forStage("broll"));
        RenderProgress after = runway.poll(task.taskId(), call);

        assertThat(cancelled).isEqualTo(Cancellation.STOPPED);
        assertThat(mock.status(task.taskId())).isEqualTo("CANCELLED");
        assertThat(after)
                .isInstanceOfSatisfying(
                        RenderProgress.Failed.class,
                        failed -> assertThat(failed.retryable()).isFalse());
    }

    private static ClipRequest clip(int seconds, OutputFormat format) {
        ChannelBrief channel = new ChannelBrief(
                "Money Talks",
                "personal finance",
                Map.of(),
                Map.of("visual_style", "clean, bright, modern"),
                Map.of(),
                Map.of(),
                Map.of());
        return new ClipRequest(channel, "coins falling onto a wooden desk", 0, seconds, seconds * 1000L, format);
    }
}
