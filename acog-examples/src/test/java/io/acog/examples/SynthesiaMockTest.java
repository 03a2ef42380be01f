package io.acog.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.acog.examples.mocks.Listen;
import io.acog.examples.mocks.SynthesiaMock;
import io.acog.providers.ffmpeg.Ffmpeg;
import io.acog.providers.ffmpeg.MediaProbe;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.AvatarRenderer.AvatarRequest;
import io.acog.spi.ChannelBrief;
import io.acog.spi.Media;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderConfig;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderWebhooks;
import io.acog.spi.Timeline;
import io.acog.spi.WebhookDelivery;
import io.acog.spi.WebhookEvent;
import io.acog.testkit.providers.OfferedProviders;
import io.acog.testkit.providers.TestProviderCall;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Synthesia adapter (found by its plugin's name) against the Synthesia mock: the narration
 * uploaded, the video created, polled until complete and downloaded, a real MP4 of the frame's size
 * as long as the narration; a resubmit with the job's checkpoint creates no second video; the mock's
 * signed webhook passes the adapter's verification.
 */
class SynthesiaMockTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static Ffmpeg ffmpeg;
    private static SynthesiaMock mock;

    @BeforeAll
    static void start() {
        ffmpeg = Ffmpeg.locate(ProviderConfig.empty());
        mock = SynthesiaMock.start(Listen.forTests(), ffmpeg);
    }

    @AfterAll
    static void stop() {
        if (mock != null) {
            mock.close();
        }
    }

    @Test
    void theAdapterRendersARealMp4OnceAndItsSignedWebhookIsGenuine(@TempDir Path dir) throws Exception {
        BlockingQueue<WebhookDelivery> deliveries = new LinkedBlockingQueue<>();
        HttpServer endpoint = webhookEndpoint(deliveries);
        try {
            URI webhook = new URI(
                    "http",
                    null,
                    InetAddress.getLoopbackAddress().getHostAddress(),
                    endpoint.getAddress().getPort(),
                    "/webhooks/synthesia",
                    null,
                    null);
            assertThat(registerWebhook(webhook).path("secret").asText())
                    .as("the secret Synthesia returns when a webhook is created")
                    .isEqualTo(mock.settings().get("synthesia.webhook-secret"));
            AvatarRenderer renderer = renderer();
            TestProviderCall call = TestProviderCall.forStage("avatar");
            Path narration = narration(dir, 3);
            long narrationMs = MediaProbe.probe(ffmpeg, narration).durationMs();
            AvatarRequest request = request(store(call, narration), OutputFormat.LANDSCAPE, webhook);

            String taskId = renderer.submit(request, call).taskId();
            RenderProgress.Done done = renderUntilDone(renderer, taskId, call);

            Path video = dir.resolve("avatar.mp4");
            try (InputStream in = done.media().open()) {
                Files.copy(in, video);
            }
            byte[] head = Arrays.copyOf(Files.readAllBytes(video), 8);
            assertThat(new String(head, 4, 4, StandardCharsets.US_ASCII))
                    .as("an MP4's first box")
                    .isEqualTo("ftyp");
            MediaProbe probe = MediaProbe.probe(ffmpeg, video);
            assertThat(probe.videoCodec()).isEqualTo("h264");
            assertThat(probe.audioCodec()).isEqualTo("aac");
            assertThat(probe.width()).isEqualTo(1920);
            assertThat(probe.height()).isEqualTo(1080);
            assertThat(probe.durationMs()).isCloseTo(narrationMs, within(300L));
            assertThat(done.durationMs()).isCloseTo(narrationMs, within(300L));
            assertThat(done.usage().costUsd()).isPositive();
            assertThat(done.media().mimeType()).isEqualTo("video/mp4");

            // the job runs again with its checkpoint (a crash before ACOG recorded the task)
            String again = renderer.submit(request, call.nextAttempt()).taskId();
            assertThat(again).isEqualTo(taskId);
            assertThat(mock.videosCreated()).as("videos created").isEqualTo(1);
            assertThat(mock.videosCreated(call.idempotencyKey()))
                    .as("videos created for the job")
                    .isEqualTo(1);
            assertThat(mock.audioUploads()).as("audio uploads").isEqualTo(1);

            WebhookDelivery delivery = deliveries.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(delivery)
                    .as("the video.completed delivery (failures: %s)", mock.webhookFailures())
                    .isNotNull();
            assertThat(((RenderWebhooks) renderer).receive(delivery))
                    .contains(new WebhookEvent(taskId, "video.completed"));
            assertThat(mock.webhooksSent()).containsExactly(taskId);
        } finally {
            endpoint.stop(0);
        }
    }

    @Test
    void aShortIsRenderedInPortrait(@TempDir Path dir) throws Exception {
        AvatarRenderer renderer = renderer();
        TestProviderCall call = TestProviderCall.forStage("avatar");
        int before = mock.videosCreated();

        String taskId = renderer.submit(request(store(call, narration(dir, 1)), OutputFormat.PORTRAIT, null), call)
                .taskId();
        RenderProgress.Done done = renderUntilDone(renderer, taskId, call);

        Path video = dir.resolve("short.mp4");
        try (InputStream in = done.media().open()) {
            Files.copy(in, video);
        }
        MediaProbe probe = MediaProbe.probe(ffmpeg, video);
        assertThat(probe.width()).isEqualTo(1080);
        assertThat(probe.height()).isEqualTo(1920);
        assertThat(mock.videosCreated()).isEqualTo(before + 1);
    }

    private static AvatarRenderer renderer() {
        Map<String, String> settings = new HashMap<>(mock.settings());
        settings.put("synthesia.poll-interval", "0.2");
        return OfferedProviders.of("synthesia", ProviderConfig.of(settings)).the(AvatarRenderer.class);
    }

    /** Polls as the pipeline does, waiting what each answer asks, until the render ends. */
    private static RenderProgress.Done renderUntilDone(AvatarRenderer renderer, String taskId, TestProviderCall call)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        RenderProgress progress = renderer.poll(taskId, call);
        while (progress instanceof RenderProgress.Pending pending
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(pending.checkAfter().toMillis()); // the protocol's wait, not a proof
            progress = renderer.poll(taskId, call);
        }
        assertThat(progress).as("how the render ended").isInstanceOf(RenderProgress.Done.class);
        return (RenderProgress.Done) progress;
    }

    private static AvatarRequest request(URI audio, OutputFormat format, URI callbackUrl) {
        ChannelBrief channel =
                new ChannelBrief("Night Sky", "astronomy", null, null, null, Map.of("provider", "synthesia"), null);
        List<Timeline.Cut> windows =
                List.of(new Timeline.Cut(0, Timeline.Source.AVATAR, 0, 1000, -1, 0, "Look up tonight."));
        return new AvatarRequest(channel, windows, audio, null, format, callbackUrl);
    }

    /** A tone of {@code seconds} encoded as MP3, as the voice stage leaves the narration. */
    private static Path narration(Path dir, int seconds) {
        Path file = dir.resolve("voice-" + seconds + ".mp3");
        ffmpeg.run(
                List.of(
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=220:sample_rate=44100:duration=" + seconds,
                        "-c:a",
                        "libmp3lame",
                        "-b:a",
                        "128k",
                        file.toString()),
                Duration.ofMinutes(1),
                null);
        return file;
    }

    private static URI store(TestProviderCall call, Path narration) throws IOException {
        return call.storage()
                .store(
                        "episodes/" + call.episodeId() + "/audio/voice.mp3",
                        Media.ofBytes("voice.mp3", "audio/mpeg", Files.readAllBytes(narration)));
    }

    /** Creates the account's webhook through the API, as a host does once. */
    private static JsonNode registerWebhook(URI url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/v2/webhooks"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", SynthesiaMock.API_KEY)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"url\":\"" + url + "\",\"events\":[\"video.completed\",\"video.failed\"]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("creating the webhook: %s", response.body())
                .isEqualTo(201);
        return JSON.readTree(response.body());
    }

    /** A host's webhook endpoint: keeps each POST's headers and raw body, answers 204. */
    private static HttpServer webhookEndpoint(BlockingQueue<WebhookDelivery> deliveries) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/webhooks/synthesia", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            deliveries.add(new WebhookDelivery(exchange.getRequestHeaders(), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
