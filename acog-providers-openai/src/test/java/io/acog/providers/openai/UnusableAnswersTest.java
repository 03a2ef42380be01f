package io.acog.providers.openai;

import static io.acog.providers.openai.OpenAiApi.CHANNEL;
import static io.acog.providers.openai.OpenAiApi.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.testkit.providers.TestProviderCall;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers a stage cannot use: refused, cut off, not JSON, not the schema's shape, a script with
 * nothing to say. Each fails cleanly, saying what was wrong: retryable on the job's first attempt,
 * permanent on the next ("retry once, then permanent").
 */
class UnusableAnswersTest {

    private static final OpenAiApi API = new OpenAiApi();

    @BeforeEach
    void reset() {
        API.reset();
    }

    @AfterAll
    static void stop() {
        API.close();
    }

    @Test
    void aRefusalIsRejectedContentRetriedOnce() {
        ResponseDefinitionBuilder refusal =
                completion(null, "I'm sorry, I cannot assist with that request.", "stop", 900, 0, 12);

        assertRetriedOnceThenPermanent(refusal, Reason.CONTENT_REJECTED, "the model refused (I'm sorry, I cannot");
    }

    @Test
    void anAnswerCutOffAtTheTokenLimitSaysWhichSettingToRaise() {
        ResponseDefinitionBuilder cutOff = completion("{\"hook\": \"What if you could", null, "length", 900, 0, 4096);

        assertRetriedOnceThenPermanent(cutOff, Reason.INVALID_REQUEST, "cut off at 4096 tokens");
        assertThat(planFailure(cutOff, TestProviderCall.forStage("planning")).getMessage())
                .contains("openai.max-output-tokens");
    }

    @Test
    void anAnswerTheContentFilterStoppedIsRejectedContent() {
        assertRetriedOnceThenPermanent(
                completion("{\"hook\": \"", null, "content_filter", 900, 0, 3),
                Reason.CONTENT_REJECTED,
                "content filter");
    }

    @Test
    void contentThatIsNotJsonIsQuoted() {
        assertRetriedOnceThenPermanent(
                completion("Sure! Here is your plan: hook = ...", null, "stop", 900, 0, 12),
                Reason.INVALID_REQUEST,
                "its content is not JSON (Sure! Here is your plan");
        assertRetriedOnceThenPermanent(
                completion(null, null, "stop", 900, 0, 0), Reason.INVALID_REQUEST, "it has no content");
    }

    @Test
    void jsonThatDoesNotFitTheSchemaNamesWhatIsWrong() {
        Map<String, Object> plan = new HashMap<>(OpenAiApi.plan());
        plan.remove("hook");
        plan.put("ctas", "subscribe");
        Map<String, Object> section = new HashMap<>(Map.of("title", 7, "summary", "s", "key_points", List.of()));
        section.put("estimated_seconds", "ninety");
        plan.put("sections", List.of(section));

        ProviderException failure = planFailure(completion(plan), TestProviderCall.forStage("planning"));

        assertThat(failure.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage())
                .contains("does not fit the episode_plan schema")
                .contains("hook is missing")
                .contains("ctas is a string, not array")
                .contains("sections[0].title is a number, not string")
                .contains("sections[0].estimated_seconds is a string, not integer or null");
    }

    @Test
    void aScriptSegmentOfAnUnknownKindDoesNotFit() {
        Map<String, Object> segment = new HashMap<>();
        segment.put("kind", "NARRATOR");
        segment.put("description", null);
        segment.put("text", "Hello.");

        assertRetriedOnceThenScript(
                Map.of("segments", List.of(segment)),
                "segments[0].kind is \"NARRATOR\", not one of [\"AVATAR\",\"VOICEOVER\",\"BROLL\"]");
    }

    @Test
    void aScriptWithNothingToSayOrABrollWithoutItsClipIsUnusable() {
        assertRetriedOnceThenScript(Map.of("segments", List.of()), "it has no segments");
        assertRetriedOnceThenScript(
                Map.of("segments", List.of(segment("BROLL", "a nebula", " "))),
                "none of its segments has words to speak");
        assertRetriedOnceThenScript(
                Map.of("segments", List.of(segment("AVATAR", null, "Hi."), segment("BROLL", null, "Look."))),
                "segments[1] is BROLL without a description");
        assertRetriedOnceThenScript(
                Map.of("segments", List.of(segment("BROLL", "a nebula", "Look."), segment("VOICEOVER", null, ""))),
                "segments[1] is VOICEOVER with no words to speak");
    }

    private static Map<String, Object> segment(String kind, String description, String text) {
        Map<String, Object> segment = new HashMap<>();
        segment.put("kind", kind);
        segment.put("description", description);
        segment.put("text", text);
        return segment;
    }

    private static void assertRetriedOnceThenScript(Map<String, Object> script, String problem) {
        assertRetriedOnceThenPermanent(
                completion(script),
                Reason.INVALID_REQUEST,
                problem,
                (writer, call) -> writer.script(
                        new ContentWriter.ScriptRequest(CHANNEL, Map.of(), OpenAiApi.plan(), List.of()), call));
    }

    private static void assertRetriedOnceThenPermanent(
            ResponseDefinitionBuilder answer, Reason reason, String problem) {
        assertRetriedOnceThenPermanent(
                answer,
                reason,
                problem,
                (writer, call) -> writer.plan(new ContentWriter.PlanRequest(CHANNEL, Map.of("topic", "x")), call));
    }

    private static void assertRetriedOnceThenPermanent(
            ResponseDefinitionBuilder answer,
            Reason reason,
            String problem,
            BiConsumer<ContentWriter, TestProviderCall> stage) {
        API.answer(answer);
        ContentWriter writer = API.writer();
        TestProviderCall first = TestProviderCall.forStage("planning");

        ProviderException onFirst = failure(writer, first, stage);
        ProviderException onSecond = failure(writer, first.nextAttempt(), stage);

        assertThat(onFirst.reason()).isEqualTo(reason);
        assertThat(onFirst.retryable()).as(onFirst.getMessage()).isTrue();
        assertThat(onFirst.getMessage())
                .contains("gpt-4.1-mini-2025-04-14 answered is unusable")
                .contains(problem)
                .contains("asked again once");
        assertThat(onSecond.reason()).isEqualTo(reason);
        assertThat(onSecond.retryable()).as(onSecond.getMessage()).isFalse();
        assertThat(onSecond.getMessage()).contains(problem).contains("attempt 2 of the job, so it is not asked again");
    }

    private static ProviderException planFailure(ResponseDefinitionBuilder answer, TestProviderCall call) {
        API.answer(answer);
        return failure(
                API.writer(),
                call,
                (writer, attempt) ->
                        writer.plan(new ContentWriter.PlanRequest(CHANNEL, Map.of("topic", "x")), attempt));
    }

    private static ProviderException failure(
            ContentWriter writer, TestProviderCall call, BiConsumer<ContentWriter, TestProviderCall> stage) {
        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> stage.accept(writer, call));
        assertThat(failure).as("the unusable answer's failure").isNotNull();
        assertThat(failure.getMessage()).startsWith("openai: ").doesNotContain(OpenAiApi.API_KEY);
        return failure;
    }
}
