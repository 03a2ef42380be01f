package io.acog.examples.mocks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.acog.providers.ffmpeg.Ffmpeg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runway's task API, served locally as its API reference describes it:
 *
 * <ul>
 *   <li>{@code POST /v1/text_to_video} with {@code model} ({@code gen4.5}: 2 to 10 s; {@code
 *       veo3.1}, {@code veo3.1_fast}: 4, 6 or 8 s; {@code veo3}: 8 s), {@code promptText} (1 to 1,000
 *       UTF-16 code units), a {@code ratio} the model takes and an integer {@code duration} creates a
 *       task and answers {@code {"id"}}; anything else is refused with 400 and Runway's {@code
 *       {"error", "issues"}} body;
 *   <li>{@code GET /v1/tasks/{id}} walks the task through {@code PENDING}, {@code THROTTLED} and
 *       {@code RUNNING} (progress 0.5), one status a poll, then answers {@code SUCCEEDED} with its
 *       {@code output}: a signed URL on the mock;
 *   <li>that URL serves a real MP4 (H.264 and AAC, yuv420p) of the task's frame and duration, made
 *       once per frame and duration by ffmpeg; the URL without its signature is refused with 403;
 *   <li>{@code DELETE /v1/tasks/{id}} cancels a task that has not ended ({@code CANCELLED} from
 *       then on) and deletes one that has (404 from then on); 204 either way.
 * </ul>
 *
 * <p>Every API request needs {@code Authorization: Bearer }{@value #API_KEY} (else 401) and an
 * {@code X-Runway-Version} header (else 400), as Runway does. The mock does not time the polls: any
 * interval the adapter keeps (at least 5 s for ACOG's) is fine. {@link #tasksCreated()} counts the
 * tasks made, each a paid render at Runway. Thread-safe.
 */
public final class RunwayMock implements AutoCloseable {

    /** The API key the mock accepts: a dummy. */
    public static final String API_KEY = "mock-runway-key";

    /** The poll interval {@link #settings()} gives the adapter: the least ACOG's Runway adapter takes. */
    public static final String POLL_INTERVAL = "5";

    /** How many polls see the task pending (PENDING, THROTTLED, RUNNING) before it succeeds. */
    public static final int POLLS_BEFORE_DONE = 3;

    private static final String CREATE = "/v1/text_to_video";
    private static final Pattern TASK = Pattern.compile("/v1/tasks/([^/]+)");
    private static final Pattern OUTPUT = Pattern.compile("/outputs/([^/]+)\\.mp4");
    private static final Map<String, Set<Integer>> DURATIONS = Map.of(
            "gen4.5", Set.of(2, 3, 4, 5, 6, 7, 8, 9, 10),
            "veo3.1", Set.of(4, 6, 8),
            "veo3.1_fast", Set.of(4, 6, 8),
            "veo3", Set.of(8));
    private static final Set<String> GEN45_RATIOS = Set.of("1280:720", "720:1280");
    private static final Set<String> VEO_RATIOS = Set.of("1280:720", "720:1280", "1920:1080", "1080:1920");

    private final WireMockServer server;
    private final String baseUrl;
    private final Ffmpeg ffmpeg;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final List<JsonNode> createRequests = new CopyOnWriteArrayList<>();
    private final AtomicLong created = new AtomicLong();
    private final Map<String, byte[]> clips = new ConcurrentHashMap<>();

    private RunwayMock(Listen listen, Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
        this.server = MockHttp.start(listen, new Runway());
        this.baseUrl = MockHttp.baseUrl(listen, server);
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(Runway.NAME)));
    }

    /**
     * Starts the mock.
     *
     * @param listen where it listens
     * @param ffmpeg what makes the clips (each frame and duration once, when first downloaded)
     * @return the running mock
     */
    public static RunwayMock start(Listen listen, Ffmpeg ffmpeg) {
        return new RunwayMock(listen, ffmpeg);
    }

    /**
     * Returns the settings that point the Runway adapter at this mock: {@code runway.api-key},
     * {@code runway.base-url} and {@code runway.poll-interval} ({@value #POLL_INTERVAL} s).
     *
     * @return the settings by key
     */
    public Map<String, String> settings() {
        return Map.of("runway.api-key", API_KEY, "runway.base-url", baseUrl, "runway.poll-interval", POLL_INTERVAL);
    }

    /**
     * Returns how many tasks were created: each one a render Runway would bill.
     *
     * @return the count
     */
    public long tasksCreated() {
        return created.get();
    }

    /**
     * Returns the JSON bodies of the creates the mock took, oldest first.
     *
     * @return the bodies
     */
    public List<JsonNode> createRequests() {
        return createRequests.stream().<JsonNode>map(JsonNode::deepCopy).toList();
    }

    /**
     * Returns the status a task's next poll answers.
     *
     * @param taskId the task's id
     * @return e.g. {@code "RUNNING"}, or {@code "DELETED"} when the mock has no such task
     */
    public String status(String taskId) {
        Task task = tasks.get(taskId);
        return task == null ? "DELETED" : task.status();
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

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }

    /** A task: what it renders, how often it was polled, and the signature of its output URL. */
    private static final class Task {
        final String id;
        final String ratio;
        final int seconds;
        final Instant createdAt = Instant.now();
        final String signature;
        final AtomicInteger polls = new AtomicInteger();
        volatile boolean cancelled;

        Task(String id, String ratio, int seconds, String signature) {
            this.id = id;
            this.ratio = ratio;
            this.seconds = seconds;
            this.signature = signature;
        }

        String status() {
            if (cancelled) {
                return "CANCELLED";
            }
            return switch (Math.min(polls.get(), POLLS_BEFORE_DONE)) {
                case 0 -> "PENDING";
                case 1 -> "THROTTLED";
                case 2 -> "RUNNING";
                default -> "SUCCEEDED";
            };
        }
    }

    /** Answers every request by its path. */
    private final class Runway implements ResponseDefinitionTransformerV2 {

        static final String NAME = "runway";

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
            Matcher output = OUTPUT.matcher(path);
            if (output.matches() && method.equals(RequestMethod.GET)) {
                return download(output.group(1), MockHttp.query(request.getUrl()));
            }
            Matcher task = TASK.matcher(path);
            boolean known = (path.equals(CREATE) && method.equals(RequestMethod.POST))
                    || (task.matches() && (method.equals(RequestMethod.GET) || method.equals(RequestMethod.DELETE)));
            if (!known) {
                return error(
                        404,
                        "The mock serves POST " + CREATE + " and GET/DELETE /v1/tasks/{id}, not " + method + " "
                                + path);
            }
            if (!("Bearer " + API_KEY).equals(request.getHeader("Authorization"))) {
                return error(401, "Incorrect API key provided (the mock takes Authorization: Bearer " + API_KEY + ")");
            }
            if (request.getHeader("X-Runway-Version") == null) {
                return error(400, "The X-Runway-Version header is required, e.g. 2024-11-06");
            }
            if (path.equals(CREATE)) {
                return create(MockHttp.readJson(request.getBody()));
            }
            return method.equals(RequestMethod.GET) ? poll(task.group(1)) : delete(task.group(1));
        }

        private ResponseDefinition create(JsonNode body) {
            if (body == null || !body.isObject()) {
                return error(400, "The request body is not a JSON object");
            }
            String model = body.path("model").asText("");
            if (!DURATIONS.containsKey(model)) {
                return invalid("model", "Invalid enum value. Expected one of " + DURATIONS.keySet());
            }
            JsonNode prompt = body.get("promptText");
            if (prompt == null || !prompt.isTextual() || prompt.asText().isBlank()) {
                return invalid("promptText", "Required: a non-empty string");
            }
            if (prompt.asText().length() > 1_000) {
                return invalid("promptText", "String must contain at most 1000 character(s)");
            }
            String ratio = body.path("ratio").asText("");
            if (!(model.equals("gen4.5") ? GEN45_RATIOS : VEO_RATIOS).contains(ratio)) {
                return invalid("ratio", "Invalid enum value for " + model + ": '" + ratio + "'");
            }
            JsonNode duration = body.get("duration");
            if (duration == null || !duration.isInt() || !DURATIONS.get(model).contains(duration.asInt())) {
                return invalid("duration", model + " takes a duration of " + DURATIONS.get(model) + " seconds");
            }
            if (body.has("seed") && !model.equals("gen4.5")) {
                return invalid("seed", model + " takes no seed");
            }
            createRequests.add(body.deepCopy());
            String id = UUID.randomUUID().toString();
            byte[] signature = new byte[16];
            random.nextBytes(signature);
            tasks.put(id, new Task(id, ratio, duration.asInt(), HexFormat.of().formatHex(signature)));
            created.incrementAndGet();
            return MockHttp.json(200, MockHttp.MAPPER.createObjectNode().put("id", id));
        }

        private ResponseDefinition poll(String id) {
            Task task = tasks.get(id);
            if (task == null) {
                return error(404, "Task not found");
            }
            String status = task.status();
            ObjectNode answer = MockHttp.MAPPER
                    .createObjectNode()
                    .put("id", task.id)
                    .put("createdAt", task.createdAt.toString())
                    .put("status", status);
            if (status.equals("RUNNING")) {
                answer.put("progress", 0.5);
            }
            if (status.equals("SUCCEEDED")) {
                ArrayNode outputs = answer.putArray("output");
                outputs.add(baseUrl + "/outputs/" + task.id + ".mp4?_jwt=" + task.signature);
            }
            if (!task.cancelled) {
                task.polls.incrementAndGet();
            }
            return MockHttp.json(200, answer);
        }

        private ResponseDefinition delete(String id) {
            Task task = tasks.get(id);
            if (task == null) {
                return error(404, "Task not found");
            }
            String status = task.status();
            if (status.equals("SUCCEEDED") || status.equals("CANCELLED")) {
                tasks.remove(id); // an ended task is deleted, its output with it
            } else {
                task.cancelled = true;
            }
            return aResponse().withStatus(204).build();
        }

        private ResponseDefinition download(String id, Map<String, String> query) {
            Task task = tasks.get(id);
            if (task == null || !task.status().equals("SUCCEEDED")) {
                return aResponse().withStatus(404).withBody("Not Found").build();
            }
            if (!task.signature.equals(query.get("_jwt"))) {
                return aResponse()
                        .withStatus(403)
                        .withBody("Forbidden: the URL is not signed")
                        .build();
            }
            byte[] clip = clips.computeIfAbsent(task.ratio + "/" + task.seconds, key -> clip(task.ratio, task.seconds));
            return aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "video/mp4")
                    .withBody(clip)
                    .build();
        }

        /** Runway's validation error: {@code {"error", "issues": [{"path", "message"}]}}. */
        private ResponseDefinition invalid(String field, String message) {
            ObjectNode body = MockHttp.MAPPER.createObjectNode().put("error", "Validation of body failed");
            body.putArray("issues")
                    .addObject()
                    .put("code", "invalid")
                    .put("message", message)
                    .putArray("path")
                    .add(field);
            return MockHttp.json(400, body);
        }

        private ResponseDefinition error(int status, String message) {
            return MockHttp.json(status, MockHttp.MAPPER.createObjectNode().put("error", message));
        }
    }

    /** A real clip: a moving test pattern over silence, H.264 and AAC in MP4, made by ffmpeg. */
    private byte[] clip(String ratio, int seconds) {
        String size = ratio.replace(':', 'x');
        Path file = null;
        try {
            file = Files.createTempFile("acog-mock-runway-", ".mp4");
            ffmpeg.run(
                    List.of(
                            "-y",
                            "-f",
                            "lavfi",
                            "-i",
                            "testsrc2=size=" + size + ":rate=24:duration=" + seconds,
                            "-f",
                            "lavfi",
                            "-i",
                            "anullsrc=channel_layout=stereo:sample_rate=48000",
                            "-t",
                            Integer.toString(seconds),
                            "-c:v",
                            "libx264",
                            "-preset",
                            "ultrafast",
                            "-pix_fmt",
                            "yuv420p",
                            "-c:a",
                            "aac",
                            "-b:a",
                            "64k",
                            "-shortest",
                            "-movflags",
                            "+faststart",
                            file.toString()),
                    Duration.ofMinutes(2),
                    null);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the mock's Runway clip", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }
}
