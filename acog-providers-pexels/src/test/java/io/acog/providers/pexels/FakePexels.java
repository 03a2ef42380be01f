package io.acog.providers.pexels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.providers.http.JsonBodies;
import io.acog.spi.BrollGenerator.ClipRequest;
import io.acog.spi.ChannelBrief;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pexels' video API as its documentation and answers show it, served locally: {@code GET
 * /videos/search} answers a few videos of the orientation asked for, each offered in several files
 * (SD to 4K, an HLS playlist among them), {@code GET /videos/videos/{id}} one of them, and each
 * file's link (under {@code /files/}) a small MP4-shaped body of its own. Successful API answers
 * carry the {@code X-Ratelimit-*} headers, with plenty remaining.
 */
final class FakePexels implements AutoCloseable {

    static final String API_KEY = "pexels-test-563ec4e1b0a2f9d7c8e6";
    static final String SEARCH = "/videos/search";

    /** A file: its id, Pexels' quality label, its size. */
    record File(long id, String quality, int width, int height) {}

    /** A video: its id, size, whole seconds, and files. */
    record Video(long id, int width, int height, int seconds, List<File> files) {}

    /** Landscape, 4 s: too short for most cuts. */
    static final Video SHORT = new Video(
            1001,
            3840,
            2160,
            4,
            List.of(
                    new File(11, "sd", 640, 360),
                    new File(12, "hd", 1280, 720),
                    new File(13, "hd", 1920, 1080),
                    new File(14, "uhd", 3840, 2160)));

    /** Landscape, 12 s, offered from 540p to 4K. */
    static final Video MEDIUM = new Video(
            1002,
            4096,
            2160,
            12,
            List.of(
                    new File(21, "sd", 960, 540),
                    new File(24, "hls", 0, 0),
                    new File(23, "uhd", 4096, 2160),
                    new File(22, "hd", 1920, 1080),
                    new File(25, "hd", 2560, 1440)));

    /** Landscape, 30 s, in Full HD only. */
    static final Video LONG = new Video(1003, 1920, 1080, 30, List.of(new File(31, "hd", 1920, 1080)));

    /** Upright, 9 s. */
    static final Video UPRIGHT = new Video(
            2001,
            2160,
            3840,
            9,
            List.of(new File(41, "sd", 540, 960), new File(43, "uhd", 2160, 3840), new File(42, "hd", 1080, 1920)));

    static final List<Video> LANDSCAPE = List.of(SHORT, MEDIUM, LONG);
    static final List<Video> PORTRAIT = List.of(UPRIGHT);

    final WireMockServer server;

    FakePexels() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** Settings pointing the adapter here, with the test key and short timeouts. */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("pexels.api-key", API_KEY);
        settings.put("pexels.base-url", baseUrl());
        settings.put("pexels.timeout", "30");
        settings.put("pexels.download-timeout", "30");
        return settings;
    }

    /** An adapter on {@link #settings()} with {@code changes}, on {@code clock}. */
    PexelsBroll adapter(Clock clock, Map<String, String> changes) {
        Map<String, String> settings = settings();
        settings.putAll(changes);
        return new PexelsBroll(PexelsSettings.read(ProviderConfig.of(settings)).orElseThrow(), clock);
    }

    PexelsBroll adapter() {
        return adapter(Clock.systemUTC(), Map.of());
    }

    /** Serves the catalogue: searches by orientation, each video's lookup, each file's download. */
    FakePexels serving() {
        server.stubFor(get(urlPathEqualTo(SEARCH))
                .withQueryParam("orientation", equalTo("landscape"))
                .willReturn(api(search(LANDSCAPE, "old"))));
        server.stubFor(get(urlPathEqualTo(SEARCH))
                .withQueryParam("orientation", equalTo("portrait"))
                .willReturn(api(search(PORTRAIT, "old"))));
        for (Video video : List.of(SHORT, MEDIUM, LONG, UPRIGHT)) {
            server.stubFor(get(urlPathEqualTo("/videos/videos/" + video.id()))
                    .willReturn(api(video(video, "fresh").toString())));
            for (File file : video.files()) {
                server.stubFor(get(urlPathEqualTo("/files/" + file.id() + ".mp4"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "video/mp4")
                                .withBody(mp4(file.id()))));
            }
        }
        return this;
    }

    /** A successful API answer with quota headers to spare. */
    static ResponseDefinitionBuilder api(String json) {
        return json(200, json)
                .withHeader("X-Ratelimit-Limit", "20000")
                .withHeader("X-Ratelimit-Remaining", "19999")
                .withHeader(
                        "X-Ratelimit-Reset",
                        Long.toString(Instant.now().plusSeconds(86_400).getEpochSecond()));
    }

    static ResponseDefinitionBuilder json(int status, String json) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(json);
    }

    /** A search's answer, its files' links signed with {@code signature}. */
    String search(List<Video> videos, String signature) {
        ObjectNode answer = JsonBodies.MAPPER.createObjectNode();
        answer.put("page", 1).put("per_page", 15).put("total_results", videos.size());
        ArrayNode list = answer.putArray("videos");
        videos.forEach(video -> list.add(video(video, signature)));
        answer.put("url", "https://www.pexels.com/search/videos/test/");
        return answer.toString();
    }

    /** A video as Pexels describes it. */
    ObjectNode video(Video video, String signature) {
        ObjectNode node = JsonBodies.MAPPER.createObjectNode();
        node.put("id", video.id())
                .put("width", video.width())
                .put("height", video.height())
                .put("duration", video.seconds())
                .putNull("full_res")
                .put("url", "https://www.pexels.com/video/test-video-" + video.id() + "/")
                .put("image", "https://images.pexels.com/videos/" + video.id() + "/free-video.jpg");
        node.putArray("tags");
        node.putObject("user")
                .put("id", 574687)
                .put("name", "Author " + video.id())
                .put("url", "https://www.pexels.com/@author" + video.id());
        ArrayNode files = node.putArray("video_files");
        for (File file : video.files()) {
            ObjectNode entry = files.addObject();
            entry.put("id", file.id()).put("quality", file.quality()).put("file_type", "video/mp4");
            if (file.width() > 0) {
                entry.put("width", file.width()).put("height", file.height()).put("fps", 25);
                entry.put("link", baseUrl() + "/files/" + file.id() + ".mp4?s=" + signature + "&profile_id=175");
            } else {
                entry.putNull("width").putNull("height").putNull("fps");
                entry.put("link", baseUrl() + "/files/" + file.id() + ".m3u8?s=" + signature);
            }
        }
        node.putArray("video_pictures");
        return node;
    }

    /** The bytes the link of file {@code fileId} serves: an MP4's {@code ftyp} box, then the id. */
    static byte[] mp4(long fileId) {
        byte[] tail = (" file " + fileId).getBytes(StandardCharsets.US_ASCII);
        byte[] head = {
            0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'
        };
        byte[] bytes = new byte[head.length + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(tail, 0, bytes, head.length, tail.length);
        return bytes;
    }

    List<LoggedRequest> searches() {
        return server.findAll(getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    List<LoggedRequest> lookups() {
        return server.findAll(getRequestedFor(urlPathMatching("/videos/videos/.*")));
    }

    List<LoggedRequest> downloads() {
        return server.findAll(getRequestedFor(urlPathMatching("/files/.*")));
    }

    /** A clip of {@code neededMs} in {@code format}. */
    static ClipRequest clip(String description, long neededMs, OutputFormat format) {
        return new ClipRequest(
                new ChannelBrief("Deep Space", "astronomy", Map.of(), Map.of(), Map.of(), Map.of(), Map.of()),
                description,
                0,
                (int) Math.max(1, (neededMs + 999) / 1000),
                neededMs,
                format);
    }

    @Override
    public void close() {
        server.stop();
    }
}
