package io.acog.core.internal.pipeline.stage;

import io.acog.core.ValidationException;
import io.acog.core.internal.json.JsonCodec;
import java.util.Map;

/**
 * Whether ACOG can use what a provider answered. An answer that is missing, or does not fit the
 * schema's record for it, is a retryable failure of that provider: a language model may do better
 * on the next try.
 */
final class Answers {

    private Answers() {}

    static <T> T required(String provider, String what, T answer) {
        if (answer == null) {
            throw StageFailedException.retryable(provider + " returned no " + what);
        }
        return answer;
    }

    /** The provider's JSON object as JSON text, if it fits the record for it and can be stored. */
    static String fitting(String provider, String what, Map<String, Object> json, Class<?> shape) {
        required(provider, what, json);
        try {
            JsonCodec.convert(json, shape);
        } catch (IllegalArgumentException e) {
            throw StageFailedException.retryable(provider + " returned a " + what + " that does not fit "
                    + shape.getSimpleName() + ": " + e.getMessage());
        }
        try {
            return JsonCodec.text("episode", what, json);
        } catch (ValidationException e) {
            throw StageFailedException.retryable(
                    provider + " returned a " + what + " that cannot be stored: " + e.getMessage());
        }
    }
}
