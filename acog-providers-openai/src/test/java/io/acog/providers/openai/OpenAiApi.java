package io.acog.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.spi.AssetStorage;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.ChannelBrief;
import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderRegistry;
import io.acog.spi.Publisher;
import io.acog.spi.VideoAssembler;
import io.acog.spi.VoiceSynthesizer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's Chat Completions as its API reference documents it, served by WireMock on a free local
 * port: completions with their usage, and errors in {@code {"error": {message, type, param, code}}}
 * with OpenAI's headers. Start one per test class.
 */
final class OpenAiApi implements AutoCloseable {

    /** Shaped like a real project key, so a test can tell it (or OpenAI's masked quote of it) apart. */
    static final String API_KEY = "sk-proj-Test4ZxK9vQm2Lr7Wp0Yt3Hs8Nd6Bc1Fg5Jk";

    static final String PATH = "/v1/chat/completions";
    /** What OpenAI says answered a request for {@code gpt-4.1-mini}: a dated snapshot. */
    static final String ANSWERING_MODEL = "gpt-4.1-mini-2025-04-14";

    static final ObjectMapper JSON = new ObjectMapper();

    static final ChannelBrief CHANNEL = new ChannelBrief(
            "Cosmos Explained",
            "astronomy",
            Map.of(
                    "name",
                    "Dr. Nova Reyes",
                    "expertise_areas",
                    List.of("astrophysics", "cosmology"),
                    "quirks",
                    List.of("explains with kitchen analogies")),
            Map.of("pacing", "brisk", "do", List.of("open with a question"), "dont", List.of("unexplained jargon")),
            Map.of("voice_id", "voice-1"),
            Map.of("avatar_id", "avatar-1"),
            Map.of("platform", "youtube"));

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

    OpenAiApi() {
        server.start();
    }

    WireMockServer server() {
        return server;
    }

    String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    /** Forgets the stubs and the requests seen. */
    void reset() {
        server.resetAll();
    }

    /** Answers every chat completion with {@code response}. */
    void answer(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    /** The settings of a writer on this server, with {@code overrides} on top (a null value removes a key). */
    ProviderConfig config(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put("openai.api-key", API_KEY);
        settings.put("openai.base-url", baseUrl());
        settings.putAll(overrides);
        settings.values().removeIf(value -> value == null);
        return ProviderConfig.of(settings);
    }

    /** The writer the plugin registers with these settings. */
    ContentWriter writer(Map<String, String> overrides) {
        return register(config(overrides)).stream().findFirst().orElseThrow();
    }

    ContentWriter writer() {
        return writer(Map.of());
    }

    /** What the plugin registers with {@code config}. */
    static List<ContentWriter> register(ProviderConfig config) {
        Writers writers = new Writers();
        new OpenAiPlugin().register(config, writers);
        return writers.registered;
    }

    /** The chat completion requests received, oldest first. */
    List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    /** The last request's body. */
    JsonNode lastBody() {
        List<LoggedRequest> requests = requests();
        return read(requests.get(requests.size() - 1).getBodyAsString());
    }

    /**
     * A 200 with a chat completion whose message holds {@code answer} as its JSON text, as OpenAI
     * answers a structured output: 12,000 prompt tokens of which 4,000 were cached, 3,000
     * completion tokens.
     */
    static ResponseDefinitionBuilder completion(Object answer) {
        return completion(text(answer), null, "stop", 12_000, 4_000, 3_000);
    }

    /** A 200 with a chat completion of this content, refusal, finish reason and usage. */
    static ResponseDefinitionBuilder completion(
            String content, String refusal, String finishReason, long prompt, long cached, long completion) {
        return completion(ANSWERING_MODEL, content, refusal, finishReason, prompt, cached, completion);
    }

    /** A 200 with a chat completion by {@code model}. */
    static ResponseDefinitionBuilder completion(
            String model,
            String content,
            String refusal,
            String finishReason,
            long prompt,
            long cached,
            long completion) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG")
                .put("object", "chat.completion")
                .put("created", 1_741_570_283L)
                .put("model", model);
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        message.put("content", content).put("refusal", refusal).putArray("annotations");
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        ObjectNode usage = body.putObject("usage")
                .put("prompt_tokens", prompt)
                .put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        usage.putObject("prompt_tokens_details").put("cached_tokens", cached).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details")
                .put("reasoning_tokens", 0)
                .put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0)
                .put("rejected_prediction_tokens", 0);
        body.put("service_tier", "default").put("system_fingerprint", "fp_6b68a8204b");
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-request-id", "req_7f3e2a9c1b")
                .withHeader("openai-processing-ms", "1843")
                .withHeader("x-ratelimit-limit-requests", "5000")
                .withHeader("x-ratelimit-remaining-requests", "4999")
                .withBody(text(body));
    }

    /** An error as OpenAI writes it, with its request id. */
    static ResponseDefinitionBuilder error(int status, String message, String type, String param, String code) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error")
                .put("message", message)
                .put("type", type)
                .put("param", param)
                .put("code", code);
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-request-id", "req_5d1c0e8f42")
                .withBody(text(body));
    }

    /** A plan as the plan schema has it. */
    static Map<String, Object> plan() {
        Map<String, Object> section = new HashMap<>();
        section.put("title", "Why time slows down");
        section.put("summary", "Gravity bends time as well as space.");
        section.put("key_points", List.of("gravitational time dilation", "GPS clocks"));
        section.put("estimated_seconds", 90);
        Map<String, Object> open = new HashMap<>();
        open.put("title", "The event horizon");
        open.put("summary", "Where nothing, not even light, gets out.");
        open.put("key_points", List.of("escape velocity"));
        open.put("estimated_seconds", null);
        return Map.of(
                "hook", "What if you could watch time stop?",
                "intro", "Today we fall into a black hole, safely.",
                "sections", List.of(section, open),
                "key_facts", List.of("GPS satellites' clocks run about 38 microseconds a day fast"),
                "ctas", List.of("Subscribe for the next trip"),
                "broll_suggestions", List.of("a star falling into a black hole"));
    }

    /** A script as the script schema has it. */
    static Map<String, Object> script() {
        Map<String, Object> avatar = new HashMap<>();
        avatar.put("kind", "AVATAR");
        avatar.put("description", null);
        avatar.put("text", "What if you could watch time stop?");
        Map<String, Object> broll = new HashMap<>();
        broll.put("kind", "BROLL");
        broll.put("description", "a star falling into a black hole");
        broll.put("text", "Near a black hole, it nearly does.");
        Map<String, Object> voiceover = new HashMap<>();
        voiceover.put("kind", "VOICEOVER");
        voiceover.put("description", null);
        voiceover.put("text", "Einstein predicted it in 1915.");
        return Map.of("segments", List.of(avatar, broll, voiceover));
    }

    static Map<String, Object> metadata() {
        return Map.of(
                "final_title", "Watching Time Stop at a Black Hole",
                "description", "How gravity slows time, from GPS clocks to the event horizon.",
                "tags", List.of("black holes", "time dilation"),
                "thumbnail_prompt", "A clock melting into a glowing black hole, cinematic",
                "social_copy",
                        List.of(
                                Map.of("platform", "twitter", "text", "Time stops at a black hole. Almost."),
                                Map.of("platform", "LinkedIn", "text", "What GPS teaches us about gravity.")));
    }

    static String text(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Keeps the writers registered; no other capability is expected. */
    private static final class Writers implements ProviderRegistry {

        final List<ContentWriter> registered = new ArrayList<>();

        @Override
        public void contentWriter(ContentWriter writer) {
            registered.add(writer);
        }

        @Override
        public void voiceSynthesizer(VoiceSynthesizer synthesizer) {
            throw new AssertionError("the OpenAI plugin registers a writer only");
        }

        @Override
        public void avatarRenderer(AvatarRenderer renderer) {
            throw new AssertionError("the OpenAI plugin registers a writer only");
        }

        @Override
        public void brollGenerator(BrollGenerator generator) {
            throw new AssertionError("the OpenAI plugin registers a writer only");
        }

        @Override
        public void videoAssembler(VideoAssembler assembler) {
            throw new AssertionError("the OpenAI plugin registers a writer only");
        }

        @Override
        public void publisher(Publisher publisher) {
            throw new AssertionError("the OpenAI plugin registers a writer only");
        }

        @Override
        public void assetStorage(AssetStorage storage) {
            throw new AssertionError("the OpenAI plugin registers a writer only");
        }
    }
}
