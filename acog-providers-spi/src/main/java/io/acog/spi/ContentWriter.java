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
public interface ContentWriter extends Provider {

    /**
     * Returns the provider's name, e.g. {@code "openai"}.
     *
     * @return the name, never null
     */
    String name();

    /**
     * Plans an episode: the {@code planning} stage.
     *
     * @param request the channel and the episode's idea
     * @param call the episode and stage it serves
     * @return the plan, never null; a plan that is missing or does not fit the schema fails the
     *     stage as retryable
     * @throws ProviderException when the call fails
     */
    Plan plan(PlanRequest request, ProviderCall call);

    /**
     * Writes the episode's script from its plan: the {@code scripting} stage, again with the review
     * notes after a rejected draft.
     *
     * @param request the channel, idea, plan and review notes
     * @param call the episode and stage it serves
     * @return the script, with the markers {@code [AVATAR]}, {@code [VOICEOVER]} and {@code
     *     [BROLL:description]}; never null
     * @throws ProviderException when the call fails
     */
    Script script(ScriptRequest request, ProviderCall call);

    /**
     * Reviews a script against its plan: the {@code script_review} stage of channels with automatic
     * review. A script not approved goes back to scripting with the notes.
     *
     * @param request the channel, plan and script
     * @param call the episode and stage it serves
     * @return the verdict, never null
     * @throws ProviderException when the call fails
     */
    Review review(ReviewRequest request, ProviderCall call);

    /**
     * Writes the episode's publishing metadata: the {@code metadata} stage.
     *
     * @param request the channel, idea, plan and approved script
     * @param call the episode and stage it serves
     * @return the metadata, never null
     * @throws ProviderException when the call fails
     */
    Metadata metadata(MetadataRequest request, ProviderCall call);

    /**
     * What to plan.
     *
     * @param channel the channel the episode is for
     * @param idea the episode's idea ({@code topic, brief, target_audience, key_points, ...})
     */
    record PlanRequest(ChannelBrief channel, Map<String, Object> idea) {
        /**
         * Makes an unmodifiable copy of {@code idea}; null becomes empty.
         *
         * @param channel the channel the episode is for
         * @param idea the episode's idea ({@code topic, brief, target_audience, key_points, ...})
         */
        public PlanRequest {
            idea = Copies.map(idea);
        }
    }

    /**
     * A plan as the writer wrote it.
     *
     * @param plan the plan as a JSON object ({@code hook, intro, sections[], key_facts[], ctas[],
     *     broll_suggestions[]})
     * @param model the model that wrote it, e.g. {@code "gpt-4-turbo"}; null if unknown
     * @param usage what the call cost; null counts as none
     */
    record Plan(Map<String, Object> plan, String model, Usage usage) {
        /**
         * Makes an unmodifiable copy of {@code plan}; null stays null.
         *
         * @param plan the plan as a JSON object ({@code hook, intro, sections[], key_facts[],
         *     ctas[], broll_suggestions[]})
         * @param model the model that wrote it, e.g. {@code "gpt-4-turbo"}; null if unknown
         * @param usage what the call cost; null counts as none
         */
        public Plan {
            plan = Copies.mapOrNull(plan);
        }
    }

    /**
     * What to write a script for.
     *
     * @param channel the channel the episode is for
     * @param idea the episode's idea
     * @param plan the episode's plan
     * @param reviewNotes what a reviewer asked to change in the previous draft; empty for a first
     *     draft
     */
    record ScriptRequest(
            ChannelBrief channel, Map<String, Object> idea, Map<String, Object> plan, List<String> reviewNotes) {
        /**
         * Makes unmodifiable copies of the maps and notes; null becomes empty.
         *
         * @param channel the channel the episode is for
         * @param idea the episode's idea
         * @param plan the episode's plan
         * @param reviewNotes what a reviewer asked to change in the previous draft; empty for a
         *     first draft
         */
        public ScriptRequest {
            idea = Copies.map(idea);
            plan = Copies.map(plan);
            reviewNotes = Copies.list(reviewNotes);
        }
    }

    /**
     * A script as the writer wrote it.
     *
     * @param script the script's text, with its segment markers
     * @param model the model that wrote it; null if unknown
     * @param usage what the call cost; null counts as none
     */
    record Script(String script, String model, Usage usage) {}

    /**
     * What to review.
     *
     * @param channel the channel the episode is for
     * @param plan the episode's plan
     * @param script the script to judge
     */
    record ReviewRequest(ChannelBrief channel, Map<String, Object> plan, String script) {
        /**
         * Makes an unmodifiable copy of {@code plan}; null becomes empty.
         *
         * @param channel the channel the episode is for
         * @param plan the episode's plan
         * @param script the script to judge
         */
        public ReviewRequest {
            plan = Copies.map(plan);
        }
    }

    /**
     * A reviewer's verdict on a script.
     *
     * @param approved whether the script may go on to metadata, audio and b-roll
     * @param notes what to change; empty when approved
     * @param model the model that reviewed it; null if unknown
     * @param usage what the call cost; null counts as none
     */
    record Review(boolean approved, List<String> notes, String model, Usage usage) {
        /**
         * Makes an unmodifiable copy of {@code notes}; null stays null.
         *
         * @param approved whether the script may go on to metadata, audio and b-roll
         * @param notes what to change; empty when approved
         * @param model the model that reviewed it; null if unknown
         * @param usage what the call cost; null counts as none
         */
        public Review {
            notes = Copies.listOrNull(notes);
        }
    }

    /**
     * What to write metadata for.
     *
     * @param channel the channel the episode is for
     * @param idea the episode's idea
     * @param plan the episode's plan
     * @param script the approved script
     */
    record MetadataRequest(ChannelBrief channel, Map<String, Object> idea, Map<String, Object> plan, String script) {
        /**
         * Makes unmodifiable copies of the maps; null becomes empty.
         *
         * @param channel the channel the episode is for
         * @param idea the episode's idea
         * @param plan the episode's plan
         * @param script the approved script
         */
        public MetadataRequest {
            idea = Copies.map(idea);
            plan = Copies.map(plan);
        }
    }

    /**
     * Publishing metadata as the writer wrote it.
     *
     * @param metadata a JSON object ({@code final_title, description, tags[], thumbnail_prompt,
     *     social_copy})
     * @param model the model that wrote it; null if unknown
     * @param usage what the call cost; null counts as none
     */
    record Metadata(Map<String, Object> metadata, String model, Usage usage) {
        /**
         * Makes an unmodifiable copy of {@code metadata}; null stays null.
         *
         * @param metadata a JSON object ({@code final_title, description, tags[], thumbnail_prompt,
         *     social_copy})
         * @param model the model that wrote it; null if unknown
         * @param usage what the call cost; null counts as none
         */
        public Metadata {
            metadata = Copies.mapOrNull(metadata);
        }
    }
}
