package io.acog.examples.mocks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.acog.providers.ffmpeg.Ffmpeg;
import io.acog.providers.ffmpeg.MediaProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Synthesia's API and upload API, served locally on one port, as ACOG's Synthesia renderer uses
 * them:
 *
 * <ul>
 *   <li>{@code POST /v2/scriptAudio} (the upload host's) takes an MP3 ({@code Content-Type:
 *       audio/mpeg}) and answers {@code 201 {"id"}}; anything ffmpeg cannot read as MP3 audio is
 *       refused with 400;
 *   <li>{@code POST /v2/videos} takes clips of uploaded script audio ({@code scriptAudio} with
 *       {@code scriptLanguage}, an {@code avatar}) in an {@code aspectRatio}, and answers the video,
 *       {@code in_progress}. The mock then renders a real MP4 with ffmpeg — H.264 and AAC, yuv420p,
 *       of the aspect ratio's 1080p size (1920×1080 for {@code 16:9}, 1080×1920 for {@code 9:16}),
 *       a plain picture over the clips' audio, as long as it;
 *   <li>{@code GET /v2/videos/{id}} says {@code in_progress} until the MP4 is made and the video was
 *       asked about {@value #POLLS_IN_PROGRESS} times or {@link #RENDER_TIME} has passed, then
 *       {@code complete} with a {@code duration} such as {@code "0:00:59.000000"} and a {@code
 *       download} link to this server, signed and valid for {@link #LINK_VALID};
 *   <li>{@code DELETE /v2/videos/{id}} deletes a video; {@code POST /v2/webhooks} registers the
 *       account's webhook (Synthesia registers them per account, not per video) and answers its
 *       {@code secret}, {@value #WEBHOOK_SECRET}; {@link #webhookUrl(URI)} does the same from Java.
 * </ul>
 *
 * <p>When a video completes and a webhook is registered, the mock POSTs a {@code video.completed}
 * event to it, signed as Synthesia signs: {@code Synthesia-Timestamp} (seconds since the epoch) and
 * {@code Synthesia-Signature}, the hex HMAC-SHA256 of {@code timestamp.body} under the secret.
 *
 * <p>Requests need {@code Authorization: }{@value #API_KEY} (else 403 "Forbidden - Wrong API key",
 * as Synthesia answers), and errors have Synthesia's shape {@code {"error", "context"}}. The mock
 * counts the videos created, per {@code callbackId} too, so a test can tell that no render was paid
 * for twice. Thread-safe; what it holds lives in a temporary directory that {@link #close()}
 * deletes.
 */
public final class SynthesiaMock implements AutoCloseable {

    /** The API key the mock accepts: a dummy. */
    public static final String API_KEY = "mock-synthesia-key";

    /** The webhook secret the mock signs its deliveries with: a dummy. */
    public static final String WEBHOOK_SECRET = "mock-synthesia-webhook-secret";

    /** A stock avatar's id, which the settings name for channels that name none. */
    public static final String AVATAR = "anna_costume1_cameraA";

    /** How many status requests say {@code in_progress} before a rendered video is complete. */
    public static final int POLLS_IN_PROGRESS = 1;

    /** How long after its MP4 is made a video completes unasked, and its webhook is sent. */
    public static final Duration RENDER_TIME = Duration.ofSeconds(2);

    /** How long a download link works, as Synthesia's links are time-limited. */
    public static final Duration LINK_VALID = Duration.ofHours(1);

    private static final String UPLOAD = "/v2/scriptAudio";
    private static final String VIDEOS = "/v2/videos";
    private static final String WEBHOOKS = "/v2/webhooks";
    private static final String DOWNLOADS = "/downloads/";
    private static final Map<String, int[]> SIZES = Map.of(
            "16:9", new int[] {1920, 1080},
            "9:16", new int[] {1080, 1920},
            "1:1", new int[] {1080, 1080},
            "4:5", new int[] {1080, 1350},
            "5:4", new int[] {1350, 1080});
    /** The most clips a video takes (Synthesia's OpenAPI; older docs said 6). */
    private static final int MAX_CLIPS = 25;

    private static final Duration FFMPEG_TIMEOUT = Duration.ofMinutes(5);

    private final WireMockServer server;
    private final String baseUrl;
    private final Ffmpeg ffmpeg;
    private final Path directory;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Audio> audios = new ConcurrentHashMap<>();
    private final Map<String, Video> videos = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> createsPerCallback = new ConcurrentHashMap<>();
    private final AtomicInteger videosCreated = new AtomicInteger();
    private final AtomicReference<URI> webhookUrl = new AtomicReference<>();
    private final List<String> webhooksSent = new CopyOnWriteArrayList<>();
    private final List<String> webhookFailures = new CopyOnWriteArrayList<>();
    private final ExecutorService renders = Executors.newFixedThreadPool(2, daemon("synthesia-mock-render"));
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(daemon("synthesia-mock-timer"));
    private final HttpClient webhooks =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private SynthesiaMock(Listen listen, Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
        try {
            this.directory = Files.createTempDirectory("acog-synthesia-mock-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the Synthesia mock's directory", e);
        }
        this.server = MockHttp.start(listen, new Studio());
        this.baseUrl = MockHttp.baseUrl(listen, server);
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(Studio.NAME)));
    }

    /**
     * Starts the mock.
     *
     * @param listen where it listens
     * @param ffmpeg what reads the uploaded audio and renders the videos
     * @return the running mock
     */
    public static SynthesiaMock start(Listen listen, Ffmpeg ffmpeg) {
        return new SynthesiaMock(listen, ffmpeg);
    }

    /**
     * Returns the settings that point the Synthesia adapter at this mock: {@code
     * synthesia.api-key}, {@code synthesia.base-url}, {@code synthesia.upload-base-url}, {@code
     * synthesia.webhook-secret}, {@code synthesia.avatar} (for channels that name none) and a
     * {@code synthesia.poll-interval} of one second.
     *
     * @return the settings by key
     */
    public Map<String, String> settings() {
        return Map.of(
                "synthesia.api-key", API_KEY,
                "synthesia.base-url", baseUrl,
                "synthesia.upload-base-url", baseUrl,
                "synthesia.webhook-secret", WEBHOOK_SECRET,
                "synthesia.avatar", AVATAR,
                "synthesia.poll-interval", "1");
    }

    /**
     * Registers the account's webhook, as {@code POST /v2/webhooks} does: each video that completes
     * from now on is reported there.
     *
     * @param url where to POST the signed {@code video.completed} events; null for none
     */
    public void webhookUrl(URI url) {
        webhookUrl.set(url);
    }

    /**
     * Returns how many videos were created, failed requests not counted: each a paid render at
     * Synthesia.
     *
     * @return the count
     */
    public int videosCreated() {
        return videosCreated.get();
    }

    /**
     * Returns how many videos were created with a {@code callbackId}, which ACOG sets to the job's
     * idempotency key: more than one is a render paid for twice.
     *
     * @param callbackId the callback id
     * @return the count; 0 when none was
     */
    public int videosCreated(String callbackId) {
        AtomicInteger count = createsPerCallback.get(callbackId);
        return count == null ? 0 : count.get();
    }

    /**
     * Returns how many script audios were uploaded.
     *
     * @return the count
     */
    public int audioUploads() {
        return audios.size();
    }

    /**
     * Returns the ids of the videos whose {@code video.completed} event was delivered (answered
     * 2xx), in order.
     *
     * @return the video ids
     */
    public List<String> webhooksSent() {
        return List.copyOf(webhooksSent);
    }

    /**
     * Returns why deliveries failed (an unreachable endpoint, a non-2xx answer), in order.
     *
     * @return one line each
     */
    public List<String> webhookFailures() {
        return List.copyOf(webhookFailures);
    }

    /**
     * Returns where the mock is reached, e.g. {@code http://127.0.0.1:8080}.
     *
     * @return the URL, without a trailing slash
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Returns the WireMock server, for a test to read its journal.
     *
     * @return the server
     */
    public WireMockServer server() {
        return server;
    }

    /** Stops the server and the renders, and deletes what the mock held. */
    @Override
    public void close() {
        server.stop();
        renders.shutdownNow();
        timers.shutdownNow();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            directory.toFile().deleteOnExit();
        }
    }

    /** An uploaded script audio. */
    private record Audio(String id, Path file, long durationMs) {}

    /** A video: made by a render in the background, completed by polls or by time. */
    private final class Video {
        final String id = UUID.randomUUID().toString();
        final String token = randomHex(16);
        final ObjectNode request;
        final Instant createdAt = Instant.now();
        final Path file;
        int polls;
        String status = "in_progress";
        boolean rendered;
        long durationMs = -1;
        String error;
        Instant completedAt;

        Video(ObjectNode request) {
            this.request = request;
            this.file = directory.resolve(id + ".mp4");
        }

        /** A status request: counted, and the video completes once made and asked about enough. */
        synchronized ObjectNode asked() {
            polls++;
            if (status.equals("in_progress") && rendered && polls > POLLS_IN_PROGRESS) {
                complete();
            }
            return json();
        }

        synchronized void made(long duration) {
            rendered = true;
            durationMs = duration;
        }

        synchronized void failed(String why) {
            status = "error";
            error = why;
        }

        /** Completes the video unasked, once it is made. */
        synchronized void completeIfMade() {
            if (status.equals("in_progress") && rendered) {
                complete();
            }
        }

        synchronized void delete() {
            status = "deleted";
        }

        synchronized boolean downloadable(String signature) {
            return status.equals("complete")
                    && token.equals(signature)
                    && completedAt.plus(LINK_VALID).isAfter(Instant.now());
        }

        private void complete() {
            status = "complete";
            completedAt = Instant.now();
            URI target = webhookUrl.get();
            if (target != null) {
                ObjectNode event = MockHttp.MAPPER.createObjectNode();
                event.put("type", "video.completed");
                event.set("data", json());
                deliver(target, id, event.toString());
            }
        }

        synchronized ObjectNode json() {
            ObjectNode json = MockHttp.MAPPER.createObjectNode();
            json.put("id", id);
            json.put("title", request.path("title").asText(""));
            json.put("description", request.path("description").asText(""));
            json.put("visibility", request.path("visibility").asText("private"));
            json.put("aspectRatio", request.path("aspectRatio").asText("16:9"));
            json.put("test", request.path("test").asBoolean(false));
            if (request.hasNonNull("callbackId")) {
                json.put("callbackId", request.path("callbackId").asText());
            }
            json.set("input", request.path("input").deepCopy());
            json.put("status", status);
            json.put("createdAt", createdAt.getEpochSecond());
            json.put("lastUpdatedAt", (completedAt == null ? createdAt : completedAt).getEpochSecond());
            if (status.equals("complete")) {
                long expires = completedAt.plus(LINK_VALID).getEpochSecond();
                json.put("download", baseUrl + DOWNLOADS + id + ".mp4?Expires=" + expires + "&Signature=" + token);
                json.put("duration", duration(durationMs));
                json.putObject("thumbnail").putNull("image").putNull("gif");
            }
            if (error != null) {
                json.put("error", error);
            }
            return json;
        }
    }

    /** Answers every request by its method and path. */
    private final class Studio implements ResponseDefinitionTransformerV2 {

        static final String NAME = "synthesia-studio";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String path = MockHttp.path(request.getUrl());
            RequestMethod method = request.getMethod();
            if (path.startsWith(DOWNLOADS) && method.equals(RequestMethod.GET)) {
                return download(path, MockHttp.query(request.getUrl()));
            }
            if (!API_KEY.equals(request.getHeader("Authorization"))) {
                return error(403, "Forbidden - Wrong API key", "send Authorization: " + API_KEY + " (no Bearer)");
            }
            if (path.equals(UPLOAD) && method.equals(RequestMethod.POST)) {
                return upload(request);
            }
            if (path.equals(VIDEOS) && method.equals(RequestMethod.POST)) {
                return create(request);
            }
            if (path.equals(WEBHOOKS) && method.equals(RequestMethod.POST)) {
                return registerWebhook(request);
            }
            if (path.startsWith(VIDEOS + "/")) {
                Video video = videos.get(path.substring(VIDEOS.length() + 1));
                if (video == null) {
                    return error(404, "Not Found", "Video ID was not found");
                }
                if (method.equals(RequestMethod.GET)) {
                    return MockHttp.json(200, video.asked());
                }
                if (method.equals(RequestMethod.DELETE)) {
                    video.delete();
                    videos.remove(video.id);
                    return aResponse().withStatus(204).build();
                }
            }
            return error(
                    404,
                    "Not Found",
                    "the mock serves POST " + UPLOAD + ", POST and GET " + VIDEOS + ", GET and DELETE " + VIDEOS
                            + "/{id}, POST " + WEBHOOKS + ", not " + method + " " + path);
        }

        private ResponseDefinition upload(Request request) {
            String type = request.getHeader("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("audio/mpeg")) {
                return error(
                        400, "Unsupported content type", "script audio is uploaded as audio/mpeg (MP3), not " + type);
            }
            byte[] body = request.getBody();
            if (body == null || body.length == 0) {
                return error(400, "Empty upload", "the request has no audio");
            }
            String id = UUID.randomUUID().toString();
            Path file = directory.resolve(id + ".mp3");
            try {
                Files.write(file, body);
            } catch (IOException e) {
                return error(500, "Internal Server Error", "the mock cannot keep the upload: " + e.getMessage());
            }
            MediaProbe probe;
            try {
                probe = MediaProbe.probe(ffmpeg, file);
            } catch (IllegalArgumentException e) {
                probe = null;
            }
            if (probe == null || !"mp3".equals(probe.audioCodec()) || probe.durationMs() <= 0) {
                deleteQuietly(file);
                return error(400, "Invalid audio", "script audio must be MP3 audio; ffmpeg cannot read this as MP3");
            }
            audios.put(id, new Audio(id, file, probe.durationMs()));
            ObjectNode json = MockHttp.MAPPER.createObjectNode();
            json.put("id", id).put("title", id + ".mp3");
            return MockHttp.json(201, json);
        }

        private ResponseDefinition create(Request request) {
            JsonNode body = MockHttp.readJson(request.getBody());
            if (body == null || !body.isObject()) {
                return error(400, "Bad Request", "the body is not a JSON object");
            }
            String aspectRatio = body.path("aspectRatio").asText("16:9");
            if (!SIZES.containsKey(aspectRatio)) {
                return error(400, "Invalid aspectRatio", "aspectRatio must be one of " + SIZES.keySet());
            }
            String visibility = body.path("visibility").asText("private");
            if (!visibility.equals("private") && !visibility.equals("public")) {
                return error(400, "Invalid visibility", "visibility must be private or public");
            }
            JsonNode input = body.path("input");
            if (!input.isArray() || input.isEmpty() || input.size() > MAX_CLIPS) {
                return error(400, "Invalid input", "input must hold 1 to " + MAX_CLIPS + " clips");
            }
            List<Audio> clips = new ArrayList<>();
            for (int i = 0; i < input.size(); i++) {
                JsonNode clip = input.get(i);
                String where = "input[" + i + "]";
                if (clip.path("avatar").asText("").isBlank()) {
                    return error(400, "Invalid avatar", where + ".avatar is required");
                }
                if (clip.hasNonNull("scriptText")) {
                    return error(
                            400,
                            "Not mocked",
                            where + ".scriptText: the mock renders uploaded script audio only (scriptAudio)");
                }
                Audio audio = audios.get(clip.path("scriptAudio").asText(""));
                if (audio == null) {
                    return error(400, "Invalid scriptAudio", where + ".scriptAudio names no uploaded script audio");
                }
                if (clip.path("scriptLanguage").asText("").isBlank()) {
                    return error(400, "Invalid scriptLanguage", where + ".scriptLanguage is required with scriptAudio");
                }
                clips.add(audio);
            }
            Video video = new Video((ObjectNode) body.deepCopy());
            videos.put(video.id, video);
            videosCreated.incrementAndGet();
            if (body.hasNonNull("callbackId")) {
                createsPerCallback
                        .computeIfAbsent(body.path("callbackId").asText(), key -> new AtomicInteger())
                        .incrementAndGet();
            }
            renders.execute(() -> render(video, clips, SIZES.get(aspectRatio)));
            return MockHttp.json(201, video.json());
        }

        private ResponseDefinition registerWebhook(Request request) {
            JsonNode body = MockHttp.readJson(request.getBody());
            String url = body == null ? "" : body.path("url").asText("");
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                return error(400, "Invalid url", "url must be an http(s) URL");
            }
            webhookUrl.set(URI.create(url));
            ObjectNode json = MockHttp.MAPPER.createObjectNode();
            long now = Instant.now().getEpochSecond();
            json.put("id", UUID.randomUUID().toString())
                    .put("url", url)
                    .put("status", "active")
                    .put("secret", WEBHOOK_SECRET)
                    .put("createdAt", now)
                    .put("lastUpdatedAt", now);
            return MockHttp.json(201, json);
        }

        private ResponseDefinition download(String path, Map<String, String> query) {
            String name = path.substring(DOWNLOADS.length());
            Video video = name.endsWith(".mp4") ? videos.get(name.substring(0, name.length() - 4)) : null;
            if (video == null || !video.downloadable(query.getOrDefault("Signature", ""))) {
                return aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/xml")
                        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code>"
                                + "<Message>Request has expired or is not signed</Message></Error>")
                        .build();
            }
            try {
                return aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "video/mp4")
                        .withBody(Files.readAllBytes(video.file))
                        .build();
            } catch (IOException e) {
                return error(500, "Internal Server Error", "the mock cannot read the video: " + e.getMessage());
            }
        }
    }

    /** Makes the video's MP4: a plain picture of its size over its clips' audio, then completes it in time. */
    private void render(Video video, List<Audio> clips, int[] size) {
        try {
            long durationMs = clips.stream().mapToLong(Audio::durationMs).sum();
            String audio = clips.size() == 1
                    ? clips.get(0).file().toString()
                    : "concat:"
                            + String.join(
                                    "|",
                                    clips.stream()
                                            .map(clip -> clip.file().toString())
                                            .toList());
            ffmpeg.run(
                    List.of(
                            "-y",
                            "-f",
                            "lavfi",
                            "-i",
                            String.format(
                                    Locale.ROOT,
                                    "color=c=0x2b4162:s=%dx%d:r=30:d=%.3f",
                                    size[0],
                                    size[1],
                                    durationMs / 1000.0),
                            "-i",
                            audio,
                            "-map",
                            "0:v",
                            "-map",
                            "1:a",
                            "-shortest",
                            "-c:v",
                            "libx264",
                            "-preset",
                            "ultrafast",
                            "-tune",
                            "stillimage",
                            "-pix_fmt",
                            "yuv420p",
                            "-c:a",
                            "aac",
                            "-b:a",
                            "128k",
                            "-movflags",
                            "+faststart",
                            video.file.toString()),
                    FFMPEG_TIMEOUT,
                    null);
            long made = MediaProbe.probe(ffmpeg, video.file).durationMs();
            video.made(made > 0 ? made : durationMs);
            // completes it unasked, as a real render ends whether or not anyone polls
            Future<?> unused = timers.schedule(video::completeIfMade, RENDER_TIME.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            video.failed("the mock could not render the video: " + e.getMessage());
        }
    }

    /** POSTs a signed event, without waiting; what went wrong is kept for {@link #webhookFailures()}. */
    private void deliver(URI target, String videoId, String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(6)) // Synthesia waits six seconds for an answer
                .header("Content-Type", "application/json")
                .header("Synthesia-Timestamp", timestamp)
                .header("Synthesia-Signature", sign(timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        // the outcome is kept by the callback, not read from the future
        Future<?> unused = webhooks.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    if (failure != null) {
                        webhookFailures.add(videoId + ": " + target + " failed: " + failure);
                    } else if (response.statusCode() / 100 == 2) {
                        webhooksSent.add(videoId);
                    } else {
                        webhookFailures.add(videoId + ": " + target + " answered " + response.statusCode());
                    }
                });
    }

    /** The hex HMAC-SHA256 of {@code message} under the webhook secret. */
    static String sign(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute HMAC-SHA256", e);
        }
    }

    /** A duration as Synthesia writes it, Python's {@code str(timedelta)}: {@code 0:00:59.000000}. */
    static String duration(long millis) {
        long ms = Math.max(0, millis);
        return String.format(
                Locale.ROOT, "%d:%02d:%02d.%06d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000 * 1000);
    }

    private String randomHex(int bytes) {
        byte[] token = new byte[bytes];
        random.nextBytes(token);
        return HexFormat.of().formatHex(token);
    }

    private static ResponseDefinition error(int status, String error, String context) {
        ObjectNode json = MockHttp.MAPPER.createObjectNode();
        json.put("error", error).put("context", context);
        return MockHttp.json(status, json);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
