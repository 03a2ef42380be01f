package io.acog.core.channel;

import io.acog.core.internal.json.Copies;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The channel's voice ({@code channels.voice_profile}): the speech provider (ElevenLabs, ...), its
 * voice and model, and the synthesis settings. Unknown keys are kept in {@link #extra()}. Every
 * component but {@code extra} is nullable.
 *
 * @param provider the speech provider's name, e.g. {@code "elevenlabs"}; chooses among the
 *     pipeline's voice synthesizers
 * @param voiceId the provider's id of the voice
 * @param voiceName a readable name of the voice
 * @param model the provider's model, e.g. {@code "eleven_turbo_v2"}
 * @param settings the synthesis parameters
 * @param extra keys beyond these, kept as they are
 */
public record VoiceProfile(
        String provider, String voiceId, String voiceName, String model, Settings settings, Map<String, Object> extra) {

    /**
     * Creates a profile, copying {@code extra} (null becomes empty).
     *
     * @param provider the speech provider's name, e.g. {@code "elevenlabs"}; chooses among the
     *     pipeline's voice synthesizers
     * @param voiceId the provider's id of the voice
     * @param voiceName a readable name of the voice
     * @param model the provider's model, e.g. {@code "eleven_turbo_v2"}
     * @param settings the synthesis parameters
     * @param extra keys beyond these, kept as they are
     */
    public VoiceProfile {
        extra = Copies.map(extra);
    }

    /**
     * Returns a profile naming the provider and its voice; the rest unset.
     *
     * @param provider the speech provider's name, e.g. {@code "elevenlabs"}
     * @param voiceId the provider's id of the voice
     * @return the profile
     */
    public static VoiceProfile of(String provider, String voiceId) {
        return new VoiceProfile(provider, voiceId, null, null, null, null);
    }

    /**
     * Returns a copy with another model.
     *
     * @param model the provider's model
     * @return the changed copy
     */
    public VoiceProfile withModel(String model) {
        return new VoiceProfile(provider, voiceId, voiceName, model, settings, extra);
    }

    /**
     * Returns a copy with other synthesis settings.
     *
     * @param settings the settings
     * @return the changed copy
     */
    public VoiceProfile withSettings(Settings settings) {
        return new VoiceProfile(provider, voiceId, voiceName, model, settings, extra);
    }

    /**
     * Returns a copy with the host application's own key, kept beside the seed's.
     *
     * @param key the JSON key
     * @param value a JSON-compatible value: string, number, boolean, list, map or null
     * @return the changed copy
     */
    public VoiceProfile withExtra(String key, Object value) {
        return new VoiceProfile(provider, voiceId, voiceName, model, settings, Extra.with(extra, key, value));
    }

    /**
     * {@code settings}: synthesis parameters as ElevenLabs names them. Every component but {@code
     * extra} is nullable.
     *
     * @param stability e.g. {@code 0.5}
     * @param similarityBoost e.g. {@code 0.75}
     * @param style e.g. {@code 0.3}
     * @param useSpeakerBoost whether to boost the speaker's similarity
     * @param speed the speaking speed, 1 being normal
     * @param extra keys beyond these, kept as they are
     */
    public record Settings(
            BigDecimal stability,
            BigDecimal similarityBoost,
            BigDecimal style,
            Boolean useSpeakerBoost,
            BigDecimal speed,
            Map<String, Object> extra) {

        /**
         * Creates the settings, copying {@code extra} (null becomes empty).
         *
         * @param stability e.g. {@code 0.5}
         * @param similarityBoost e.g. {@code 0.75}
         * @param style e.g. {@code 0.3}
         * @param useSpeakerBoost whether to boost the speaker's similarity
         * @param speed the speaking speed, 1 being normal
         * @param extra keys beyond these, kept as they are
         */
        public Settings {
            extra = Copies.map(extra);
        }
    }
}
