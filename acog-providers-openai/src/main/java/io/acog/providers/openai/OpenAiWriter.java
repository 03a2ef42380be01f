package io.acog.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.acog.providers.openai.ChatCompletions.Completion;
import io.acog.spi.ChannelBrief;
import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderLimits;
import io.acog.spi.Usage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content writer on OpenAI's Chat Completions: each of the four stages is one request for a
 * strict structured output of the stage's schema, read back into what ACOG stores. Thread-safe: it
 * holds only its settings and the HTTP client.
 */
final class OpenAiWriter implements ContentWriter {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiWriter.class);

    private static final ChannelBrief NO_CHANNEL = new ChannelBrief(null, null, null, null, null, null, null);

    private final OpenAiSettings settings;
    private final ChatCompletions chat;

    OpenAiWriter(OpenAiSettings settings) {
        this.settings = settings;
        this.chat = new ChatCompletions(settings);
    }

    @Override
    public String name() {
        return OpenAiSettings.NAME;
    }

    @Override
    public ProviderLimits limits() {
        return settings.limits();
    }

    @Override
    public Plan plan(PlanRequest request, ProviderCall call) {
        Answer answer = ask(WritingTask.PLAN, request.channel(), Prompts.plan(request.idea()), call);
        return new Plan(Answers.plan(answer.json()), answer.model(), answer.usage());
    }

    @Override
    public Script script(ScriptRequest request, ProviderCall call) {
        Answer answer = ask(
                WritingTask.SCRIPT,
                request.channel(),
                Prompts.script(request.idea(), request.plan(), request.reviewNotes()),
                call);
        return new Script(Answers.script(answer.json(), answer.completion(), call), answer.model(), answer.usage());
    }

    @Override
    public Review review(ReviewRequest request, ProviderCall call) {
        Answer answer =
                ask(WritingTask.REVIEW, request.channel(), Prompts.review(request.plan(), request.script()), call);
        return new Review(
                Answers.approved(answer.json()), Answers.notes(answer.json()), answer.model(), answer.usage());
    }

    @Override
    public Metadata metadata(MetadataRequest request, ProviderCall call) {
        Answer answer = ask(
                WritingTask.METADATA,
                request.channel(),
                Prompts.metadata(request.idea(), request.plan(), request.script()),
                call);
        return new Metadata(Answers.metadata(answer.json()), answer.model(), answer.usage());
    }

    private Answer ask(WritingTask task, ChannelBrief channel, String user, ProviderCall call) {
        Completion completion = chat.complete(task, Prompts.system(task, channel == null ? NO_CHANNEL : channel), user);
        Usage usage = completion.tokens() == null
                ? Usage.none()
                : settings.prices()
                        .usage(
                                completion.model(),
                                completion.askedModel(),
                                completion.tokens().input(),
                                completion.tokens().cachedInput(),
                                completion.tokens().output());
        // logged before the answer is checked: an unusable answer was paid for too
        LOG.debug(
                "openai {} for episode {} (attempt {}): {} by {}, finish {}, tokens {} in, {} cached, {} out, ${}",
                task.key(),
                call.episodeId(),
                call.attempt(),
                completion.id(),
                completion.model(),
                completion.finishReason(),
                usage.inputTokens(),
                usage.cachedInputTokens(),
                usage.outputTokens(),
                usage.costUsd());
        return new Answer(Answers.json(task, completion, call, settings.maxOutputTokens()), completion, usage);
    }

    /** A usable answer, the completion it came in and what it cost. */
    private record Answer(JsonNode json, Completion completion, Usage usage) {
        String model() {
            return completion.model();
        }
    }
}
