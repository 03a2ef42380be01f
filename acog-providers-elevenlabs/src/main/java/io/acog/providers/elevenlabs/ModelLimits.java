package io.acog.providers.elevenlabs;

import java.util.Locale;
import java.util.Map;

/**
 * What ElevenLabs' models allow one request, as its documentation states: how many characters of
 * text, and whether requests can be stitched with {@code previous_request_ids}.
 */
final class ModelLimits {

    /** The characters a model we do not know may be sent at once: the smallest documented limit. */
    static final int UNKNOWN_MODEL_LIMIT = 5_000;

    private static final Map<String, Integer> CHARACTERS = Map.of(
            "eleven_multilingual_v2", 10_000,
            "eleven_multilingual_v1", 10_000,
            "eleven_monolingual_v1", 10_000,
            "eleven_english_v2", 10_000,
            "eleven_flash_v2_5", 40_000,
            "eleven_turbo_v2_5", 40_000,
            "eleven_flash_v2", 30_000,
            "eleven_turbo_v2", 30_000,
            "eleven_v3", 5_000);

    private ModelLimits() {}

    /**
     * Returns how many characters one request to {@code model} may carry.
     *
     * @param model the {@code model_id}
     * @return the limit; {@value #UNKNOWN_MODEL_LIMIT} for a model not listed
     */
    static int characters(String model) {
        return CHARACTERS.getOrDefault(model.toLowerCase(Locale.ROOT), UNKNOWN_MODEL_LIMIT);
    }

    /**
     * Tells whether {@code model} takes {@code previous_request_ids}: every model but {@code
     * eleven_v3} (and its variants), which ElevenLabs documents as not stitching requests.
     *
     * @param model the {@code model_id}
     * @return whether requests to it can be stitched
     */
    static boolean stitches(String model) {
        return !model.toLowerCase(Locale.ROOT).startsWith("eleven_v3");
    }
}
