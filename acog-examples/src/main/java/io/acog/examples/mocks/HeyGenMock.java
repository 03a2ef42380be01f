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
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HeyGen's v3 API, served locally, keeping count of what would be paid for:
 *
 * <ul>
 *   <li>{@code POST /v3/assets} (multipart, one {@code file} part, at most 32 MB) keeps the file and
 *       answers {@code {"data":{"asset_id","url","mime_type","size_bytes"}}};
 *   <li>{@code POST /v3/videos} ({@code type: "avatar"}, an {@code avatar_id}, exactly one of {@code
 *       audio_url} and {@code audio_asset_id}) starts a render and answers {@code
 *       {"data":{"video_id","status":"pending"}}}. It honours {@code Idempotency-Key} as HeyGen
 *       does: the same key answers the first call's video again, and no new render is counted;
 *   <li>{@code GET /v3/videos/{video_id}} walks the render through {@code pending} and {@code
 *       processing} over its first polls, then {@code completed} with a presigned {@code video_url},
 *       its {@code duration} and {@code created_at}; a render whose audio cannot be fetched or read
 *       ends {@code failed} ({@code download_failed}, {@code invalid_audio_format});
 *   <li>the {@code video_url} serves a real MP4 (H.264 and AAC, yuv420p) of the size the {@code
 *       aspect_ratio} and {@code resolution} ask for and as long as the audio, made once per size
 *       and length by ffmpeg;
 *   <li>when a poll first sees a render completed and the create named a {@code callback_url}, an
 *       {@code avatar_video.success} event is POSTed there, signed as Standard Webhooks sign ({@code
 *       webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,<base64>}) with the
 *       mock's {@code whsec_} secret.
 * </ul>
 *
 * <p>Every call needs {@code X-Api-Key: }{@value #API_KEY}, else 401 in HeyGen's error shape
 * {@code {"error":{code,message,param,doc_url}}}; a body HeyGen would refuse gets its 400 {@code
 * invalid_parameter} naming the field. Thread-safe.
 */
public final class HeyGenMock implements AutoCloseable {

    /** The API key the mock accepts: a dummy. */
    public static final String API_KEY = "mock-heygen-key";

    /** How many polls see a render unfinished ({@code pending}, then {@code processing}). */
    public static final int POLLS_BEFORE_DONE = 2;

    /** The poll interval the mock's settings give the adapter. */
    public static final String POLL_INTERVAL = "0.3";

    private static final String ASSETS = "/v3/assets";
    private static final String VIDEOS = "/v3/videos";
    private static final Pattern VIDEO = Pattern.compile("/v3/videos/([^/?]+)");
    private static final Pattern FILE = Pattern.compile("/files/video/([^/?]+)\\.mp4");
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final int MAX_ASSET_BYTES = 32 * 1024 * 1024;
    private static final String DOCS = "https://developers.heygen.com/docs/error-codes#";

    private final WireMockServer server;
    private final String baseUrl;
    private final Ffmpeg ffmpeg;
    private final String webhookSecret;
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final ExecutorService work = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "heygen-mock");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<String, byte[]> assets = new ConcurrentHashMap<>();
    private final Map<String, Render> renders = new ConcurrentHashMap<>();
    private final Map<String, String> videoByKey = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> createsByKey = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<byte[]>> videos = new ConcurrentHashMap<>();
    private final List<String> webhooksSent = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    private HeyGenMock(Listen listen, Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
        byte[] key = new byte[32];
        random.nextBytes(key);
        this.webhookSecret = "whsec_" + Base64.getEncoder().encodeToString(key);
        this.server = MockHttp.start(listen, new HeyGen());
        this.baseUrl = MockHttp.baseUrl(listen, server);
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(HeyGen.NAME)));
    }

    /**
     * Starts the mock.
     *
     * @param listen where it listens
     * @param ffmpeg what reads the audio's length and makes the rendered videos
     * @return the running mock
     */
    public static HeyGenMock start(Listen listen, Ffmpeg ffmpeg) {
        return new HeyGenMock(listen, ffmpeg);
    }

    /**
     * Returns the settings that point the HeyGen adapter at this mock: {@code heygen.api-key},
     * {@code heygen.base-url}, {@code heygen.poll-interval} (short, for demos and tests) and {@code
     * heygen.webhook-secret} (the secret the mock signs its webhooks with).
     *
     * @return the settings by key
     */
    public Map<String, String> settings() {
        return Map.of(
                "heygen.api-key", API_KEY,
                "heygen.base-url", baseUrl,
                "heygen.poll-interval", POLL_INTERVAL,
                "heygen.webhook-secret", webhookSecret);
    }

    /**
     * Returns how many renders were started: what HeyGen would bill. A create replayed by its
     * idempotency key starts none.
     *
     * @return the renders started
     */
    public int rendersCreated() {
        return renders.size();
    }

    /**
     * Returns how many create calls came with {@code key}, replays included.
     *
     * @param key an {@code Idempotency-Key}
     * @return the calls; 0 when none came with it
     */
    public int createCalls(String key) {
        AtomicInteger calls = createsByKey.get(key);
        return calls == null ? 0 : calls.get();
    }

    /**
     * Returns how many audio files were uploaded.
     *
     * @return the assets kept
     */
    public int assetsUploaded() {
        return assets.size();
    }

    /**
     * Returns the ids of the renders whose {@code avatar_video.success} was POSTed to their
     * callback and accepted there (a 2xx answer), in the order sent.
     *
     * @return the video ids
     */
    public List<String> webhooksSent() {
        return List.copyOf(webhooksSent);
    }

    /**
     * Returns the secret the mock signs its webhooks with, as HeyGen gives an endpoint's secret.
     *
     * @return {@code whsec_} and the key in base64
     */
    public String webhookSecret() {
        return webhookSecret;
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

    /** Stops the server and the mock's work. */
    @Override
    public void close() {
        server.stop();
        work.shutdownNow();
    }

    /** A render the mock was asked for. */
    private static final class Render {
        final String id;
        final String callbackUrl;
        final String callbackId;
        final long createdAt = Instant.now().getEpochSecond();
        final AtomicInteger polls = new AtomicInteger();
        final String signature;
        /** The audio's length in milliseconds; failed with an {@link AudioFailure} when it cannot be had. */
        final CompletableFuture<Long> audioMs;
        /** The rendered video, made once the audio's length is known. */
        final CompletableFuture<byte[]> mp4;

        volatile long completedAt;

        Render(
                String id,
                String callbackUrl,
                String callbackId,
                String signature,
                CompletableFuture<Long> audioMs,
                CompletableFuture<byte[]> mp4) {
            this.id = id;
            this.callbackUrl = callbackUrl;
            this.callbackId = callbackId;
            this.signature = signature;
            this.audioMs = audioMs;
            this.mp4 = mp4;
        }
    }

    /** Why a render's audio could not be had. */
    private static final class AudioFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final String code;

        AudioFailure(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** Answers every request by its path. */
    private final class HeyGen implements ResponseDefinitionTransformerV2 {

        static final String NAME = "heygen";

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
            Matcher file = FILE.matcher(path);
            if (file.matches() && method.equals(RequestMethod.GET)) {
                return download(file.group(1), MockHttp.query(request.getUrl()));
            }
            if (!API_KEY.equals(request.getHeader("X-Api-Key"))) {
                return error(401, "unauthorized", "Invalid API key (the mock takes X-Api-Key: " + API_KEY + ")", null);
            }
            if (path.equals(ASSETS) && method.equals(RequestMethod.POST)) {
                return upload(request);
            }
            if (path.equals(VIDEOS) && method.equals(RequestMethod.POST)) {
                return create(request);
            }
            Matcher video = VIDEO.matcher(path);
            if (video.matches() && method.equals(RequestMethod.GET)) {
                return status(video.group(1));
            }
            return error(
                    404,
                    "not_found",
                    "The mock serves POST " + ASSETS + ", POST " + VIDEOS + " and GET " + VIDEOS + "/{video_id}, not "
                            + method + " " + path,
                    null);
        }

        private ResponseDefinition upload(Request request) {
            String type = request.getHeader("Content-Type");
            Matcher boundary = type == null ? null : BOUNDARY.matcher(type);
            if (boundary == null || !type.startsWith("multipart/form-data") || !boundary.find()) {
                return error(400, "invalid_parameter", "The upload must be multipart/form-data with a file", "file");
            }
            byte[] file = filePart(request.getBody(), boundary.group(1));
            if (file == null || file.length == 0) {
                return error(400, "invalid_parameter", "The upload has no file part", "file");
            }
            if (file.length > MAX_ASSET_BYTES) {
                return error(413, "payload_too_large", "Max file size is 32 MB.", "file");
            }
            String id = "mock-asset-" + ids.incrementAndGet();
            assets.put(id, file);
            ObjectNode json = MockHttp.MAPPER.createObjectNode();
            json.putObject("data")
                    .put("asset_id", id)
                    .put("url", baseUrl + "/files/asset/" + id)
                    .put("mime_type", "audio/mpeg")
                    .put("size_bytes", file.length);
            return MockHttp.json(200, json);
        }

        private ResponseDefinition create(Request request) {
            JsonNode body = MockHttp.readJson(request.getBody());
            if (body == null || !body.isObject()) {
                return error(400, "invalid_parameter", "The body is not a JSON object", null);
            }
            if (!"avatar".equals(body.path("type").asText())) {
                return error(400, "invalid_parameter", "type must be 'avatar' (the mock renders avatars only)", "type");
            }
            if (body.path("avatar_id").asText("").isBlank()) {
                return error(400, "invalid_parameter", "avatar_id is required", "avatar_id");
            }
            String audioUrl = body.path("audio_url").asText("");
            String assetId = body.path("audio_asset_id").asText("");
            if (audioUrl.isBlank() == assetId.isBlank() || body.has("script")) {
                return error(
                        400,
                        "invalid_parameter",
                        "Give exactly one voice source: audio_url or audio_asset_id (the mock speaks no script)",
                        "audio_url");
            }
            if (!assetId.isBlank() && !assets.containsKey(assetId)) {
                return error(404, "asset_not_found", "No asset " + assetId, "audio_asset_id");
            }
            int[] size = size(
                    body.path("aspect_ratio").asText("16:9"),
                    body.path("resolution").asText("1080p"));
            if (size == null) {
                return error(
                        400,
                        "invalid_parameter",
                        "aspect_ratio must be 16:9, 9:16, 1:1, 4:5, 5:4 or auto and resolution 720p, 1080p or 4k",
                        "aspect_ratio");
            }
            String key = request.getHeader("Idempotency-Key");
            if (key != null) {
                createsByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
            String videoId = key == null
                    ? start(body, size, audioUrl, assetId)
                    : videoByKey.computeIfAbsent(key, k -> start(body, size, audioUrl, assetId));
            ObjectNode json = MockHttp.MAPPER.createObjectNode();
            json.putObject("data")
                    .put("video_id", videoId)
                    .put("status", "pending")
                    .put("output_format", "mp4");
            return MockHttp.json(200, json);
        }

        private String start(JsonNode body, int[] size, String audioUrl, String assetId) {
            String id = "mock-video-" + ids.incrementAndGet();
            CompletableFuture<Long> audioMs = CompletableFuture.supplyAsync(
                    () -> audioLength(assetId.isBlank() ? fetch(audioUrl) : assets.get(assetId)), work);
            // made meanwhile, as HeyGen renders while the client polls
            CompletableFuture<byte[]> mp4 = audioMs.thenCompose(ms -> video(size[0], size[1], ms));
            renders.put(
                    id,
                    new Render(
                            id,
                            body.path("callback_url").asText(null),
                            body.path("callback_id").asText(null),
                            randomHex(32),
                            audioMs,
                            mp4));
            return id;
        }

        private ResponseDefinition status(String id) {
            Render render = renders.get(id);
            if (render == null) {
                return error(404, "video_not_found", "Video " + id + " not found", null);
            }
            int poll = render.polls.incrementAndGet();
            ObjectNode json = MockHttp.MAPPER.createObjectNode();
            ObjectNode data = json.putObject("data");
            data.put("id", id).put("title", "ACOG mock render").put("created_at", render.createdAt);
            String state = poll == 1 ? "pending" : "processing";
            if (poll > POLLS_BEFORE_DONE && render.mp4.isDone()) {
                try {
                    render.mp4.join();
                    long ms = render.audioMs.join();
                    state = "completed";
                    data.put("duration", ms / 1000.0);
                    data.put(
                            "video_url",
                            baseUrl + "/files/video/" + id + ".mp4?Expires="
                                    + (Instant.now().getEpochSecond() + 604_800) + "&Signature="
                                    + render.signature);
                    data.put("video_page_url", "https://app.heygen.com/videos/" + id);
                    synchronized (render) {
                        if (render.completedAt == 0) {
                            render.completedAt = Instant.now().getEpochSecond();
                            if (render.callbackUrl != null) {
                                work.execute(() -> sendWebhook(render));
                            }
                        }
                    }
                    data.put("completed_at", render.completedAt);
                } catch (RuntimeException e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    state = "failed";
                    data.put("failure_code", cause instanceof AudioFailure failure ? failure.code : "rendering_failed");
                    data.put("failure_message", String.valueOf(cause.getMessage()));
                }
            }
            data.put("status", state);
            for (String unset : List.of("video_url", "duration", "thumbnail_url", "failure_code", "failure_message")) {
                if (!data.has(unset)) {
                    data.putNull(unset);
                }
            }
            return MockHttp.json(200, json);
        }

        private ResponseDefinition download(String id, Map<String, String> query) {
            Render render = renders.get(id);
            if (render == null || render.completedAt == 0 || !render.signature.equals(query.get("Signature"))) {
                return aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/xml")
                        .withBody("<Error><Code>AccessDenied</Code><Message>Request has expired or its signature"
                                + " does not match</Message></Error>")
                        .build();
            }
            byte[] mp4 = render.mp4.join();
            return aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "video/mp4")
                    .withBody(mp4)
                    .build();
        }
    }

    /** POSTs the render's {@code avatar_video.success}, signed as Standard Webhooks sign. */
    private void sendWebhook(Render render) {
        ObjectNode event = MockHttp.MAPPER.createObjectNode();
        event.put("event_type", "avatar_video.success");
        ObjectNode data = event.putObject("event_data");
        data.put("video_id", render.id);
        data.put("url", baseUrl + "/files/video/" + render.id + ".mp4?Signature=" + render.signature);
        data.put("callback_id", render.callbackId);
        String body = event.toString();
        String id = "msg_" + randomHex(12);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        byte[] key = Base64.getDecoder().decode(webhookSecret.substring("whsec_".length()));
        String signature = Base64.getEncoder()
                .encodeToString(hmac(key, (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(render.callbackUrl))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", "v1," + signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() / 100 == 2) {
                webhooksSent.add(render.id);
            }
        } catch (IOException e) {
            // the host may be gone; HeyGen gives up after its retries too
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The audio behind a presigned URL, as HeyGen fetches it. */
    private byte[] fetch(String url) {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(60))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new AudioFailure("download_failed", "The audio_url answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException | IllegalArgumentException e) {
            throw new AudioFailure("download_failed", "The audio_url cannot be fetched: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AudioFailure("download_failed", "Interrupted while fetching the audio_url");
        }
    }

    /** How long the audio plays, as ffmpeg reads it. */
    private long audioLength(byte[] audio) {
        Path file = null;
        try {
            file = Files.createTempFile("acog-heygen-mock-audio-", ".bin");
            Files.write(file, audio);
            MediaProbe probe = MediaProbe.probe(ffmpeg, file);
            if (!probe.hasAudio() || probe.durationMs() <= 0) {
                throw new AudioFailure("invalid_audio_format", "The audio cannot be decoded as MP3 or WAV");
            }
            return probe.durationMs();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the mock's audio in a temporary file", e);
        } finally {
            deleteQuietly(file);
        }
    }

    /** The video of a size and length, made once by ffmpeg. */
    private CompletableFuture<byte[]> video(int width, int height, long durationMs) {
        return videos.computeIfAbsent(
                width + "x" + height + "@" + durationMs,
                key -> CompletableFuture.supplyAsync(() -> encode(width, height, durationMs), work));
    }

    private byte[] encode(int width, int height, long durationMs) {
        Path file = null;
        try {
            file = Files.createTempFile("acog-heygen-mock-video-", ".mp4");
            String seconds = String.format(Locale.ROOT, "%.3f", durationMs / 1000.0);
            ffmpeg.run(
                    List.of(
                            "-y",
                            "-f",
                            "lavfi",
                            "-i",
                            "color=c=0x2b4a6f:size=" + width + "x" + height + ":rate=30",
                            "-f",
                            "lavfi",
                            "-i",
                            "anullsrc=channel_layout=stereo:sample_rate=44100",
                            "-t",
                            seconds,
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
                            "64k",
                            "-movflags",
                            "+faststart",
                            file.toString()),
                    Duration.ofMinutes(10),
                    null);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the mock's video", e);
        } finally {
            deleteQuietly(file);
        }
    }

    /**
     * The frame a render of {@code aspectRatio} at {@code resolution} has: the resolution's short
     * side, the other from the ratio, both even.
     *
     * @return {width, height}, or null when either is not one HeyGen takes
     */
    static int[] size(String aspectRatio, String resolution) {
        int shortSide = switch (resolution.toLowerCase(Locale.ROOT)) {
            case "720p" -> 720;
            case "1080p" -> 1080;
            case "4k" -> 2160;
            default -> -1;
        };
        String ratio = aspectRatio.equals("auto") ? "16:9" : aspectRatio;
        if (shortSide < 0 || !List.of("16:9", "9:16", "1:1", "4:5", "5:4").contains(ratio)) {
            return null;
        }
        int colon = ratio.indexOf(':');
        int across = Integer.parseInt(ratio.substring(0, colon));
        int down = Integer.parseInt(ratio.substring(colon + 1));
        int longSide = (int) Math.round((double) shortSide * Math.max(across, down) / Math.min(across, down) / 2) * 2;
        return across >= down ? new int[] {longSide, shortSide} : new int[] {shortSide, longSide};
    }

    /** The {@code file} part of a {@code multipart/form-data} body. */
    private static byte[] filePart(byte[] body, String boundary) {
        if (body == null) {
            return null;
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int start = indexOf(body, delimiter, 0);
        while (start >= 0) {
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            if (headersEnd < 0) {
                return null;
            }
            String headers = new String(body, start, headersEnd - start, StandardCharsets.ISO_8859_1);
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersEnd);
            if (next < 0) {
                return null;
            }
            if (headers.contains("name=\"file\"")) {
                byte[] part = new byte[next - headersEnd - 4];
                System.arraycopy(body, headersEnd + 4, part, 0, part.length);
                return part;
            }
            start = next + 2;
        }
        return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute HMAC-SHA256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind
            }
        }
    }

    /** HeyGen's v3 error document. */
    private static ResponseDefinition error(int status, String code, String message, String param) {
        ObjectNode json = MockHttp.MAPPER.createObjectNode();
        ObjectNode error = json.putObject("error");
        error.put("code", code).put("message", message);
        if (param != null) {
            error.put("param", param);
        }
        error.put("doc_url", DOCS + code.replace('_', '-'));
        return MockHttp.json(status, json);
    }
}
