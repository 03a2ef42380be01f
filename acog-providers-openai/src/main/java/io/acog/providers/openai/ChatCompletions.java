package io.acog.providers.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ProviderHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * OpenAI's Chat Completions endpoint, {@code POST {base-url}/chat/completions}, asked for a strict
 * structured output: a system and a user message in, the first choice's message and the usage out.
 * Thread-safe: the JDK's HTTP client is, and nothing here changes after construction.
 *
 * <p>It makes one request per call and never retries: whether and when to try again is ACOG's retry
 * policy's decision, taken from the {@link io.acog.spi.ProviderException} it throws. OpenAI takes no
 * idempotency key, so a retried call may be billed twice; that is the price of a retry.
 */
final class ChatCompletions {

    private final OpenAiSettings settings;
    private final ProviderHttp http;
    private final OpenAiErrors errors;
    private final URI endpoint;

    ChatCompletions(OpenAiSettings settings) {
        this.settings = settings;
        this.http = ProviderHttp.builder(OpenAiSettings.NAME)
                .requestTimeout(settings.timeout())
                .connectTimeout(settings.connectTimeout())
                .secrets(settings.apiKey())
                .build();
        this.errors = new OpenAiErrors(http);
        this.endpoint = URI.create(settings.baseUrl() + "/chat/completions");
    }

    /**
     * Asks the task's model for an answer that fits the task's schema.
     *
     * @param task what is asked for: its model and schema
     * @param system the system message: who writes, and the task
     * @param user the user message: what to work on
     * @return the first choice as OpenAI returned it, not yet checked
     * @throws io.acog.spi.ProviderException when the call fails, classified by {@link OpenAiErrors},
     *     or the response is not a chat completion (retryable)
     */
    Completion complete(WritingTask task, String system, String user) {
        String model = settings.model(task);
        String what = "the " + task.key() + "'s chat completion";
        HttpRequest.Builder request = http.request(endpoint)
                .header("Authorization", "Bearer " + settings.apiKey().reveal())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(task, model, system, user)));
        if (settings.organization() != null) {
            request.header("OpenAI-Organization", settings.organization());
        }
        if (settings.project() != null) {
            request.header("OpenAI-Project", settings.project());
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray(), what);
        if (response.statusCode() / 100 != 2) {
            throw errors.failure(response, what);
        }
        return read(response.body(), what, model);
    }

    private byte[] body(WritingTask task, String model, String system, String user) {
        ObjectNode body = JsonBodies.MAPPER.createObjectNode().put("model", model);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        body.set("response_format", AnswerSchema.of(task).responseFormat());
        // max_tokens is deprecated, and refused by reasoning models (gpt-5, o-series)
        body.put("max_completion_tokens", settings.maxOutputTokens());
        if (settings.temperature() != null) {
            body.put("temperature", settings.temperature());
        }
        try {
            return JsonBodies.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + task.key() + "'s request as JSON", e);
        }
    }

    /** The chat completion's first choice and usage; a body that is not one is malformed (retryable). */
    private Completion read(byte[] body, String what, String askedModel) {
        JsonNode root = JsonBodies.object(http, body, what + "'s response");
        JsonNode choice = root.path("choices").path(0);
        if (!choice.path("message").isObject()) {
            throw JsonBodies.malformed(
                    http,
                    what + "'s response",
                    "it has no choices[0].message (" + http.excerpt(ProviderHttp.text(body)) + ")");
        }
        JsonNode message = choice.path("message");
        JsonNode usage = root.path("usage");
        Tokens tokens = null;
        if (usage.isObject()) {
            long prompt = usage.path("prompt_tokens").asLong(0);
            // cached tokens are part of the prompt's, priced apart
            long cached = Math.min(
                    prompt,
                    usage.path("prompt_tokens_details").path("cached_tokens").asLong(0));
            tokens = new Tokens(
                    prompt - cached, cached, usage.path("completion_tokens").asLong(0));
        }
        return new Completion(
                text(root.get("id")),
                root.hasNonNull("model") ? root.get("model").asText() : askedModel,
                askedModel,
                text(message.get("content")),
                text(message.get("refusal")),
                text(choice.get("finish_reason")),
                tokens);
    }

    private static String text(JsonNode node) {
        return node == null || !node.isTextual() ? null : node.asText();
    }

    /**
     * A chat completion's first choice, as OpenAI returned it.
     *
     * @param id the completion's id, e.g. {@code chatcmpl-…}; null if not given
     * @param model the model that answered, e.g. {@code gpt-4.1-mini-2025-04-14}
     * @param askedModel the model the request named
     * @param content the message's content, the answer's JSON as text; null when there is none
     * @param refusal why the model refused, when it did; else null
     * @param finishReason {@code stop}, {@code length}, {@code content_filter}, …; null if not given
     * @param tokens the tokens used; null when the server did not report them
     */
    record Completion(
            String id,
            String model,
            String askedModel,
            String content,
            String refusal,
            String finishReason,
            Tokens tokens) {}

    /**
     * The tokens a completion used, as OpenAI prices them.
     *
     * @param input prompt tokens not served from the cache
     * @param cachedInput prompt tokens served from the cache
     * @param output completion tokens, reasoning included
     */
    record Tokens(long input, long cachedInput, long output) {}
}
