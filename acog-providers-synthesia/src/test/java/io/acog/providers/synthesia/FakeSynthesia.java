package io.acog.providers.synthesia;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.providers.http.JsonBodies;
import io.acog.spi.AvatarRenderer.AvatarRequest;
import io.acog.spi.ChannelBrief;
import io.acog.spi.Media;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderConfig;
import io.acog.spi.RenderProgress;
import io.acog.spi.Timeline;
import io.acog.testkit.providers.TestProviderCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Synthesia's API and upload API on one local WireMock server, answering as CONTRACTS.md and
 * Synthesia's OpenAPI describe them: {@code POST /v2/scriptAudio} → {@code {"id"}}, {@code POST
 * /v2/videos} → the video, {@code GET /v2/videos/{id}} → its status, errors as {@code {"error",
 * "context"}}. The finished video's download link points back at this server, under {@link
 * #DOWNLOADS}, with a signature in its query as a presigned link has.
 */
final class FakeSynthesia implements AutoCloseable {

    static final String API_KEY = "synth_test_5f2c9a81d4e7b6031c8e9f7a2b4d6e80";
    static final String WEBHOOK_SECRET = "whsec-synth-0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    static final String UPLOAD = "/v2/scriptAudio";
    static final String VIDEOS = "/v2/videos";
    static final String DOWNLOADS = "/downloads/";
    static final String AUDIO_ID = "audio-6c1f7a2e";

    /** An MP4's first box, then anything: what the adapter checks a download by. */
    static final byte[] MP4 = mp4(4096);

    /** An MPEG-1 Layer III frame header, then silence: what the adapter checks the audio by. */
    static final byte[] MP3 = mp3(2048);

    final WireMockServer server;

    FakeSynthesia() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** Settings pointing the adapter at this server, polled every 10 ms. */
    Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("synthesia.api-key", API_KEY);
        settings.put("synthesia.base-url", baseUrl());
        settings.put("synthesia.upload-base-url", baseUrl());
        settings.put("synthesia.webhook-secret", WEBHOOK_SECRET);
        settings.put("synthesia.poll-interval", "0.01");
        settings.put("synthesia.timeout", "30");
        settings.put("synthesia.avatar", "anna_costume1_cameraA");
        return settings;
    }

    /** The renderer on {@code settings}. */
    static SynthesiaRenderer renderer(Map<String, String> settings) {
        return new SynthesiaRenderer(
                SynthesiaSettings.read(ProviderConfig.of(settings)).orElseThrow(), Clock.systemUTC());
    }

    /** Answers uploads with {@link #AUDIO_ID}. */
    FakeSynthesia uploads() {
        server.stubFor(post(urlPathEqualTo(UPLOAD))
                .willReturn(json(201, "{\"id\":\"" + AUDIO_ID + "\",\"title\":\"voice.mp3\"}")));
        return this;
    }

    /** Answers creates with the video {@code videoId}, in progress. */
    FakeSynthesia creates(String videoId) {
        server.stubFor(post(urlPathEqualTo(VIDEOS)).willReturn(json(201, video(videoId, "in_progress", null))));
        return this;
    }

    /**
     * Answers the video's status: {@code inProgress} polls in progress, then complete with a
     * download link and {@code duration}.
     */
    FakeSynthesia renders(String videoId, int inProgress, String duration) {
        String scenario = "render " + videoId;
        String state = Scenario.STARTED;
        for (int i = 0; i < inProgress; i++) {
            String next = "poll " + (i + 1);
            server.stubFor(status(videoId)
                    .inScenario(scenario)
                    .whenScenarioStateIs(state)
                    .willReturn(json(200, video(videoId, "in_progress", null)))
                    .willSetStateTo(next));
            state = next;
        }
        server.stubFor(status(videoId)
                .inScenario(scenario)
                .whenScenarioStateIs(state)
                .willReturn(json(200, complete(videoId, duration))));
        return this;
    }

    /** Serves the finished video's bytes. */
    FakeSynthesia serves(String videoId) {
        server.stubFor(get(urlPathEqualTo(DOWNLOADS + videoId + ".mp4"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "video/mp4")
                        .withBody(MP4)));
        return this;
    }

    /** Everything a render needs, answered at once: upload, create, complete, download. */
    FakeSynthesia succeeds(String videoId, String duration) {
        return uploads().creates(videoId).renders(videoId, 0, duration).serves(videoId);
    }

    static MappingBuilder status(String videoId) {
        return get(urlPathEqualTo(VIDEOS + "/" + videoId));
    }

    /** A video in some status, as Synthesia's video object. */
    static String video(String videoId, String status, String extra) {
        return "{\"id\":\"" + videoId + "\",\"title\":\"ACOG episode\",\"visibility\":\"private\","
                + "\"status\":\"" + status + "\",\"callbackId\":\"cb\",\"createdAt\":1700000000,"
                + "\"lastUpdatedAt\":1700000060" + (extra == null ? "" : "," + extra) + "}";
    }

    /** A complete video, its download link on this server with a signature. */
    String complete(String videoId, String duration) {
        return video(
                videoId,
                "complete",
                "\"download\":\"" + downloadLink(videoId) + "\",\"duration\":\"" + duration + "\"");
    }

    String downloadLink(String videoId) {
        return baseUrl() + DOWNLOADS + videoId + ".mp4?Expires=1700003600&Signature=" + SIGNED_LINK_SECRET;
    }

    /** What a presigned link carries in its query: never to be seen in a message. */
    static final String SIGNED_LINK_SECRET = "sig-9f8e7d6c5b4a39281706f5e4d3c2b1a0";

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** An error as Synthesia's OpenAPI gives it. */
    static ResponseDefinitionBuilder error(int status, String error, String context) {
        return json(status, "{\"error\":\"" + error + "\",\"context\":\"" + context + "\"}");
    }

    List<LoggedRequest> uploadRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo(UPLOAD)));
    }

    List<LoggedRequest> createRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo(VIDEOS)));
    }

    List<LoggedRequest> statusRequests() {
        return server.findAll(getRequestedFor(urlPathMatching(VIDEOS + "/.+")));
    }

    List<LoggedRequest> downloadRequests() {
        return server.findAll(getRequestedFor(urlPathMatching(DOWNLOADS + ".+")));
    }

    /** Every request received, oldest first. */
    List<LoggedRequest> requests() {
        List<LoggedRequest> requests = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            requests.add(event.getRequest());
        }
        Collections.reverse(requests);
        return requests;
    }

    /** The JSON of the create requests, oldest first. */
    List<JsonNode> createBodies() {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : createRequests()) {
            try {
                bodies.add(JsonBodies.MAPPER.readTree(request.getBody()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bodies;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A request rendering the channel's avatar over {@code audio}, landscape. */
    static AvatarRequest request(URI audio, Map<String, Object> avatarProfile, OutputFormat format) {
        ChannelBrief channel =
                new ChannelBrief("Money Minutes", "personal finance", null, null, null, avatarProfile, null);
        List<Timeline.Cut> windows =
                List.of(new Timeline.Cut(0, Timeline.Source.AVATAR, 0, 4000, -1, 0, "Most people never budget."));
        return new AvatarRequest(channel, windows, audio, null, format, null);
    }

    /** The narration stored in the call's storage, as the audio stage leaves it. */
    static URI storeAudio(TestProviderCall call, byte[] bytes, String fileName) {
        try {
            return call.storage()
                    .store(
                            "episodes/" + call.episodeId() + "/audio/" + fileName,
                            Media.ofBytes(fileName, "audio/mpeg", bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static URI storeAudio(TestProviderCall call) {
        return storeAudio(call, MP3, "voice.mp3");
    }

    /** Submits, then polls until the render is no longer pending (at most 50 polls). */
    static RenderProgress render(SynthesiaRenderer renderer, AvatarRequest request, TestProviderCall call) {
        String taskId = renderer.submit(request, call).taskId();
        RenderProgress progress = renderer.poll(taskId, call);
        for (int i = 0; i < 50 && progress instanceof RenderProgress.Pending; i++) {
            progress = renderer.poll(taskId, call);
        }
        return progress;
    }

    private static byte[] mp4(int size) {
        byte[] bytes = new byte[size];
        byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        System.arraycopy(head, 0, bytes, 0, head.length);
        for (int i = head.length; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    private static byte[] mp3(int size) {
        byte[] bytes = new byte[size];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFB;
        bytes[2] = (byte) 0x90;
        bytes[3] = 0x64;
        return bytes;
    }

    /** How long a test waits for what should be instant, generously: the machine may be loaded. */
    static final Duration PATIENCE = Duration.ofSeconds(30);
}
