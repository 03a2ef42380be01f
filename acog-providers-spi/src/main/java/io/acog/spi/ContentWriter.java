package io.acog.spi;

import java.util.List;
import java.util.Map;

/**
 * Plans, writes, reviews and describes episodes: the LLM-backed stages {@code planning},
 * {@code scripting}, {@code script_review} and {@code metadata}. Plans and metadata are JSON
 * objects with the schema's keys (plan: {@code hook, intro, sections[], key_facts[], ctas[],
 * broll_suggestions[]}; metadata: {@code final_title, description, tags[], thumbnail_prompt,
 * social_copy}). Scripts use the markers {@code [AVATAR]}, {@code [VOICEOVER]} and
 * {@code [BROLL:description]}.
 *
 * <p>Implementations are thread-safe; failures are {@link ProviderException}s.
 */
public interface ContentWriter {

    /** The provider's name, e.g. {@code "openai"}. */
    String name();

    Plan plan(PlanRequest request, ProviderCall call);

    Script script(ScriptRequest request, ProviderCall call);

    Review review(ReviewRequest request, ProviderCall call);

    Metadata metadata(MetadataRequest request, ProviderCall call);

    /** @param idea the episode's idea ({@code topic, brief, target_audience, key_points, ...}) */
    record PlanRequest(ChannelBrief channel, Map<String, Object> idea) {
        public PlanRequest {
            idea = Copies.map(idea);
        }
    }

    /** @param model the model that wrote it, e.g. {@code "gpt-4-turbo"} */
    record Plan(Map<String, Object> plan, String model, Usage usage) {
        public Plan {
            plan = Copies.mapOrNull(plan);
        }
    }

    /**
     * @param reviewNotes what a reviewer asked to change in the previous draft; empty for a first
     *     draft
     */
    record ScriptRequest(
            ChannelBrief channel, Map<String, Object> idea, Map<String, Object> plan, List<String> reviewNotes) {
        public ScriptRequest {
            idea = Copies.map(idea);
            plan = Copies.map(plan);
            reviewNotes = Copies.list(reviewNotes);
        }
    }

    record Script(String script, String model, Usage usage) {}

    record ReviewRequest(ChannelBrief channel, Map<String, Object> plan, String script) {
        public ReviewRequest {
            plan = Copies.map(plan);
        }
    }

    /** @param notes what to change; empty when approved */
    record Review(boolean approved, List<String> notes, String model, Usage usage) {
        public Review {
            notes = Copies.listOrNull(notes);
        }
    }

    record MetadataRequest(ChannelBrief channel, Map<String, Object> idea, Map<String, Object> plan, String script) {
        public MetadataRequest {
            idea = Copies.map(idea);
            plan = Copies.map(plan);
        }
    }

    record Metadata(Map<String, Object> metadata, String model, Usage usage) {
        public Metadata {
            metadata = Copies.mapOrNull(metadata);
        }
    }
}
