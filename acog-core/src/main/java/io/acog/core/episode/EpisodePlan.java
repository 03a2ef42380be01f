package io.acog.core.episode;

import io.acog.core.internal.json.Copies;
import java.util.List;
import java.util.Map;

/**
 * The structured outline the planner produces ({@code episodes.plan}): hook, intro, sections, key
 * facts, calls to action and b-roll suggestions. Unknown keys are kept in {@link #extra()}.
 */
public record EpisodePlan(
        String hook,
        String intro,
        List<Section> sections,
        List<String> keyFacts,
        List<String> ctas,
        List<String> brollSuggestions,
        Map<String, Object> extra) {

    public EpisodePlan {
        sections = Copies.list(sections);
        keyFacts = Copies.list(keyFacts);
        ctas = Copies.list(ctas);
        brollSuggestions = Copies.list(brollSuggestions);
        extra = Copies.map(extra);
    }

    public static EpisodePlan empty() {
        return new EpisodePlan(null, null, null, null, null, null, null);
    }

    /** Whether nothing is planned yet. */
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
     */
    public record Section(
            String title, String summary, List<String> keyPoints, Integer estimatedSeconds, Map<String, Object> extra) {

        public Section {
            keyPoints = Copies.list(keyPoints);
            extra = Copies.map(extra);
        }

        public static Section titled(String title) {
            return new Section(title, null, null, null, null);
        }
    }
}
