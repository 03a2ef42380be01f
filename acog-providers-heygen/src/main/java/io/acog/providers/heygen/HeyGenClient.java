package io.acog.providers.heygen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ProviderHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * HeyGen's v3 API as the renderer calls it, with the API key in {@code X-Api-Key}, each call under
 * {@code heygen.timeout} but the upload, under {@code heygen.download-timeout}: {@code POST
 * /v3/assets} (the audio, multipart), {@code POST /v3/videos}
 * (with an {@code Idempotency-Key}) and {@code GET /v3/videos/{video_id}}. Error answers are
 * classified by {@link HeyGenErrors}. Thread-safe: it holds nothing but the HTTP client.
 */
final class HeyGenClient {

    static final String UPLOAD = "audio upload";
    static final String CREATE = "video create";
    static final String STATUS = "video status";

    /** What HeyGen takes as an idempotency key: 1 to 255 of these characters. */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_:.\\-]{1,255}");

    private final ProviderHttp http;
    private final URI baseUrl;
    private final String apiKey;
    private final Duration uploadTimeout;

    HeyGenClient(ProviderHttp http, HeyGenSettings settings) {
        this.http = http;
        this.baseUrl = settings.baseUrl();
        this.apiKey = settings.apiKey().reveal();
        this.uploadTimeout = settings.downloadTimeout();
    }

    /**
     * Uploads the episode's audio as an asset.
     *
     * @param fileName the file's name, its extension telling MP3 from WAV
     * @param mimeType {@code audio/mpeg} or {@code audio/wav}
     * @param audio the file, at most 32 MB
     * @return the asset's id
     * @throws io.acog.spi.ProviderException when HeyGen refuses it or cannot be reached
     */
    String uploadAudio(String fileName, String mimeType, byte[] audio) {
        String boundary = "acog-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(audio.length + 512);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + fileName.replace("\"", "") + "\"\r\nContent-Type: " + mimeType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(audio);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = api("/v3/assets")
                .timeout(uploadTimeout) // up to 32 MB: a media transfer, not a quick call
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        JsonNode data = data(call(request, UPLOAD), "the asset upload answer");
        String id = text(data, "asset_id") != null ? text(data, "asset_id") : text(data, "id");
        if (id == null) {
            throw JsonBodies.malformed(http, "the asset upload answer", "it has no data.asset_id");
        }
        return id;
    }

    /**
     * Creates a render.
     *
     * @param body the {@code POST /v3/videos} body
     * @param idempotencyKey the key HeyGen replays the first answer for, for 24 hours
     * @return the render's {@code video_id}
     * @throws io.acog.spi.ProviderException when HeyGen refuses it or cannot be reached
     */
    String createVideo(ObjectNode body, String idempotencyKey) {
        byte[] json;
        try {
            json = JsonBodies.MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the create video request", e);
        }
        HttpRequest request = api("/v3/videos")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        JsonNode data = data(call(request, CREATE), "the create video answer");
        String id = text(data, "video_id") != null ? text(data, "video_id") : text(data, "id");
        if (id == null) {
            throw JsonBodies.malformed(http, "the create video answer", "it has no data.video_id");
        }
        return id;
    }

    /**
     * Asks how a render stands.
     *
     * @param videoId the render's id
     * @return its status
     * @throws io.acog.spi.ProviderException when the request fails or its answer is not the
     *     documented JSON
     */
    VideoStatus status(String videoId) {
        String id = URLEncoder.encode(videoId, StandardCharsets.UTF_8).replace("+", "%20");
        HttpRequest request = api("/v3/videos/" + id).GET().build();
        return VideoStatus.parse(http, call(request, STATUS));
    }

    /**
     * Returns the key HeyGen is sent for a job's render: the call's own key for its first render,
     * and a derived one for each render after one HeyGen gave up on (the first key would replay the
     * failed render's answer for 24 hours). A key HeyGen would refuse (longer than 255 characters, or
     * with characters outside {@code [A-Za-z0-9_:.-]}) is replaced by its SHA-256, which is as
     * stable.
     *
     * @param callKey the call's idempotency key
     * @param failedRenders how many of the job's renders failed
     * @return the key to send
     */
    static String idempotencyKey(String callKey, int failedRenders) {
        String key = failedRenders == 0 ? callKey : callKey + ":retry-" + failedRenders;
        if (IDEMPOTENCY_KEY.matcher(key).matches()) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "acog-sha256-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private HttpRequest.Builder api(String path) {
        return http.request(URI.create(baseUrl + path))
                .header("X-Api-Key", apiKey)
                .header("Accept", "application/json");
    }

    /** The whole answer's body when 2xx; else HeyGen's error, classified. */
    private byte[] call(HttpRequest request, String what) {
        HttpResponse<byte[]> response = http.receive(request, what);
        if (response.statusCode() / 100 != 2) {
            throw HeyGenErrors.classify(http, response, what);
        }
        return response.body();
    }

    private JsonNode data(byte[] body, String what) {
        JsonNode data = JsonBodies.object(http, body, what).get("data");
        if (data == null || !data.isObject()) {
            throw JsonBodies.malformed(
                    http, what, "it has no data object (" + http.excerpt(ProviderHttp.text(body)) + ")");
        }
        return data;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
