package io.acog.providers.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.acog.providers.http.JsonBodies;
import io.acog.spi.ChannelBrief;
import java.util.List;
import java.util.Map;

/**
 * What the writer tells the model, all in one place. The system message says who writes (the
 * channel, its niche, its presenter's persona and its style guide, as the JSON the host keeps) and
 * the task; the user message carries what to work on: the idea, the plan, the script, and for a
 * rewrite the reviewer's notes. The answer's shape is not described here: the strict schema sent
 * with each request says it, its descriptions included.
 */
final class Prompts {

    private static final String PLAN = """
            Your task: plan one episode from the idea in the user's message.
            - hook: the first line, which makes a viewer stay past the first seconds.
            - intro: what the presenter says next, to set the episode up.
            - sections: the body, in order. Each has a title, a summary of a sentence or two, the key \
            points it must cover, and how long it should run in seconds (null if it does not matter).
            - key_facts: facts the script must get right. Only facts you are sure of.
            - ctas: calls to action for the end of the episode.
            - broll_suggestions: short descriptions of clips that could illustrate the episode.""";

    private static final String SCRIPT = """
            Your task: write the episode's script from the idea and the plan in the user's message: \
            the words spoken, in order, split into segments.
            - AVATAR: the presenter speaks on camera. Use it to open, to close and for personal asides.
            - VOICEOVER: narration over the channel's own visuals.
            - BROLL: narration over a generated clip. Its description says what the clip shows, in a \
            few words (e.g. "a star falling into a black hole"). AVATAR and VOICEOVER have a null \
            description.
            A segment's text is exactly what is said aloud: no stage directions, no brackets, no \
            markdown. Follow the plan: the hook, the intro, each section in order, then the calls to \
            action. State every key fact correctly.
            When the user's message lists a reviewer's notes, the previous draft was rejected: write a \
            new script that addresses every note.""";

    private static final String REVIEW = """
            Your task: review the script in the user's message as an editor who approves only what is \
            ready to produce. Check that it follows the plan, states the key facts correctly, opens \
            with the hook, ends with the calls to action, and keeps to the persona and the style guide.
            Set approved to true when it is ready, with no notes. Otherwise set it to false and write \
            notes: each one a concrete change the writer can make.""";

    private static final String METADATA = """
            Your task: write the publishing metadata of the episode in the user's message, whose \
            script is approved.
            - final_title: the title it is published under, at most 100 characters, promising only \
            what the video delivers.
            - description: the video's description, opening with what the viewer learns.
            - tags: search tags, in lower case.
            - thumbnail_prompt: a prompt for an image model that draws the thumbnail: its subject, \
            composition and style.
            - social_copy: a post announcing the video for each platform the style guide names, \
            twitter and linkedin if it names none; platform in lower case.""";

    private Prompts() {}

    /** The system message: who writes, then the task. */
    static String system(WritingTask task, ChannelBrief channel) {
        StringBuilder system = new StringBuilder("You write for a YouTube channel");
        if (channel.name() != null && !channel.name().isBlank()) {
            system.append(" called \"").append(channel.name().strip()).append('"');
        }
        if (channel.niche() != null && !channel.niche().isBlank()) {
            system.append(", whose niche is ").append(channel.niche().strip());
        }
        system.append(". Everything you write is in the channel's voice: keep to its presenter's persona"
                + " and its style guide.\n");
        section(system, "The presenter's persona", channel.persona());
        section(system, "The channel's style guide", channel.styleGuide());
        return system.append('\n').append(task(task)).toString();
    }

    /** The user message of the planning stage: the idea. */
    static String plan(Map<String, Object> idea) {
        if (idea.isEmpty()) {
            return "The episode has no idea written down: choose a topic that fits the channel.";
        }
        StringBuilder user = new StringBuilder();
        section(user, "The episode's idea", idea);
        return user.toString().strip();
    }

    /** The user message of the scripting stage: the idea, the plan, and a reviewer's notes if any. */
    static String script(Map<String, Object> idea, Map<String, Object> plan, List<String> reviewNotes) {
        StringBuilder user = new StringBuilder();
        section(user, "The episode's idea", idea);
        section(user, "The episode's plan", plan);
        if (!reviewNotes.isEmpty()) {
            user.append("\nA reviewer rejected the previous draft. Address every one of these notes:\n");
            for (int i = 0; i < reviewNotes.size(); i++) {
                user.append(i + 1).append(". ").append(reviewNotes.get(i)).append('\n');
            }
        }
        return user.toString().strip();
    }

    /** The user message of the review stage: the plan and the script. */
    static String review(Map<String, Object> plan, String script) {
        StringBuilder user = new StringBuilder();
        section(user, "The episode's plan", plan);
        script(user, "The script to review", script);
        return user.toString().strip();
    }

    /** The user message of the metadata stage: the idea, the plan and the approved script. */
    static String metadata(Map<String, Object> idea, Map<String, Object> plan, String script) {
        StringBuilder user = new StringBuilder();
        section(user, "The episode's idea", idea);
        section(user, "The episode's plan", plan);
        script(user, "The approved script", script);
        return user.toString().strip();
    }

    private static String task(WritingTask task) {
        return switch (task) {
            case PLAN -> PLAN;
            case SCRIPT -> SCRIPT;
            case REVIEW -> REVIEW;
            case METADATA -> METADATA;
        };
    }

    private static void script(StringBuilder message, String title, String script) {
        message.append('\n')
                .append(title)
                .append(", a segment a line, each opened by its marker: [AVATAR] the presenter on camera,")
                .append(" [VOICEOVER] narration, [BROLL:what the clip shows] narration over a clip:\n")
                .append(script == null ? "" : script.strip())
                .append('\n');
    }

    /** A titled JSON object; nothing when it is empty, as the host left it unset. */
    private static void section(StringBuilder message, String title, Map<String, Object> json) {
        if (json == null || json.isEmpty()) {
            return;
        }
        message.append('\n')
                .append(title)
                .append(" (JSON):\n")
                .append(json(json))
                .append('\n');
    }

    private static String json(Map<String, Object> value) {
        try {
            return JsonBodies.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // the SPI's maps hold JSON values only; a host's odd value is shown as Java prints it
            return String.valueOf(value);
        }
    }
}
