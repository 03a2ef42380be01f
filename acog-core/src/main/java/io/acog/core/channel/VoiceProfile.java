package io.acog.core.channel;

import io.acog.core.internal.json.Copies;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The channel's voice ({@code channels.voice_profile}): the speech provider (ElevenLabs, ...), its
 * voice and model, and the synthesis settings. Unknown keys are kept in {@link #extra()}.
 */
public record VoiceProfile(
        String provider, String voiceId, String voiceName, String model, Settings settings, Map<String, Object> extra) {

    public VoiceProfile {
        extra = Copies.map(extra);
    }

    /** A profile naming the provider and its voice; the rest unset. */
    public static VoiceProfile of(String provider, String voiceId) {
        return new VoiceProfile(provider, voiceId, null, null, null, null);
    }

    public VoiceProfile withModel(String model) {
        return new VoiceProfile(provider, voiceId, voiceName, model, settings, extra);
    }

    public VoiceProfile withSettings(Settings settings) {
        return new VoiceProfile(provider, voiceId, voiceName, model, settings, extra);
    }

    public VoiceProfile withExtra(String key, Object value) {
        return new VoiceProfile(provider, voiceId, voiceName, model, settings, Extra.with(extra, key, value));
    }

    /** {@code settings}: synthesis parameters as ElevenLabs names them. */
    public record Settings(
            BigDecimal stability,
            BigDecimal similarityBoost,
            BigDecimal style,
            Boolean useSpeakerBoost,
            BigDecimal speed,
            Map<String, Object> extra) {

        public Settings {
            extra = Copies.map(extra);
        }
    }
}
