package io.acog.providers.elevenlabs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a channel's {@code voice_profile} asks of ElevenLabs: the voice ({@code voice_id}, else
 * {@code elevenlabs.voice-id}), the model ({@code model}, else {@code elevenlabs.model}), the
 * {@code voice_settings} from its {@code settings} (stability, similarity boost, style, speaker
 * boost and speaking rate, each also read from the profile's top level when {@code settings}
 * lacks it; those it leaves out keep the voice's own), and a {@code seed} when it sets one.
 *
 * @param voiceId the voice
 * @param model the {@code model_id}
 * @param voiceSettings the {@code voice_settings}; null when the profile sets none
 * @param seed the {@code seed}; null when the profile sets none
 */
record VoiceChoice(String voiceId, String model, ObjectNode voiceSettings, Long seed) {

    /** The {@code voice_profile.settings} keys sent as numbers. */
    private static final List<String> NUMBERS = List.of("stability", "similarity_boost", "style", "speed");

    private static final String SPEAKER_BOOST = "use_speaker_boost";

    /**
     * Reads the channel's voice profile.
     *
     * @param profile the channel's {@code voice_profile}
     * @param settings the adapter's settings, for the defaults
     * @return the choice
     * @throws ProviderException (permanent, {@link Reason#INVALID_REQUEST}) naming the key when the
     *     voice is missing or a value has the wrong type
     */
    static VoiceChoice of(Map<String, Object> profile, ElevenLabsSettings settings) {
        String voiceId = text(profile, "voice_id");
        if (voiceId == null) {
            voiceId = settings.voiceId();
        }
        if (voiceId == null) {
            throw invalid("the channel's voice_profile.voice_id is not set and neither is the default "
                    + ElevenLabsSettings.key(ElevenLabsSettings.VOICE_ID)
                    + ": set the ElevenLabs voice's id (from its voice library) in either");
        }
        String model = text(profile, "model");
        return new VoiceChoice(
                voiceId, model == null ? settings.model() : model, voiceSettings(profile), seed(profile));
    }

    private static ObjectNode voiceSettings(Map<String, Object> profile) {
        Object settings = profile.get("settings");
        if (settings != null && !(settings instanceof Map<?, ?>)) {
            throw invalid("voice_profile.settings is " + describe(settings) + "; it must be an object");
        }
        Map<?, ?> nested = settings == null ? Map.of() : (Map<?, ?>) settings;
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (String key : NUMBERS) {
            Setting setting = setting(profile, nested, key);
            if (setting != null) {
                node.put(key, number(setting.key(), setting.value()));
            }
        }
        Setting boost = setting(profile, nested, SPEAKER_BOOST);
        if (boost != null) {
            node.put(SPEAKER_BOOST, flag(boost.key(), boost.value()));
        }
        return node.isEmpty() ? null : node;
    }

    /** A voice setting's value and the key it was found under, for messages. */
    private record Setting(String key, Object value) {}

    /**
     * A voice setting from {@code settings}, else from the profile's top level, where the schema's
     * first description of {@code voice_profile} put {@code stability} and {@code similarity_boost}.
     */
    private static Setting setting(Map<String, Object> profile, Map<?, ?> nested, String key) {
        if (nested.get(key) != null) {
            return new Setting("voice_profile.settings." + key, nested.get(key));
        }
        return profile.get(key) == null ? null : new Setting("voice_profile." + key, profile.get(key));
    }

    private static Long seed(Map<String, Object> profile) {
        Object seed = profile.get("seed");
        if (seed == null) {
            return null;
        }
        try {
            return number("voice_profile.seed", seed).longValueExact();
        } catch (ArithmeticException e) {
            throw invalid("voice_profile.seed is " + describe(seed) + "; it must be a whole number");
        }
    }

    private static String text(Map<String, Object> profile, String key) {
        Object value = profile.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw invalid("voice_profile." + key + " is " + describe(value) + "; it must be a string");
        }
        return text.isBlank() ? null : text.strip();
    }

    private static BigDecimal number(String key, Object value) {
        try {
            if (value instanceof BigDecimal decimal) {
                return decimal;
            }
            if (value instanceof Number || value instanceof String) {
                return new BigDecimal(value.toString().strip()); // NaN and infinities are refused here
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid(key + " is " + describe(value) + "; it must be a number");
    }

    private static boolean flag(String key, Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof String text) {
            String word = text.strip().toLowerCase(Locale.ROOT);
            if (word.equals("true") || word.equals("false")) {
                return word.equals("true");
            }
        }
        throw invalid(key + " is " + describe(value) + "; it must be true or false");
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
    }

    private static ProviderException invalid(String message) {
        return ProviderException.permanent(ElevenLabsSettings.NAME, Reason.INVALID_REQUEST, message);
    }
}
