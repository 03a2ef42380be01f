package io.acog.providers.runway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.providers.http.JsonBodies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runway's task API, served locally as its docs and SDK describe it: {@code POST
 * /v1/text_to_video} answers {@code {"id"}} (a new id per create, {@code task-1}, {@code task-2}…),
 * {@code GET /v1/tasks/{id}} answers the task in one of its states, {@code DELETE
 * /v1/tasks/{id}} answers 204, and a finished task's {@code output} is a signed URL on this server
 * ({@link #OUTPUT}) serving an MP4. Tests stub failures over it.
 */
final class FakeRunway implements AutoCloseable {

    /** A key shaped as Runway's are: {@code key_} and 128 hex characters. */
    static final String API_KEY = "key_" + "3f9a1c2b7d4e5f60718293a4b5c6d7e8".repeat(4);

    static final String CREATE = "/v1/text_to_video";
    static final String TASKS = "/v1/tasks/[^/]+";
    static final String OUTPUT = "/outputs/clip.mp4";
    /** The signature in the output URL's query: a secret while it lives. */
    static final String SIGNATURE = "_jwt=eyJhbGciOiJIUzI1NiJ9.c2lnbmVkLW91dHB1dA.U2lnbmF0dXJlT2ZUaGVDbGlw";

    final WireMockServer server;
    private final AtomicInteger created = new AtomicInteger();

    FakeRunway() {
        server = new WireMockServer(wireMockConfig().dynamicPort().extensions(new Creator()));
        server.start();
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** The signed URL a finished task's output is served at. */
    String outputUrl() {
        return baseUrl() + OUTPUT + "?" + SIGNATURE;
    }

    /** Answers every create with a new task id. */
    FakeRunway creating() {
        server.stubFor(post(urlPathEqualTo(CREATE)).willReturn(aResponse().withTransformers(Creator.NAME)));
        return this;
    }

    /** Answers every status request: SUCCEEDED, its output an MP4 of {@code seconds}. */
    FakeRunway succeeding(int seconds) {
        server.stubFor(get(urlPathMatching(TASKS)).willReturn(json(200, succeeded("task"))));
        return serving(mp4(seconds));
    }

    /** Serves {@code bytes} at the output URL. */
    FakeRunway serving(byte[] bytes) {
        server.stubFor(get(urlPathEqualTo(OUTPUT))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "video/mp4")
                        .withBody(bytes)));
        return this;
    }

    /** Answers the status of {@code taskId} with {@code bodies} in turn, the last one from then on. */
    FakeRunway walking(String taskId, List<String> bodies) {
        String scenario = "task " + taskId;
        for (int i = 0; i < bodies.size(); i++) {
            var stub = get(urlPathEqualTo("/v1/tasks/" + taskId))
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "poll " + i)
                    .willReturn(json(200, bodies.get(i)));
            if (i < bodies.size() - 1) {
                stub = stub.willSetStateTo("poll " + (i + 1));
            }
            server.stubFor(stub);
        }
        return this;
    }

    /** Answers every status request with {@code body}. */
    FakeRunway status(String body) {
        server.stubFor(get(urlPathMatching(TASKS)).willReturn(json(200, body)));
        return this;
    }

    /** Answers every DELETE with 204. */
    FakeRunway deleting() {
        server.stubFor(delete(urlPathMatching(TASKS)).willReturn(aResponse().withStatus(204)));
        return this;
    }

    static String pending(String id) {
        return "{\"id\":\"" + id + "\",\"createdAt\":\"2026-12-01T10:00:00.000Z\",\"status\":\"PENDING\"}";
    }

    static String throttled(String id) {
        return "{\"id\":\"" + id + "\",\"createdAt\":\"2026-12-01T10:00:00.000Z\",\"status\":\"THROTTLED\"}";
    }

    static String running(String id, double progress) {
        return "{\"id\":\"" + id + "\",\"createdAt\":\"2026-12-01T10:00:00.000Z\",\"status\":\"RUNNING\",\"progress\":"
                + progress + "}";
    }

    String succeeded(String id) {
        return "{\"id\":\"" + id + "\",\"createdAt\":\"2026-12-01T10:00:00.000Z\",\"status\":\"SUCCEEDED\","
                + "\"output\":[\"" + outputUrl() + "\"]}";
    }

    static String failed(String id, String code, String failure) {
        return "{\"id\":\"" + id + "\",\"createdAt\":\"2026-12-01T10:00:00.000Z\",\"status\":\"FAILED\",\"failure\":\""
                + failure + "\"" + (code == null ? "" : ",\"failureCode\":\"" + code + "\"") + "}";
    }

    static String cancelled(String id) {
        return "{\"id\":\"" + id + "\",\"createdAt\":\"2026-12-01T10:00:00.000Z\",\"status\":\"CANCELLED\"}";
    }

    /** The creates received, in order. */
    List<LoggedRequest> creates() {
        return server.findAll(postRequestedFor(urlPathEqualTo(CREATE)));
    }

    /** The JSON bodies of the creates received, in order. */
    List<JsonNode> createBodies() {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : creates()) {
            try {
                bodies.add(JsonBodies.MAPPER.readTree(request.getBody()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bodies;
    }

    List<LoggedRequest> statusRequests() {
        return server.findAll(getRequestedFor(urlPathMatching(TASKS)));
    }

    List<LoggedRequest> deletes() {
        return server.findAll(deleteRequestedFor(urlPathMatching(TASKS)));
    }

    List<LoggedRequest> downloads() {
        return server.findAll(getRequestedFor(urlPathEqualTo(OUTPUT)));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * A small MP4 of {@code seconds}: an {@code ftyp}, a {@code moov} whose {@code mvhd} (version 0,
     * time scale 1000) gives the duration, and an {@code mdat}. Not decodable, which the adapter
     * does not need.
     */
    static byte[] mp4(int seconds) {
        return mp4(seconds * 1000L, false);
    }

    static byte[] mp4(long durationMs, boolean moovLast) {
        byte[] ftyp = box(
                "ftyp",
                ByteBuffer.allocate(16)
                        .put("isom".getBytes(StandardCharsets.ISO_8859_1))
                        .putInt(0x200)
                        .put("isomavc1".getBytes(StandardCharsets.ISO_8859_1))
                        .array());
        ByteBuffer mvhd = ByteBuffer.allocate(100);
        mvhd.putInt(0); // version 0, no flags
        mvhd.putInt(0).putInt(0); // created, modified
        mvhd.putInt(1000).putInt((int) durationMs); // time scale, duration
        mvhd.putInt(0x00010000).putShort((short) 0x0100); // rate 1.0, volume 1.0
        byte[] moov = box("moov", box("mvhd", mvhd.array()));
        byte[] mdat = box("mdat", new byte[4096]);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(ftyp);
        if (!moovLast) {
            file.writeBytes(moov);
        }
        file.writeBytes(mdat);
        if (moovLast) {
            file.writeBytes(moov);
        }
        return file.toByteArray();
    }

    /** An MP4 box: its size, its four-letter type and its body. */
    static byte[] box(String type, byte[] body) {
        return ByteBuffer.allocate(8 + body.length)
                .putInt(8 + body.length)
                .put(type.getBytes(StandardCharsets.ISO_8859_1))
                .put(body)
                .array();
    }

    /** Answers a create with a new task id. */
    private final class Creator implements ResponseDefinitionTransformerV2 {

        static final String NAME = "runway-creator";

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
            ObjectNode body = JsonBodies.MAPPER.createObjectNode();
            body.put("id", "task-" + created.incrementAndGet());
            return json(200, body.toString()).build();
        }
    }
}
