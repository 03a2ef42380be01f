package io.acog.core.channel;

import io.acog.core.internal.json.Copies;
import java.util.List;
import java.util.Map;

/**
 * How the channel's videos are written and paced ({@code channels.style_guide}). {@link #pacing()}
 * sets the speaking rate used to estimate a script's duration (see {@link
 * io.acog.core.episode.SpeakingRate}). Unknown keys are kept in {@link #extra()}. Every component
 * but {@code extra} is nullable.
 *
 * @param tone e.g. {@code "educational_entertaining"}
 * @param complexityLevel e.g. {@code "accessible_advanced"}
 * @param pacing e.g. {@code "measured"}; sets the speaking rate
 * @param humorLevel e.g. {@code "light"}
 * @param targetLengthMinutes how long an episode should run, in minutes
 * @param structurePreferences the shape of a video
 * @param rules what the writer must and must not do
 * @param extra keys beyond these, kept as they are (e.g. {@code words_per_minute})
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

    /**
     * Creates a style guide, copying {@code extra} (null becomes empty).
     *
     * @param tone e.g. {@code "educational_entertaining"}
     * @param complexityLevel e.g. {@code "accessible_advanced"}
     * @param pacing e.g. {@code "measured"}; sets the speaking rate
     * @param humorLevel e.g. {@code "light"}
     * @param targetLengthMinutes how long an episode should run, in minutes
     * @param structurePreferences the shape of a video
     * @param rules what the writer must and must not do
     * @param extra keys beyond these, kept as they are (e.g. {@code words_per_minute})
     */
    public StyleGuide {
        extra = Copies.map(extra);
    }

    /**
     * Returns a style guide with nothing set; fill it with the {@code with...} methods.
     *
     * @return the empty style guide
     */
    public static StyleGuide empty() {
        return new StyleGuide(null, null, null, null, null, null, null, null);
    }

    /**
     * Returns a copy with another tone.
     *
     * @param tone e.g. {@code "educational_entertaining"}
     * @return the changed copy
     */
    public StyleGuide withTone(String tone) {
        return new StyleGuide(
                tone, complexityLevel, pacing, humorLevel, targetLengthMinutes, structurePreferences, rules, extra);
    }

    /**
     * Returns a copy with another complexity level.
     *
     * @param complexityLevel e.g. {@code "accessible_advanced"}
     * @return the changed copy
     */
    public StyleGuide withComplexityLevel(String complexityLevel) {
        return new StyleGuide(
                tone, complexityLevel, pacing, humorLevel, targetLengthMinutes, structurePreferences, rules, extra);
    }

    /**
     * Returns a copy with another pacing.
     *
     * @param pacing e.g. {@code "measured"}
     * @return the changed copy
     */
    public StyleGuide withPacing(String pacing) {
        return new StyleGuide(
                tone, complexityLevel, pacing, humorLevel, targetLengthMinutes, structurePreferences, rules, extra);
    }

    /**
     * Returns a copy with another humor level.
     *
     * @param humorLevel e.g. {@code "light"}
     * @return the changed copy
     */
    public StyleGuide withHumorLevel(String humorLevel) {
        return new StyleGuide(
                tone, complexityLevel, pacing, humorLevel, targetLengthMinutes, structurePreferences, rules, extra);
    }

    /**
     * Returns a copy with another target length.
     *
     * @param targetLengthMinutes in minutes; null for none
     * @return the changed copy
     */
    public StyleGuide withTargetLengthMinutes(Integer targetLengthMinutes) {
        return new StyleGuide(
                tone, complexityLevel, pacing, humorLevel, targetLengthMinutes, structurePreferences, rules, extra);
    }

    /**
     * Returns a copy with other structure preferences.
     *
     * @param structurePreferences the shape of a video
     * @return the changed copy
     */
    public StyleGuide withStructurePreferences(Structure structurePreferences) {
        return new StyleGuide(
                tone, complexityLevel, pacing, humorLevel, targetLengthMinutes, structurePreferences, rules, extra);
    }

    /**
     * Returns a copy with other rules.
     *
     * @param rules what the writer must and must not do
     * @return the changed copy
     */
    public StyleGuide withRules(Rules rules) {
        return new StyleGuide(
                tone, complexityLevel, pacing, humorLevel, targetLengthMinutes, structurePreferences, rules, extra);
    }

    /**
     * Returns a copy with the host application's own key, kept beside the seed's.
     *
     * @param key the JSON key
     * @param value a JSON-compatible value: string, number, boolean, list, map or null
     * @return the changed copy
     */
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

    /**
     * {@code structure_preferences}: the shape of a video.
     *
     * @param hookStyle e.g. {@code "question_or_mindblower"}
     * @param introLengthSeconds how long the intro runs, in seconds
     * @param sectionsTarget how many sections the body has
     * @param ctaPlacement where calls to action go, e.g. {@code "mid"}, {@code "end"}
     * @param extra keys beyond these, kept as they are
     */
    public record Structure(
            String hookStyle,
            Integer introLengthSeconds,
            Integer sectionsTarget,
            List<String> ctaPlacement,
            Map<String, Object> extra) {

        /**
         * Creates the preferences, copying the list and {@code extra} (null becomes empty).
         *
         * @param hookStyle e.g. {@code "question_or_mindblower"}
         * @param introLengthSeconds how long the intro runs, in seconds
         * @param sectionsTarget how many sections the body has
         * @param ctaPlacement where calls to action go, e.g. {@code "mid"}, {@code "end"}
         * @param extra keys beyond these, kept as they are
         */
        public Structure {
            ctaPlacement = Copies.list(ctaPlacement);
            extra = Copies.map(extra);
        }
    }

    /**
     * {@code rules}: what the writer must and must not do.
     *
     * @param dos what to do, e.g. {@code "Cite sources"}
     * @param donts what not to do, e.g. {@code "Clickbait titles"}
     * @param extra keys beyond these, kept as they are
     */
    public record Rules(List<String> dos, List<String> donts, Map<String, Object> extra) {

        /**
         * Creates the rules, copying the lists and {@code extra} (null becomes empty).
         *
         * @param dos what to do, e.g. {@code "Cite sources"}
         * @param donts what not to do, e.g. {@code "Clickbait titles"}
         * @param extra keys beyond these, kept as they are
         */
        public Rules {
            dos = Copies.list(dos);
            donts = Copies.list(donts);
            extra = Copies.map(extra);
        }
    }
}
