package io.acog.core.episode;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import io.acog.core.internal.Values;
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
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public EpisodePlan {
        sections = Values.list(sections);
        keyFacts = Values.list(keyFacts);
        ctas = Values.list(ctas);
        brollSuggestions = Values.list(brollSuggestions);
        extra = Values.map(extra);
    }

    public static EpisodePlan empty() {
        return new EpisodePlan(null, null, null, null, null, null, null);
    }

    /** Whether nothing is planned yet. */
    public boolean isEmpty() {
        return hook == null && intro == null && sections.isEmpty() && keyFacts.isEmpty()
                && ctas.isEmpty() && brollSuggestions.isEmpty() && extra.isEmpty();
    }

    /**
     * One section of the outline. A section stored as a bare string reads as a section with that
     * title.
     */
    public record Section(
            String title,
            String summary,
            List<String> keyPoints,
            Integer estimatedSeconds,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

        public Section {
            keyPoints = Values.list(keyPoints);
            extra = Values.map(extra);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Section titled(String title) {
            return new Section(title, null, null, null, null);
        }
    }
}
