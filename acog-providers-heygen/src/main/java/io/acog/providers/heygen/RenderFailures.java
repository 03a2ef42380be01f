package io.acog.providers.heygen;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a render HeyGen gave up on ({@code status: failed}) is worth submitting anew, by its
 * {@code failure_code}. HeyGen documents no full list of these codes, so the rule is:
 *
 * <ul>
 *   <li>permanent: content HeyGen refused (moderation, blocked words, a policy violation) and
 *       input it cannot render (invalid or missing parameters, an unknown avatar or voice, an
 *       unsupported or corrupted file, audio too long for the plan, no credit): codes that say so
 *       (that contain one of {@link #PERMANENT_WORDS}), and the v1 API's numeric codes, which are all
 *       client errors (4xxxx, e.g. {@code 400105} BLOCKED_WORDS_DETECTED, {@code 40119} video too
 *       long);
 *   <li>retryable: HeyGen's own trouble ({@code rendering_failed}, {@code internal_error}, a
 *       timeout) and {@code download_failed} (HeyGen could not fetch the audio: the next attempt
 *       gives a freshly signed URL or uploads it), and every code not known to be permanent, or no
 *       code at all.
 * </ul>
 *
 * <p>Unknown codes are retryable because a render HeyGen fails is not billed, and ACOG's attempts
 * per job are bounded: a wrong guess costs a few minutes of retries, where calling a passing fault
 * permanent would fail the episode.
 */
final class RenderFailures {

    /** Codes of HeyGen's own trouble, retryable whatever words they contain. */
    private static final Set<String> RETRYABLE =
            Set.of("rendering_failed", "internal_error", "download_failed", "timeout", "service_unavailable");

    /** Words of a code that names refused content or input HeyGen cannot render. */
    static final List<String> PERMANENT_WORDS = List.of(
            "moderat",
            "block",
            "violat",
            "policy",
            "inappropriate",
            "reject",
            "invalid",
            "missing",
            "not_found",
            "unsupported",
            "not_supported",
            "corrupt",
            "too_long",
            "too_short",
            "exceed",
            "insufficient",
            "forbidden");

    private RenderFailures() {}

    /**
     * Tells whether a failed render may succeed when submitted anew.
     *
     * @param code HeyGen's {@code failure_code} (or the v1 {@code error.code}); null when it gave
     *     none
     * @return false for content or input HeyGen refuses, true otherwise
     */
    static boolean retryable(String code) {
        if (code == null || code.isBlank()) {
            return true;
        }
        String lower = code.strip().toLowerCase(Locale.ROOT);
        if (RETRYABLE.contains(lower)) {
            return true;
        }
        if (lower.chars().allMatch(Character::isDigit)) {
            return !lower.startsWith("4");
        }
        return PERMANENT_WORDS.stream().noneMatch(lower::contains);
    }
}
