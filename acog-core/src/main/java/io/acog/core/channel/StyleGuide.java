package io.acog.core.channel;

import io.acog.core.internal.json.Copies;
import java.util.List;
import java.util.Map;

/**
 * How the channel's videos are written and paced ({@code channels.style_guide}). {@link #pacing()}
 * sets the speaking rate used to estimate a script's duration (see
 * {@link io.acog.core.episode.SpeakingRate}). Unknown keys are kept in {@link #extra()}.
 */
public record StyleGuide(
        String tone,
        String complexityLevel,
        String pacing,
        String humorLevel,
        Integer targetLengthMinutes,
        Structure structurePreferences,
        Rules rules,
        Map<String, Object> extra) {

    public StyleGuide {
        extra = Copies.map(extra);
    }

    public static StyleGuide empty() {
        return new StyleGuide(null, null, null, null, null, null, null, null);
    }

    public StyleGuide withTone(String tone) {
        return new StyleGuide(
                tone, complexityLevel, pacing, humorLevel, targetLengthMinutes, structurePreferences, rules, extra);
    }

    public StyleGuide withComplexityLevel(String complexityLevel) {
        return new StyleGuide(
                tone, complexityLevel, pacing, humorLevel, targetLengthMinutes, structurePreferences, rules, extra);
    }

    public StyleGuide withPacing(String pacing) {
        return new StyleGuide(
                tone, complexityLevel, pacing, humorLevel, targetLengthMinutes, structurePreferences, rules, extra);
    }

    public StyleGuide withHumorLevel(String humorLevel) {
        return new StyleGuide(
                tone, complexityLevel, pacing, humorLevel, targetLengthMinutes, structurePreferences, rules, extra);
    }

    public StyleGuide withTargetLengthMinutes(Integer targetLengthMinutes) {
        return new StyleGuide(
                tone, complexityLevel, pacing, humorLevel, targetLengthMinutes, structurePreferences, rules, extra);
    }

    public StyleGuide withStructurePreferences(Structure structurePreferences) {
        return new StyleGuide(
                tone, complexityLevel, pacing, humorLevel, targetLengthMinutes, structurePreferences, rules, extra);
    }

    public StyleGuide withRules(Rules rules) {
        return new StyleGuide(
                tone, complexityLevel, pacing, humorLevel, targetLengthMinutes, structurePreferences, rules, extra);
    }

    public StyleGuide withExtra(String key, Object value) {
        return new StyleGuide(
                tone,
                complexityLevel,
                pacing,
                humorLevel,
                targetLengthMinutes,
                structurePreferences,
                rules,
                Extra.with(extra, key, value));
    }

    /** {@code structure_preferences}: the shape of a video. */
    public record Structure(
            String hookStyle,
            Integer introLengthSeconds,
            Integer sectionsTarget,
            List<String> ctaPlacement,
            Map<String, Object> extra) {

        public Structure {
            ctaPlacement = Copies.list(ctaPlacement);
            extra = Copies.map(extra);
        }
    }

    /** {@code rules}: what the writer must and must not do. */
    public record Rules(List<String> dos, List<String> donts, Map<String, Object> extra) {

        public Rules {
            dos = Copies.list(dos);
            donts = Copies.list(donts);
            extra = Copies.map(extra);
        }
    }
}
