package io.acog.core.episode;

import io.acog.core.internal.json.Copies;
import java.util.List;
import java.util.Map;

/**
 * The structured outline the planner produces ({@code episodes.plan}): hook, intro, sections, key
 * facts, calls to action and b-roll suggestions. Unknown keys are kept in {@link #extra()}. Text
 * components are nullable; collections never are.
 *
 * @param hook the opening line that keeps viewers watching
 * @param intro what the intro says
 * @param sections the body, in order
 * @param keyFacts facts the script must get right
 * @param ctas calls to action
 * @param brollSuggestions what the b-roll might show
 * @param extra keys beyond these, kept as they are
 */
public record EpisodePlan(
        String hook,
        String intro,
        List<Section> sections,
        List<String> keyFacts,
        List<String> ctas,
        List<String> brollSuggestions,
        Map<String, Object> extra) {

    /**
     * Creates a plan, copying the collections (null becomes empty).
     *
     * @param hook the opening line that keeps viewers watching
     * @param intro what the intro says
     * @param sections the body, in order
     * @param keyFacts facts the script must get right
     * @param ctas calls to action
     * @param brollSuggestions what the b-roll might show
     * @param extra keys beyond these, kept as they are
     */
    public EpisodePlan {
        sections = Copies.list(sections);
        keyFacts = Copies.list(keyFacts);
        ctas = Copies.list(ctas);
        brollSuggestions = Copies.list(brollSuggestions);
        extra = Copies.map(extra);
    }

    /**
     * Returns a plan with nothing set: that of an episode not planned yet.
     *
     * @return the empty plan
     */
    public static EpisodePlan empty() {
        return new EpisodePlan(null, null, null, null, null, null, null);
    }

    /**
     * Tells whether nothing is planned yet.
     *
     * @return whether every component is null or empty
     */
    public boolean isEmpty() {
        return hook == null
                && intro == null
                && sections.isEmpty()
                && keyFacts.isEmpty()
                && ctas.isEmpty()
                && brollSuggestions.isEmpty()
                && extra.isEmpty();
    }

    /**
     * One section of the outline. A section stored as a bare string reads as a section with that
     * title.
     *
     * @param title the section's title
     * @param summary what it says
     * @param keyPoints what it must cover
     * @param estimatedSeconds how long it should run, in seconds
     * @param extra keys beyond these, kept as they are
     */
    public record Section(
            String title, String summary, List<String> keyPoints, Integer estimatedSeconds, Map<String, Object> extra) {

        /**
         * Creates a section, copying the collections (null becomes empty).
         *
         * @param title the section's title
         * @param summary what it says
         * @param keyPoints what it must cover
         * @param estimatedSeconds how long it should run, in seconds
         * @param extra keys beyond these, kept as they are
         */
        public Section {
            keyPoints = Copies.list(keyPoints);
            extra = Copies.map(extra);
        }

        /**
         * Returns a section with just a title.
         *
         * @param title the section's title
         * @return the section
         */
        public static Section titled(String title) {
            return new Section(title, null, null, null, null);
        }
    }
}
