package io.acog.providers.synthesia;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ProviderHttp;
import io.acog.providers.http.ReadDeadline;
import io.acog.spi.FileMedia;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.Secret;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Synthesia's HTTP API as the renderer uses it: the script audio's upload ({@code POST
 * /v2/scriptAudio} on the upload host), a video's creation ({@code POST /v2/videos}) and status
 * ({@code GET /v2/videos/{id}}), and the finished video's download from its time-limited link,
 * streamed to a temporary file. Every request has a timeout, its whole answer read within it; the
 * key goes in {@code Authorization} (no {@code Bearer}) to Synthesia only, never to the download
 * link's host. Thread-safe.
 */
final class SynthesiaClient {

    static final String UPLOAD = "upload script audio";
    static final String CREATE = "create video";
    static final String RETRIEVE = "retrieve video";
    static final String DOWNLOAD = "download video";

    /** How much of an error answer is read. */
    private static final int ERROR_BODY_LIMIT = 64 * 1024;

    /** How much of an API answer is read: a video object is a few KB. */
    private static final int ANSWER_LIMIT = 4 * 1024 * 1024;

    private final ProviderHttp http;
    private final SynthesiaErrors errors;
    private final Secret apiKey;
    private final String baseUrl;
    private final String uploadBaseUrl;
    private final Duration timeout;
    private final Duration uploadTimeout;

    SynthesiaClient(SynthesiaSettings settings, Clock clock) {
        this.http = ProviderHttp.builder(SynthesiaSettings.NAME)
                .connectTimeout(settings.connectTimeout())
                .requestTimeout(settings.timeout())
                .downloadTimeout(settings.downloadTimeout())
                .secrets(settings.secrets())
                .clock(clock)
                .build();
        this.errors = new SynthesiaErrors(http, clock);
        this.apiKey = settings.apiKey();
        this.baseUrl = settings.baseUrl().toString();
        this.uploadBaseUrl = settings.uploadBaseUrl().toString();
        this.timeout = settings.timeout();
        this.uploadTimeout = settings.uploadTimeout();
    }

    /**
     * Uploads the narration as script audio.
     *
     * @param audio the MP3 file
     * @return the id Synthesia gave it, for {@code input[].scriptAudio}
     * @throws ProviderException when the upload fails, classified
     */
    String uploadScriptAudio(ScriptAudio audio) {
        HttpRequest request;
        try {
            request = http.request(URI.create(uploadBaseUrl + "/v2/scriptAudio"))
                    .timeout(uploadTimeout)
                    .header("Authorization", apiKey.reveal())
                    .header("Content-Type", ScriptAudio.MP3)
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(audio.file()))
                    .build();
        } catch (FileNotFoundException e) {
            throw new ProviderException(
                    SynthesiaSettings.NAME,
                    Reason.UNAVAILABLE,
                    true,
                    "the temporary copy of the episode's audio is gone: " + e.getMessage(),
                    null,
                    e);
        }
        JsonNode answer = JsonBodies.object(
                http, call(request, UPLOAD, "the upload endpoint", uploadTimeout), "the script audio upload's answer");
        return id(answer, "the script audio upload's answer");
    }

    /**
     * Creates a video; Synthesia starts rendering (and billing) it at once.
     *
     * @param body the create request's JSON
     * @return the new video's id
     * @throws ProviderException when the create fails, classified
     */
    String createVideo(ObjectNode body) {
        HttpRequest request = http.request(URI.create(baseUrl + "/v2/videos"))
                .header("Authorization", apiKey.reveal())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        JsonNode answer = JsonBodies.object(
                http, call(request, CREATE, "the script audio or the avatar", timeout), "the create video answer");
        return id(answer, "the create video answer");
    }

    /**
     * Asks how a video stands.
     *
     * @param videoId the video's id
     * @return what Synthesia says of it
     * @throws ProviderException when the request fails, classified
     */
    VideoStatus video(String videoId) {
        HttpRequest request = http.request(URI.create(baseUrl + "/v2/videos/" + encode(videoId)))
                .header("Authorization", apiKey.reveal())
                .header("Accept", "application/json")
                .GET()
                .build();
        JsonNode answer = JsonBodies.object(
                http, call(request, RETRIEVE, "the video '" + videoId + "'", timeout), "the retrieve video answer");
        return VideoStatus.of(answer);
    }

    /**
     * Downloads a finished video from its time-limited link into a temporary file, within the
     * download timeout, as {@link ProviderHttp#downloadMp4} does: no credential is sent to the
     * link's host, and messages name its host and path only.
     *
     * @param link the video's {@code download} URL
     * @return the video; closing it deletes the file
     * @throws ProviderException (retryable) when the link answers anything but the video (an
     *     expired link answers 403 or 404; the next status request gives a fresh one), is cut, is
     *     too slow, or is not a URL at all
     */
    FileMedia download(String link) {
        URI uri;
        try {
            uri = new URI(link);
        } catch (URISyntaxException e) {
            throw JsonBodies.malformed(http, "the retrieve video answer", "its download link is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw JsonBodies.malformed(http, "the retrieve video answer", "its download link is not an http(s) URL");
        }
        return http.downloadMp4(uri, "avatar.mp4", DOWNLOAD);
    }

    /** The HTTP support, for messages and tests. */
    ProviderHttp http() {
        return http;
    }

    /**
     * Sends an API request and returns its whole 2xx answer, read within {@code within}; any other
     * status is classified by {@link SynthesiaErrors}.
     */
    private byte[] call(HttpRequest request, String what, String subject, Duration within) {
        long started = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream(), what);
        InputStream body = response.body();
        // the client's timeout ends with the headers: the body is read under a deadline of its own
        ReadDeadline deadline = ReadDeadline.arm(body, left(within, started));
        try (body;
                deadline) {
            if (response.statusCode() / 100 != 2) {
                throw errors.classify(response, body.readNBytes(ERROR_BODY_LIMIT), what, subject);
            }
            return body.readNBytes(ANSWER_LIMIT);
        } catch (IOException e) {
            if (deadline.fired()) {
                throw ProviderException.retryable(
                        http.provider(),
                        Reason.TIMEOUT,
                        http.message(request, what, "no whole answer within " + within, null),
                        null);
            }
            throw new ProviderException(
                    http.provider(),
                    Reason.UNAVAILABLE,
                    true,
                    http.message(request, what, "the connection failed while the answer was read (" + e + ")", null),
                    null,
                    e);
        }
    }

    private String id(JsonNode answer, String what) {
        String id = answer.path("id").asText("").trim();
        if (id.isEmpty()) {
            throw JsonBodies.malformed(http, what, "it has no id");
        }
        return id;
    }

    private static Duration left(Duration within, long started) {
        Duration left = within.minusNanos(System.nanoTime() - started);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
