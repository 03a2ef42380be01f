package io.acog.examples.mocks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI's Chat Completions ({@code POST /v1/chat/completions}) and Responses ({@code POST
 * /v1/responses}) APIs, served locally for ACOG's writer: a strict structured-output request is
 * answered by what its schema's name asks for, told apart by the words in it ({@code
 * episode_plan}: a plan, {@code episode_script}: a script, {@code script_review}: an approving
 * review, {@code episode_metadata}: metadata), each valid JSON of ACOG's writer schemas written
 * around the topic of the episode's idea. The answer reports its usage in tokens (about four
 * characters a token, none cached), so the writer prices it, and names the model asked for.
 *
 * <p>Requests need {@code Authorization: Bearer }{@value #API_KEY} (else 401 {@code
 * invalid_api_key}); a schema the mock does not know is refused with 400, naming the ones it does.
 * Thread-safe.
 */
public final class OpenAiMock implements AutoCloseable {

    /** The API key the mock accepts: a dummy. */
    public static final String API_KEY = "sk-mock-acog-0000000000000000";

    /** What a request can ask for, by the word its schema's name holds. */
    public enum Answer {
        /** An episode's plan ({@code episode_plan}). */
        PLAN,
        /** An episode's script ({@code episode_script}). */
        SCRIPT,
        /** A script's review, which approves it ({@code script_review}). */
        REVIEW,
        /** An episode's publishing metadata ({@code episode_metadata}). */
        METADATA;

        /** The answer a schema's name asks for; review before script, since a review's name may say both. */
        static Optional<Answer> of(String schemaName) {
            String name = schemaName.toLowerCase(Locale.ROOT);
            for (Answer answer : List.of(REVIEW, METADATA, PLAN, SCRIPT)) {
                if (name.contains(answer.name().toLowerCase(Locale.ROOT))) {
                    return Optional.of(answer);
                }
            }
            return Optional.empty();
        }
    }

    private static final String CHAT = "/v1/chat/completions";
    private static final String RESPONSES = "/v1/responses";
    private static final Pattern TOPIC = Pattern.compile("\"topic\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\")");
    private static final String NO_TOPIC = "the night sky";

    private final WireMockServer server;
    private final String baseUrl;
    private final AtomicLong completions = new AtomicLong();

    private OpenAiMock(Listen listen) {
        this.server = MockHttp.start(listen, new Writer());
        this.baseUrl = MockHttp.baseUrl(listen, server);
        server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withTransformers(Writer.NAME)));
        server.stubFor(post(urlPathEqualTo(RESPONSES)).willReturn(aResponse().withTransformers(Writer.NAME)));
    }

    /**
     * Starts the mock.
     *
     * @param listen where it listens
     * @return the running mock
     */
    public static OpenAiMock start(Listen listen) {
        return new OpenAiMock(listen);
    }

    /**
     * Returns the settings that point the OpenAI adapter at this mock: {@code openai.api-key} and
     * {@code openai.base-url} (the API's root, {@code …/v1}).
     *
     * @return the settings by key
     */
    public Map<String, String> settings() {
        return Map.of("openai.api-key", API_KEY, "openai.base-url", baseUrl + "/v1");
    }

    /**
     * Returns what the requests received asked for, oldest first (as many as the journal keeps); a
     * request whose schema the mock does not know is left out.
     *
     * @return the answers asked for
     */
    public List<Answer> requested() {
        List<Answer> asked = new ArrayList<>();
        for (var request : MockHttp.requests(server)) {
            JsonNode body = MockHttp.readJson(request.getBody());
            if (body != null) {
                schemaName(body).flatMap(Answer::of).ifPresent(asked::add);
            }
        }
        return asked;
    }

    /**
     * Returns the tokens the mock's answers reported used, all of them together (as many answers as
     * the journal keeps).
     *
     * @return the sum of the answers' {@code usage.total_tokens}
     */
    public long tokensAnswered() {
        long tokens = 0;
        for (var event : server.getAllServeEvents()) {
            JsonNode answer = MockHttp.readJson(event.getResponse().getBody());
            if (answer != null && event.getResponse().getStatus() == 200) {
                tokens += answer.path("usage").path("total_tokens").asLong(0);
            }
        }
        return tokens;
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

    /** The schema's name: Chat Completions' {@code response_format}, or Responses' {@code text.format}. */
    private static Optional<String> schemaName(JsonNode body) {
        JsonNode chat = body.path("response_format").path("json_schema").path("name");
        if (chat.isTextual()) {
            return Optional.of(chat.asText());
        }
        JsonNode responses = body.path("text").path("format").path("name");
        return responses.isTextual() ? Optional.of(responses.asText()) : Optional.empty();
    }

    /** Answers a request with the JSON its schema asks for. */
    private final class Writer implements ResponseDefinitionTransformerV2 {

        static final String NAME = "openai-writer";

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
            if (!("Bearer " + API_KEY).equals(request.getHeader("Authorization"))) {
                return error(
                        401,
                        "invalid_request_error",
                        "invalid_api_key",
                        "Incorrect API key provided (the mock takes the key " + API_KEY + ")");
            }
            JsonNode body = MockHttp.readJson(request.getBody());
            if (body == null || !body.isObject()) {
                return error(400, "invalid_request_error", null, "The body is not a JSON object.");
            }
            Optional<String> schema = schemaName(body);
            Optional<Answer> answer = schema.flatMap(Answer::of);
            if (answer.isEmpty()) {
                return error(
                        400,
                        "invalid_request_error",
                        null,
                        "The mock answers strict json_schema requests whose name says plan, script, review or"
                                + " metadata; this one's is "
                                + schema.map(name -> "'" + name + "'").orElse("missing") + ".");
            }
            String content = content(answer.get(), topic(body));
            long promptTokens = tokens(request.getBodyAsString());
            long completionTokens = tokens(content);
            String model = body.path("model").asText("gpt-4.1-mini");
            long number = completions.incrementAndGet();
            ObjectNode json = MockHttp.MAPPER.createObjectNode();
            if (MockHttp.path(request.getUrl()).equals(RESPONSES)) {
                json.put("id", "resp_mock" + number)
                        .put("object", "response")
                        .put("created_at", Instant.now().getEpochSecond())
                        .put("status", "completed")
                        .put("model", model);
                ObjectNode message = json.putArray("output").addObject();
                message.put("type", "message").put("id", "msg_mock" + number).put("role", "assistant");
                message.put("status", "completed");
                message.putArray("content")
                        .addObject()
                        .put("type", "output_text")
                        .put("text", content)
                        .putArray("annotations");
                ObjectNode usage = json.putObject("usage");
                usage.put("input_tokens", promptTokens);
                usage.putObject("input_tokens_details").put("cached_tokens", 0);
                usage.put("output_tokens", completionTokens);
                usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
                usage.put("total_tokens", promptTokens + completionTokens);
                return MockHttp.json(200, json);
            }
            json.put("id", "chatcmpl-mock" + number)
                    .put("object", "chat.completion")
                    .put("created", Instant.now().getEpochSecond())
                    .put("model", model);
            ObjectNode choice = json.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("message")
                    .put("role", "assistant")
                    .put("content", content)
                    .putNull("refusal");
            choice.put("finish_reason", "stop");
            ObjectNode usage = json.putObject("usage");
            usage.put("prompt_tokens", promptTokens);
            usage.put("completion_tokens", completionTokens);
            usage.put("total_tokens", promptTokens + completionTokens);
            usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
            usage.putObject("completion_tokens_details").put("reasoning_tokens", 0);
            json.put("system_fingerprint", "fp_mock");
            return MockHttp.json(200, json);
        }

        private static ResponseDefinition error(int status, String type, String code, String message) {
            ObjectNode json = MockHttp.MAPPER.createObjectNode();
            ObjectNode error = json.putObject("error");
            error.put("message", message).put("type", type).putNull("param");
            if (code == null) {
                error.putNull("code");
            } else {
                error.put("code", code);
            }
            return MockHttp.json(status, json);
        }
    }

    /** About four characters a token, as OpenAI's rule of thumb for English has it. */
    private static long tokens(String text) {
        return Math.max(1, (text.length() + 3) / 4);
    }

    /**
     * The topic of the episode's idea, as the writer's user message quotes it in JSON ({@code
     * "topic": "…"}); a stand-in when the request has none.
     */
    static String topic(JsonNode body) {
        List<String> texts = new ArrayList<>();
        texts(body.path("messages"), texts);
        texts(body.path("input"), texts);
        for (String text : texts) {
            Matcher matcher = TOPIC.matcher(text);
            if (matcher.find()) {
                try {
                    String topic = MockHttp.MAPPER
                            .readValue(matcher.group(1), String.class)
                            .strip();
                    if (!topic.isEmpty()) {
                        return topic;
                    }
                } catch (JsonProcessingException e) {
                    // not JSON after all: look on
                }
            }
        }
        return NO_TOPIC;
    }

    /** Every text in a message list, whatever its shape (a string, or parts with text). */
    private static void texts(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        } else if (node.isContainerNode()) {
            node.forEach(child -> texts(child, texts));
        }
    }

    /** The answer's JSON, as the message's content. */
    static String content(Answer answer, String topic) {
        ObjectNode json = MockHttp.MAPPER.createObjectNode();
        switch (answer) {
            case PLAN -> {
                json.put("hook", topic + ": stranger than it sounds.");
                json.put("intro", "We look at what was seen, why it surprised astronomers, and what it could mean.");
                ArrayNode sections = json.putArray("sections");
                section(sections, "What was seen", "The observation and why it stood out.", 20, "the observation");
                section(sections, "Why it matters", "What it would change if it holds up.", null, "the stakes");
                strings(json.putArray("key_facts"), "Telescopes see distant objects as they were long ago.");
                strings(json.putArray("ctas"), "Subscribe for the next mystery.", "Tell us your theory.");
                strings(json.putArray("broll_suggestions"), "a slow zoom into deep space", "a telescope at night");
            }
            case SCRIPT -> {
                ArrayNode segments = json.putArray("segments");
                segment(segments, "AVATAR", null, "Today: " + topic + ". Stay with me.");
                segment(
                        segments,
                        "BROLL",
                        "a slow zoom into a field of distant galaxies",
                        "Astronomers saw something odd, and checked their instruments first.");
                segment(segments, "VOICEOVER", null, "The data held up, so the question changed.");
                segment(segments, "AVATAR", null, "What do you think comes next? Tell me below.");
            }
            case REVIEW -> {
                json.put("approved", true);
                json.putArray("notes");
            }
            case METADATA -> {
                String title = topic.length() > 80 ? topic.substring(0, 80).strip() : topic;
                json.put("final_title", title + ", explained");
                json.put("description", "What we know about \"" + topic + "\", and what we do not know yet.");
                strings(json.putArray("tags"), "space", "astronomy", "science");
                json.put("thumbnail_prompt", "A glowing galaxy on a dark background, bold title text");
                ArrayNode social = json.putArray("social_copy");
                social.addObject().put("platform", "twitter").put("text", "New video: " + topic);
                social.addObject().put("platform", "linkedin").put("text", "Our new episode: " + topic);
            }
        }
        return json.toString();
    }

    private static void section(ArrayNode sections, String title, String summary, Integer seconds, String point) {
        ObjectNode section = sections.addObject().put("title", title).put("summary", summary);
        strings(section.putArray("key_points"), point);
        if (seconds == null) {
            section.putNull("estimated_seconds");
        } else {
            section.put("estimated_seconds", seconds);
        }
    }

    private static void segment(ArrayNode segments, String kind, String description, String text) {
        ObjectNode segment = segments.addObject().put("kind", kind);
        if (description == null) {
            segment.putNull("description");
        } else {
            segment.put("description", description);
        }
        segment.put("text", text);
    }

    private static void strings(ArrayNode array, String... values) {
        for (String value : values) {
            array.add(value);
        }
    }
}
