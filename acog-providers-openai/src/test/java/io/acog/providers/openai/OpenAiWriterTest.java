package io.acog.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.acog.providers.openai.OpenAiApi.CHANNEL;
import static io.acog.providers.openai.OpenAiApi.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.core.episode.EpisodeMetadata;
import io.acog.core.episode.EpisodePlan;
import io.acog.core.episode.ScriptParser;
import io.acog.core.episode.ScriptSegment;
import io.acog.core.episode.SegmentKind;
import io.acog.core.internal.json.JsonCodec;
import io.acog.spi.ContentWriter;
import io.acog.spi.ContentWriter.Metadata;
import io.acog.spi.ContentWriter.Plan;
import io.acog.spi.ContentWriter.Review;
import io.acog.spi.ContentWriter.Script;
import io.acog.spi.ProviderLimits;
import io.acog.spi.Usage;
import io.acog.spi.WriterSchemas;
import io.acog.testkit.providers.TestProviderCall;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The four stages against OpenAI's documented success answers: what is sent, what comes back. */
class OpenAiWriterTest {

    private static final OpenAiApi API = new OpenAiApi();

    private static final Map<String, Object> IDEA = Map.of(
            "topic", "time near a black hole", "target_audience", "curious teenagers", "key_points", List.of("GPS"));

    @BeforeEach
    void reset() {
        API.reset();
    }

    @AfterAll
    static void stop() {
        API.close();
    }

    @Test
    void plansAnEpisodeThatReadsAsAcogsPlanWithTheAnsweringModelAndItsCost() {
        API.answer(completion(OpenAiApi.plan()));

        Plan plan =
                API.writer().plan(new ContentWriter.PlanRequest(CHANNEL, IDEA), TestProviderCall.forStage("planning"));

        assertThat(plan.plan()).containsEntry("hook", "What if you could watch time stop?");
        EpisodePlan read = JsonCodec.convert(plan.plan(), EpisodePlan.class);
        assertThat(read.sections()).hasSize(2);
        assertThat(read.sections().get(0).keyPoints()).containsExactly("gravitational time dilation", "GPS clocks");
        assertThat(read.sections().get(0).estimatedSeconds()).isEqualTo(90);
        assertThat(read.sections().get(1).estimatedSeconds()).isNull();
        assertThat(read.sections().get(1).extra()).isEmpty();
        assertThat(read.keyFacts()).hasSize(1);
        assertThat(read.brollSuggestions()).containsExactly("a star falling into a black hole");
        assertThat(read.extra()).isEmpty();
        // a null optional value is left out, as ACOG stores an absent one
        assertThat(sections(plan).get(1)).doesNotContainKey("estimated_seconds");
        assertThat(plan.model()).isEqualTo("gpt-4.1-mini-2025-04-14");
        // gpt-4.1-mini: 8,000 fresh input × 0.40 + 4,000 cached × 0.10 + 3,000 output × 1.60 per 1M
        assertThat(plan.usage()).isEqualTo(Usage.cost(new BigDecimal("0.0084")).withTokens(8_000, 4_000, 3_000));
    }

    @Test
    void writesAScriptInTheMarkersAcogParses() {
        API.answer(completion(OpenAiApi.script()));

        Script script = API.writer()
                .script(
                        new ContentWriter.ScriptRequest(CHANNEL, IDEA, OpenAiApi.plan(), List.of()),
                        TestProviderCall.forStage("scripting"));

        assertThat(script.script()).isEqualTo("""
                        [AVATAR] What if you could watch time stop?
                        [BROLL:a star falling into a black hole] Near a black hole, it nearly does.
                        [VOICEOVER] Einstein predicted it in 1915.""");
        assertThat(ScriptParser.parse(script.script()).segments())
                .extracting(ScriptSegment::kind, ScriptSegment::brollDescription)
                .containsExactly(
                        tuple(SegmentKind.AVATAR, null),
                        tuple(SegmentKind.BROLL, "a star falling into a black hole"),
                        tuple(SegmentKind.VOICEOVER, null));
        assertThat(script.model()).isEqualTo("gpt-4.1-mini-2025-04-14");
        assertThat(script.usage().tokens()).isEqualTo(15_000);
    }

    @Test
    void reviewsAScriptWithItsVerdictAndNotes() {
        API.answer(completion(Map.of(
                "approved",
                false,
                "notes",
                List.of("Shorten the hook to one sentence.", "  ", "Cite the GPS figure."))));

        Review rejected = API.writer()
                .review(
                        new ContentWriter.ReviewRequest(CHANNEL, OpenAiApi.plan(), "[AVATAR] Hello."),
                        TestProviderCall.forStage("script_review"));

        assertThat(rejected.approved()).isFalse();
        assertThat(rejected.notes()).containsExactly("Shorten the hook to one sentence.", "Cite the GPS figure.");
        assertThat(rejected.model()).isEqualTo("gpt-4.1-mini-2025-04-14");

        API.answer(completion(Map.of("approved", true, "notes", List.of())));
        Review approved = API.writer()
                .review(
                        new ContentWriter.ReviewRequest(CHANNEL, OpenAiApi.plan(), "[AVATAR] Hello."),
                        TestProviderCall.forStage("script_review"));
        assertThat(approved.approved()).isTrue();
        assertThat(approved.notes()).isEmpty();
    }

    @Test
    void writesMetadataWhoseSocialCopyIsAnObjectByPlatform() {
        API.answer(completion(OpenAiApi.metadata()));

        Metadata metadata = API.writer()
                .metadata(
                        new ContentWriter.MetadataRequest(CHANNEL, IDEA, OpenAiApi.plan(), "[AVATAR] Hello."),
                        TestProviderCall.forStage("metadata"));

        assertThat(metadata.metadata())
                .containsEntry(
                        "social_copy",
                        Map.of(
                                "twitter", "Time stops at a black hole. Almost.",
                                "linkedin", "What GPS teaches us about gravity."));
        EpisodeMetadata read = JsonCodec.convert(metadata.metadata(), EpisodeMetadata.class);
        assertThat(read.finalTitle()).isEqualTo("Watching Time Stop at a Black Hole");
        assertThat(read.tags()).containsExactly("black holes", "time dilation");
        assertThat(read.thumbnailPrompt()).startsWith("A clock melting");
        assertThat(read.socialCopy()).containsOnlyKeys("twitter", "linkedin");
        assertThat(read.extra()).isEmpty();
        assertThat(metadata.usage().costUsd()).isEqualByComparingTo("0.0084");
    }

    @Test
    void sendsAStrictStructuredOutputOfTheSpisSchemaToChatCompletions() {
        API.answer(completion(OpenAiApi.plan()));

        API.writer().plan(new ContentWriter.PlanRequest(CHANNEL, IDEA), TestProviderCall.forStage("planning"));

        LoggedRequest request = API.requests().get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + OpenAiApi.API_KEY);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.containsHeader("OpenAI-Organization")).isFalse();
        JsonNode body = API.lastBody();
        assertThat(body.path("model").asText()).isEqualTo("gpt-4.1-mini");
        assertThat(body.path("messages")).hasSize(2);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/name").asText()).isEqualTo("episode_plan");
        assertThat(body.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(body.at("/response_format/json_schema/schema")).isEqualTo(OpenAiApi.read(WriterSchemas.plan()));
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(4096);
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.has("max_tokens")).isFalse();
    }

    @Test
    void eachStageSendsItsOwnSchemaAndModelAndTheSettingsHeadersAndLimits() {
        ContentWriter writer = API.writer(Map.of(
                "openai.model", "gpt-4.1",
                "openai.model.review", "gpt-4.1-nano",
                "openai.organization", "org-acme",
                "openai.project", "proj_video",
                "openai.temperature", "0.3",
                "openai.max-output-tokens", "8000"));

        API.answer(completion(Map.of("approved", true, "notes", List.of())));
        writer.review(
                new ContentWriter.ReviewRequest(CHANNEL, OpenAiApi.plan(), "[AVATAR] Hi."),
                TestProviderCall.forStage("script_review"));
        JsonNode review = API.lastBody();
        API.answer(completion(OpenAiApi.script()));
        writer.script(
                new ContentWriter.ScriptRequest(CHANNEL, IDEA, OpenAiApi.plan(), List.of()),
                TestProviderCall.forStage("scripting"));
        JsonNode script = API.lastBody();

        assertThat(review.path("model").asText()).isEqualTo("gpt-4.1-nano");
        assertThat(review.at("/response_format/json_schema/name").asText()).isEqualTo("script_review");
        assertThat(script.path("model").asText()).isEqualTo("gpt-4.1");
        assertThat(script.at("/response_format/json_schema/name").asText()).isEqualTo("episode_script");
        assertThat(script.at("/response_format/json_schema/schema")).isEqualTo(OpenAiApi.read(WriterSchemas.script()));
        assertThat(script.path("temperature").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(script.path("max_completion_tokens").asInt()).isEqualTo(8000);
        LoggedRequest request = API.requests().get(1);
        assertThat(request.getHeader("OpenAI-Organization")).isEqualTo("org-acme");
        assertThat(request.getHeader("OpenAI-Project")).isEqualTo("proj_video");
        assertThat(writer.limits()).isEqualTo(ProviderLimits.none());
        assertThat(API.writer(Map.of("openai.requests-per-minute", "500")).limits())
                .isEqualTo(ProviderLimits.none().withRequestsPerMinute(500));
    }

    @Test
    void theChannelsPersonaStyleAndTheReviewersNotesReachThePrompt() {
        API.answer(completion(OpenAiApi.script()));
        List<String> notes = List.of("Shorten the hook to one sentence.", "Say where the 38 microseconds come from.");

        API.writer()
                .script(
                        new ContentWriter.ScriptRequest(CHANNEL, IDEA, OpenAiApi.plan(), notes),
                        TestProviderCall.forStage("scripting"));

        JsonNode body = API.lastBody();
        String system = body.at("/messages/0/content").asText();
        String user = body.at("/messages/1/content").asText();
        assertThat(system)
                .contains("Cosmos Explained", "astronomy", "Dr. Nova Reyes", "kitchen analogies")
                .contains("brisk", "open with a question", "unexplained jargon")
                .contains("write the episode's script");
        assertThat(user)
                .contains("A reviewer rejected the previous draft")
                .contains("1. Shorten the hook to one sentence.")
                .contains("2. Say where the 38 microseconds come from.")
                .contains("time near a black hole", "Why time slows down");
        // the channel's voice, avatar and platform settings are none of the writer's business
        assertThat(system).doesNotContain("voice-1", "avatar-1");

        API.writer()
                .script(
                        new ContentWriter.ScriptRequest(CHANNEL, IDEA, OpenAiApi.plan(), List.of()),
                        TestProviderCall.forStage("scripting"));
        assertThat(API.lastBody().at("/messages/1/content").asText()).doesNotContain("reviewer");
    }

    @Test
    void theReviewAndTheMetadataSeeTheScript() {
        String script = "[AVATAR] What if you could watch time stop?\n[VOICEOVER] Einstein predicted it.";
        API.answer(completion(Map.of("approved", true, "notes", List.of())));
        API.writer()
                .review(
                        new ContentWriter.ReviewRequest(CHANNEL, OpenAiApi.plan(), script),
                        TestProviderCall.forStage("script_review"));
        assertThat(API.lastBody().at("/messages/1/content").asText()).contains(script, "Why time slows down");
        assertThat(API.lastBody().at("/messages/0/content").asText()).contains("review the script");

        API.answer(completion(OpenAiApi.metadata()));
        API.writer()
                .metadata(
                        new ContentWriter.MetadataRequest(CHANNEL, IDEA, OpenAiApi.plan(), script),
                        TestProviderCall.forStage("metadata"));
        assertThat(API.lastBody().at("/messages/1/content").asText()).contains(script, "time near a black hole");
    }

    @Test
    void aCompatibleServersLooserCompletionIsReadToo() {
        // e.g. Ollama: an empty refusal, the JSON in a code fence, no usage, no model named
        ObjectNode body =
                OpenAiApi.JSON.createObjectNode().put("id", "chatcmpl-42").put("object", "chat.completion");
        body.putArray("choices")
                .addObject()
                .put("index", 0)
                .put("finish_reason", "stop")
                .putObject("message")
                .put("role", "assistant")
                .put("refusal", "")
                .put("content", "```json\n" + OpenAiApi.text(Map.of("approved", true, "notes", List.of())) + "\n```");
        API.answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiApi.text(body)));

        Review review = API.writer(Map.of("openai.model", "llama3.1:8b"))
                .review(
                        new ContentWriter.ReviewRequest(CHANNEL, OpenAiApi.plan(), "[AVATAR] Hi."),
                        TestProviderCall.forStage("script_review"));

        assertThat(review.approved()).isTrue();
        assertThat(review.model()).isEqualTo("llama3.1:8b");
        assertThat(review.usage()).isEqualTo(Usage.none());
    }

    @Test
    void aHostsPriceOverridesTheListPrice() {
        API.answer(completion(OpenAiApi.plan()));

        Plan plan = API.writer(Map.of("openai.price.gpt-4.1-mini.output", "3.20"))
                .plan(new ContentWriter.PlanRequest(CHANNEL, IDEA), TestProviderCall.forStage("planning"));

        // 8,000 × 0.40 + 4,000 × 0.10 + 3,000 × 3.20 = 13,200 per 1M
        assertThat(plan.usage().costUsd()).isEqualByComparingTo("0.0132");
        assertThat(plan.usage().outputTokens()).isEqualTo(3_000);
    }

    @Test
    void callsFromManyThreadsAtOnceAllSucceed() throws Exception {
        API.answer(completion(OpenAiApi.script()));
        ContentWriter writer = API.writer();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Script>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                List<String> notes = List.of("note " + i);
                calls.add(() -> writer.script(
                        new ContentWriter.ScriptRequest(CHANNEL, IDEA, OpenAiApi.plan(), notes),
                        TestProviderCall.forStage("scripting")));
            }
            List<Future<Script>> results = threads.invokeAll(calls, 2, TimeUnit.MINUTES);
            for (Future<Script> result : results) {
                assertThat(result.get().script()).startsWith("[AVATAR] What if you could watch time stop?");
                assertThat(result.get().usage().costUsd()).isEqualByComparingTo("0.0084");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(API.requests()).hasSize(40);
        // each request carried its own notes: no call's prompt leaked into another's
        assertThat(API.requests().stream()
                        .map(request -> OpenAiApi.read(request.getBodyAsString())
                                .at("/messages/1/content")
                                .asText())
                        .map(user -> user.substring(user.indexOf("1. note ")))
                        .distinct())
                .hasSize(40);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sections(Plan plan) {
        return (List<Map<String, Object>>) plan.plan().get("sections");
    }
}
