package io.acog.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.acog.examples.mocks.HeyGenMock;
import io.acog.examples.mocks.Listen;
import io.acog.providers.ffmpeg.Ffmpeg;
import io.acog.providers.ffmpeg.MediaProbe;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.AvatarRenderer.AvatarRequest;
import io.acog.spi.ChannelBrief;
import io.acog.spi.FileMedia;
import io.acog.spi.Media;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderConfig;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.spi.RenderWebhooks;
import io.acog.spi.Timeline;
import io.acog.spi.WebhookDelivery;
import io.acog.spi.WebhookEvent;
import io.acog.testkit.providers.OfferedProviders;
import io.acog.testkit.providers.TestProviderCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real HeyGen adapter against the HeyGen mock: a render submitted, polled until done and
 * downloaded as an MP4 ffmpeg reads, as large and as long as asked; a resubmit that creates no
 * second render; and the mock's signed webhook, which the adapter accepts.
 */
class HeyGenMockTest {

    private static final Map<String, Object> PROFILE = Map.of("provider", "heygen", "avatar_id", "mock-avatar");
    private static final Duration RENDER_LIMIT = Duration.ofMinutes(3);

    private static Ffmpeg ffmpeg;
    private static HeyGenMock mock;
    private static AvatarRenderer renderer;
    private static byte[] audio;
    private static HttpServer host;
    private static final BlockingQueue<WebhookDelivery> deliveries = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start(@TempDir Path dir) throws IOException {
        ffmpeg = Ffmpeg.locate(ProviderConfig.empty());
        mock = HeyGenMock.start(Listen.forTests(), ffmpeg);
        renderer = OfferedProviders.of("heygen", ProviderConfig.of(mock.settings()))
                .the(AvatarRenderer.class);
        Path mp3 = dir.resolve("voice.mp3");
        ffmpeg.run(
                List.of(
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=220:sample_rate=44100:duration=3",
                        "-c:a",
                        "libmp3lame",
                        "-b:a",
                        "64k",
                        mp3.toString()),
                Duration.ofMinutes(1),
                null);
        audio = Files.readAllBytes(mp3);
        // the host: its webhook endpoint, and a presigned-like link to the audio
        host = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        host.createContext("/webhooks/heygen", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                deliveries.add(new WebhookDelivery(exchange.getRequestHeaders(), body.readAllBytes()));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        host.createContext("/bucket/voice.mp3", exchange -> {
            exchange.sendResponseHeaders(200, audio.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(audio);
            }
        });
        host.start();
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.stop(0);
        }
        if (mock != null) {
            mock.close();
        }
    }

    @Test
    void anUploadedNarrationIsRenderedAsAnMp4OfTheFramesSizeAndTheAudiosLength() throws Exception {
        TestProviderCall call = TestProviderCall.forStage("avatar");
        URI stored =
                call.storage().store("episodes/1/audio/voice.mp3", Media.ofBytes("voice.mp3", "audio/mpeg", audio));
        AvatarRequest request = request(stored, null, OutputFormat.LANDSCAPE, null);
        int before = mock.rendersCreated();

        RenderProgress.Done done = render(request, call);

        try (FileMedia media = (FileMedia) done.media()) {
            byte[] head = new byte[8];
            try (InputStream in = media.open()) {
                assertThat(in.readNBytes(head, 0, 8)).isEqualTo(8);
            }
            assertThat(new String(head, 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("ftyp");
            MediaProbe probe = MediaProbe.probe(ffmpeg, media.file());
            assertThat(probe.videoCodec()).isEqualTo("h264");
            assertThat(probe.audioCodec()).isEqualTo("aac");
            assertThat(probe.width()).isEqualTo(1920);
            assertThat(probe.height()).isEqualTo(1080);
            assertThat(probe.durationMs()).isBetween(2_800L, 3_300L);
        }
        assertThat(done.durationMs()).isBetween(2_800L, 3_300L);
        assertThat(done.usage().costUsd()).isPositive();
        assertThat(mock.rendersCreated() - before).isEqualTo(1);

        // the job run again after a crash: its checkpoint holds the render, so nothing is created
        TestProviderCall retry = call.nextAttempt();
        RenderTask again = renderer.submit(request(stored, null, OutputFormat.LANDSCAPE, null), retry);
        assertThat(again.taskId()).isEqualTo(done.metadata().get("heygen_video_id"));
        assertThat(mock.rendersCreated() - before).isEqualTo(1);
        assertThat(mock.createCalls(call.idempotencyKey())).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyWithoutACheckpointGetsTheFirstRenderBackNotASecond() throws Exception {
        TestProviderCall call = TestProviderCall.forStage("avatar");
        URI stored =
                call.storage().store("episodes/2/audio/voice.mp3", Media.ofBytes("voice.mp3", "audio/mpeg", audio));
        int before = mock.rendersCreated();

        RenderTask first = renderer.submit(request(stored, null, OutputFormat.PORTRAIT, null), call);
        // the checkpoint lost: only HeyGen's replay of the key stands between the job and a second render
        TestProviderCall forgetful = TestProviderCall.forStage("avatar").withIdempotencyKey(call.idempotencyKey());
        URI again = forgetful
                .storage()
                .store("episodes/2/audio/voice.mp3", Media.ofBytes("voice.mp3", "audio/mpeg", audio));
        RenderTask second = renderer.submit(request(again, null, OutputFormat.PORTRAIT, null), forgetful);

        assertThat(second.taskId()).isEqualTo(first.taskId());
        assertThat(mock.rendersCreated() - before).isEqualTo(1);
        assertThat(mock.createCalls(call.idempotencyKey())).isEqualTo(2);
        RenderProgress.Done done = poll(first.taskId(), call);
        try (FileMedia media = (FileMedia) done.media()) {
            MediaProbe probe = MediaProbe.probe(ffmpeg, media.file());
            assertThat(probe.width()).isEqualTo(1080);
            assertThat(probe.height()).isEqualTo(1920);
        }
    }

    @Test
    void aFetchedNarrationIsRenderedAndTheSignedWebhookIsAcceptedByTheAdapter() throws Exception {
        String base = "http://127.0.0.1:" + host.getAddress().getPort();
        TestProviderCall call = TestProviderCall.forStage("avatar");
        int uploads = mock.assetsUploaded();
        AvatarRequest request = request(
                URI.create("s3://bucket/voice.mp3"),
                URI.create(base + "/bucket/voice.mp3?X-Amz-Signature=abc"),
                OutputFormat.LANDSCAPE,
                URI.create(base + "/webhooks/heygen"));

        RenderProgress.Done done = render(request, call);
        ((FileMedia) done.media()).close();

        assertThat(mock.assetsUploaded()).isEqualTo(uploads);
        WebhookDelivery delivery = deliveries.poll(1, TimeUnit.MINUTES);
        assertThat(delivery).as("the webhook the mock sent").isNotNull();
        Optional<WebhookEvent> event = ((RenderWebhooks) renderer).receive(delivery);
        assertThat(event).contains(new WebhookEvent(done.metadata().get("heygen_video_id"), "avatar_video.success"));
        assertThat(mock.webhooksSent()).contains(done.metadata().get("heygen_video_id"));
    }

    private static AvatarRequest request(URI audioUri, URI audioUrl, OutputFormat format, URI callback) {
        ChannelBrief channel =
                new ChannelBrief("Mock Channel", "testing", Map.of(), Map.of(), Map.of(), PROFILE, Map.of());
        List<Timeline.Cut> windows =
                List.of(new Timeline.Cut(0, Timeline.Source.AVATAR, 0, 3_000, -1, 0, "Hello from the mock."));
        return new AvatarRequest(channel, windows, audioUri, audioUrl, format, callback);
    }

    private static RenderProgress.Done render(AvatarRequest request, TestProviderCall call)
            throws InterruptedException {
        RenderTask task = renderer.submit(request, call);
        return poll(task.taskId(), call);
    }

    /** Polls as the pipeline would, at the adapter's pace, until the render is done. */
    private static RenderProgress.Done poll(String taskId, TestProviderCall call) throws InterruptedException {
        long deadline = System.nanoTime() + RENDER_LIMIT.toNanos();
        List<RenderProgress> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            RenderProgress progress = renderer.poll(taskId, call);
            seen.add(progress);
            if (progress instanceof RenderProgress.Done done) {
                assertThat(seen).as("the polls before it was done").hasSizeGreaterThan(HeyGenMock.POLLS_BEFORE_DONE);
                return done;
            }
            assertThat(progress).as("render %s", taskId).isInstanceOf(RenderProgress.Pending.class);
            Thread.sleep(((RenderProgress.Pending) progress).checkAfter().toMillis());
        }
        throw new AssertionError("render " + taskId + " not done within " + RENDER_LIMIT + ": " + seen);
    }
}
