package io.acog.providers.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.openai.ChatCompletions.Completion;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a completion is a usable answer, and the answer in the shape the {@link
 * io.acog.spi.ContentWriter} returns. Unusable: a refusal, an answer cut off at the token limit
 * ({@code finish_reason: length}) or by OpenAI's content filter, content that is not JSON or does
 * not fit the task's schema, a script without words to speak or with a b-roll segment that does not
 * say what its clip shows.
 *
 * <p>A model may do better when asked again, but seldom a third time, and every try is paid: an
 * unusable answer is retryable on the job's first attempt and permanent after it ("retry once, then
 * permanent"), as {@link Reason#CONTENT_REJECTED} for a refusal or the content filter and {@link
 * Reason#INVALID_REQUEST} otherwise.
 */
final class Answers {

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};
    /** How much of an unusable answer a message quotes. */
    private static final int EXCERPT = 200;

    private Answers() {}

    /**
     * Returns the completion's answer, checked against the task's schema.
     *
     * @throws ProviderException when it is unusable, as the class describes
     */
    static JsonNode json(WritingTask task, Completion completion, ProviderCall call, int maxOutputTokens) {
        if (completion.refusal() != null && !completion.refusal().isBlank()) {
            throw unusable(
                    Reason.CONTENT_REJECTED,
                    task,
                    completion,
                    call,
                    "the model refused (" + excerpt(completion.refusal()) + ")");
        }
        if ("content_filter".equals(completion.finishReason())) {
            throw unusable(Reason.CONTENT_REJECTED, task, completion, call, "OpenAI's content filter cut it off");
        }
        if ("length".equals(completion.finishReason())) {
            throw unusable(
                    Reason.INVALID_REQUEST,
                    task,
                    completion,
                    call,
                    "it was cut off at " + maxOutputTokens + " tokens (finish_reason length); raise "
                            + OpenAiSettings.NAME + "." + OpenAiSettings.MAX_OUTPUT_TOKENS);
        }
        if (completion.content() == null || completion.content().isBlank()) {
            throw unusable(Reason.INVALID_REQUEST, task, completion, call, "it has no content");
        }
        JsonNode answer;
        try {
            answer = JsonBodies.MAPPER.readTree(unfenced(completion.content()));
        } catch (JsonProcessingException e) {
            throw unusable(
                    Reason.INVALID_REQUEST,
                    task,
                    completion,
                    call,
                    "its content is not JSON (" + excerpt(completion.content()) + ")");
        }
        List<String> problems = AnswerSchema.of(task).problems(answer);
        if (!problems.isEmpty()) {
            throw unusable(
                    Reason.INVALID_REQUEST,
                    task,
                    completion,
                    call,
                    "it does not fit the " + task.schemaName() + " schema: "
                            + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                            + (problems.size() > 5 ? "; and " + (problems.size() - 5) + " more" : ""));
        }
        return answer;
    }

    /**
     * The content without the Markdown code fence ({@code ```json … ```}) a compatible server that
     * does not enforce the schema may wrap it in; OpenAI's strict mode never does.
     */
    private static String unfenced(String content) {
        String text = content.strip();
        if (!text.startsWith("```") || !text.endsWith("```") || text.indexOf('\n') < 0) {
            return text;
        }
        return text.substring(text.indexOf('\n') + 1, text.length() - 3);
    }

    /** A plan as a JSON object; a null optional value (a section's length) is left out. */
    static Map<String, Object> plan(JsonNode answer) {
        return withoutNulls(answer);
    }

    /**
     * A script as marker text.
     *
     * @throws ProviderException when it has nothing to say, or a b-roll segment without a
     *     description
     */
    static String script(JsonNode answer, Completion completion, ProviderCall call) {
        try {
            return ScriptText.render(answer.path("segments"));
        } catch (IllegalArgumentException e) {
            throw unusable(Reason.INVALID_REQUEST, WritingTask.SCRIPT, completion, call, e.getMessage());
        }
    }

    /** A review's verdict. */
    static boolean approved(JsonNode answer) {
        return answer.path("approved").asBoolean();
    }

    /** A review's notes, blank ones left out. */
    static List<String> notes(JsonNode answer) {
        List<String> notes = new ArrayList<>();
        for (JsonNode note : answer.path("notes")) {
            if (!note.asText().isBlank()) {
                notes.add(note.asText().strip());
            }
        }
        return notes;
    }

    /**
     * Metadata as a JSON object, its social copy turned from the schema's {@code [{platform, text}]}
     * into the object by platform ACOG stores; a platform named twice keeps its first post.
     */
    static Map<String, Object> metadata(JsonNode answer) {
        Map<String, Object> metadata = withoutNulls(answer);
        Map<String, String> social = new LinkedHashMap<>();
        for (JsonNode post : answer.path("social_copy")) {
            String platform = post.path("platform").asText("").strip().toLowerCase(Locale.ROOT);
            String text = post.path("text").asText("").strip();
            if (!platform.isEmpty() && !text.isEmpty()) {
                social.putIfAbsent(platform, text);
            }
        }
        metadata.put("social_copy", social);
        return metadata;
    }

    private static Map<String, Object> withoutNulls(JsonNode answer) {
        Map<String, Object> object = JsonBodies.MAPPER.convertValue(answer, OBJECT);
        dropNulls(object);
        return object;
    }

    private static void dropNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            map.values().removeIf(entry -> entry == null);
            map.values().forEach(Answers::dropNulls);
        } else if (value instanceof List<?> list) {
            list.forEach(Answers::dropNulls);
        }
    }

    private static ProviderException unusable(
            Reason reason, WritingTask task, Completion completion, ProviderCall call, String problem) {
        String message = OpenAiErrors.mask(
                "the " + task.key() + " that " + completion.model() + " answered is unusable: " + problem);
        if (call.attempt() <= 1) {
            return ProviderException.retryable(
                    OpenAiSettings.NAME,
                    reason,
                    message + "; the job's first attempt, so it is asked again once",
                    null);
        }
        return ProviderException.permanent(
                OpenAiSettings.NAME,
                reason,
                message + "; attempt " + call.attempt() + " of the job, so it is not asked again");
    }

    private static String excerpt(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT) + "…";
    }
}
