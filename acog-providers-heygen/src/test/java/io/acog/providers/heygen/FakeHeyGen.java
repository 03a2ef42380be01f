package io.acog.providers.heygen;

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
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.providers.http.JsonBodies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * HeyGen's v3 API, served locally as {@code CONTRACTS.md} and HeyGen's documentation describe it:
 * {@code POST /v3/assets} answers {@code {"data":{"asset_id",…}}}, {@code POST /v3/videos}
 * {@code {"data":{"video_id","status":"pending"}}}, {@code GET /v3/videos/{id}} walks a render
 * through {@code pending}, {@code processing} and {@code completed} (a WireMock scenario: one state
 * per poll), and the completed video's presigned link serves a small MP4 file. Errors are written
 * in HeyGen's {@code {"error":{code,message,param,doc_url}}} shape.
 */
final class FakeHeyGen implements AutoCloseable {

    static final String API_KEY = "hg_test_key_5b8e0f4a9c2d7e61";
    /** A Standard Webhooks secret: {@code whsec_} and 32 bytes in base64. */
    static final String WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw2KxoPDVBD1c=";

    static final String VIDEO_ID = "vid_3f1c9a7e";
    static final String ASSET_ID = "ast_84b2d0c6";
    static final String AVATAR_ID = "Daisy-inskirt-20220818";
    /** What signs the presigned link's query: it must never be seen in a message or a log line. */
    static final String LINK_SIGNATURE = "X-Amz-Signature=9e0d4c7f5a1b2c3d4e5f60718293a4b5c6d7e8f9";

    static final String VIDEOS = "/v3/videos";
    static final String ASSETS = "/v3/assets";
    static final String CDN = "/cdn/video/" + VIDEO_ID + ".mp4";

    /** A few bytes that open like an MP4 file: an {@code ftyp} box and a little more. */
    static final byte[] MP4 = mp4();

    final WireMockServer server;

    FakeHeyGen() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** The presigned link of the finished video, as HeyGen gives it: its query signs it. */
    String videoUrl() {
        return baseUrl() + CDN + "?X-Amz-Expires=604800&" + LINK_SIGNATURE;
    }

    /** Every call succeeds: upload, create, a status that is completed at once, the download. */
    FakeHeyGen succeeding() {
        acceptsUploads();
        createsVideo(VIDEO_ID);
        completesAt(1);
        serves();
        return this;
    }

    FakeHeyGen acceptsUploads() {
        server.stubFor(post(urlPathEqualTo(ASSETS))
                .willReturn(json(
                        200,
                        "{\"data\":{\"asset_id\":\"" + ASSET_ID + "\",\"url\":\"https://files.heygen.ai/asset/"
                                + ASSET_ID + ".mp3\",\"mime_type\":\"audio/mpeg\",\"size_bytes\":2048}}")));
        return this;
    }

    FakeHeyGen createsVideo(String videoId) {
        server.stubFor(post(urlPathEqualTo(VIDEOS))
                .willReturn(json(
                        200,
                        "{\"data\":{\"video_id\":\"" + videoId
                                + "\",\"status\":\"pending\",\"output_format\":\"mp4\"}}")));
        return this;
    }

    FakeHeyGen createFails(ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlPathEqualTo(VIDEOS)).willReturn(answer));
        return this;
    }

    /**
     * The render is {@code pending}, then {@code processing}, then {@code completed} from the
     * {@code poll}-th poll on (1: at once).
     */
    FakeHeyGen completesAt(int poll) {
        List<String> states = new ArrayList<>();
        for (int i = 1; i < poll; i++) {
            states.add(i == 1 ? "pending" : "processing");
        }
        String previous = Scenario.STARTED;
        for (int i = 0; i < states.size(); i++) {
            String next = "poll " + (i + 2);
            server.stubFor(get(urlPathEqualTo(VIDEOS + "/" + VIDEO_ID))
                    .inScenario("render")
                    .whenScenarioStateIs(previous)
                    .willReturn(status(states.get(i)))
                    .willSetStateTo(next));
            previous = next;
        }
        server.stubFor(get(urlPathEqualTo(VIDEOS + "/" + VIDEO_ID))
                .inScenario("render")
                .whenScenarioStateIs(previous)
                .willReturn(json(
                        200,
                        "{\"data\":{\"id\":\"" + VIDEO_ID + "\",\"status\":\"completed\",\"title\":\"Money Talks\","
                                + "\"created_at\":" + (System.currentTimeMillis() / 1000 - 90) + ",\"completed_at\":"
                                + (System.currentTimeMillis() / 1000) + ",\"video_url\":\"" + videoUrl()
                                + "\",\"thumbnail_url\":\"https://files.heygen.ai/thumb/x.jpg\",\"duration\":30.5,"
                                + "\"video_page_url\":\"https://app.heygen.com/video/" + VIDEO_ID + "\","
                                + "\"failure_code\":null,\"failure_message\":null}}")));
        return this;
    }

    /** The status answer: {@code status} with whatever else is given. */
    FakeHeyGen answersStatus(ResponseDefinitionBuilder answer) {
        server.stubFor(get(urlPathMatching(VIDEOS + "/[^/]+")).willReturn(answer));
        return this;
    }

    /** The render failed with {@code code} and {@code message}. */
    FakeHeyGen fails(String code, String message) {
        return answersStatus(json(
                200,
                "{\"data\":{\"id\":\"" + VIDEO_ID + "\",\"status\":\"failed\",\"failure_code\":"
                        + (code == null ? "null" : "\"" + code + "\"") + ",\"failure_message\":\"" + message + "\"}}"));
    }

    /** The presigned link serves the MP4. */
    FakeHeyGen serves() {
        server.stubFor(get(urlPathEqualTo(CDN))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "video/mp4")
                        .withBody(MP4)));
        return this;
    }

    FakeHeyGen servesDownload(ResponseDefinitionBuilder answer) {
        server.stubFor(get(urlPathEqualTo(CDN)).willReturn(answer));
        return this;
    }

    static ResponseDefinitionBuilder status(String state) {
        return json(
                200,
                "{\"data\":{\"id\":\"" + VIDEO_ID + "\",\"status\":\"" + state + "\",\"created_at\":"
                        + (System.currentTimeMillis() / 1000 - 20) + ",\"video_url\":null,\"duration\":null}}");
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    static ResponseDefinitionBuilder error(int status, String code, String message) {
        return json(
                status,
                "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"doc_url\":"
                        + "\"https://developers.heygen.com/docs/error-codes#" + code.replace('_', '-') + "\"}}");
    }

    List<LoggedRequest> createRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo(VIDEOS)));
    }

    List<JsonNode> createBodies() {
        return createRequests().stream()
                .map(request -> {
                    try {
                        return JsonBodies.MAPPER.readTree(request.getBody());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    List<LoggedRequest> uploadRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo(ASSETS)));
    }

    List<LoggedRequest> downloadRequests() {
        return server.findAll(getRequestedFor(urlPathEqualTo(CDN)));
    }

    /** Every request received, oldest first. */
    List<LoggedRequest> requests() {
        List<LoggedRequest> all = new ArrayList<>();
        server.getAllServeEvents().forEach(event -> all.add(event.getRequest()));
        Collections.reverse(all);
        return all;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static byte[] mp4() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 0x18});
        out.writeBytes("ftypisom".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {0, 0, 2, 0});
        out.writeBytes("isomiso2".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {0, 0, 0, 8});
        out.writeBytes("free".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[4096]);
        return out.toByteArray();
    }
}
