package io.acog.providers.synthesia;

import com.fasterxml.jackson.databind.JsonNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ProviderHttp;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Synthesia's error answers, read and classified. Synthesia's OpenAPI gives every error the body
 * {@code {"error": "...", "context": "..."}}; an {@code error} object with a {@code message} and a
 * top-level {@code message} are read too, and a body that is none of these is quoted. The status
 * decides: 400 and 422 an invalid request, 401 and 403 a refused key, 402 exhausted minutes, 404 a
 * video or upload that does not exist (all permanent); 429 a rate limit, retried after {@code
 * Retry-After} or Synthesia's {@code RateLimit-Reset} (seconds); 5xx retryable. One exception: a
 * create refused with 400, 404 or 422 naming its audio is retryable after {@link
 * #AUDIO_PROCESSING}, as Synthesia processes uploaded script audio after answering the upload (a
 * plan without audio uploads, {@value #AUDIO_UPLOAD_DISABLED}, stays permanent).
 */
final class SynthesiaErrors {

    /** What Synthesia answers a plan whose videos cannot take uploaded audio. */
    static final String AUDIO_UPLOAD_DISABLED = "FEATURES_AUDIO_UPLOAD_DISABLED";

    /** How long to give Synthesia to process uploaded audio before the create is tried again. */
    static final Duration AUDIO_PROCESSING = Duration.ofSeconds(30);

    /** A {@code RateLimit-Reset} this large is a time (epoch seconds), not a wait. */
    private static final long EPOCH_SECONDS = 1_000_000_000L;

    private final ProviderHttp http;
    private final Clock clock;

    SynthesiaErrors(ProviderHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * Classifies a failed answer.
     *
     * @param response the answer, its status not 2xx
     * @param body its body
     * @param what what the call did, e.g. {@code "create video"}
     * @param subject what a 404 means is missing, e.g. {@code "the video 'abc'"}
     * @return the exception, to throw
     */
    ProviderException classify(HttpResponse<?> response, byte[] body, String what, String subject) {
        int status = response.statusCode();
        String said = said(body);
        String provider = http.provider();
        if (what.equals(SynthesiaClient.CREATE)
                && (status == 400 || status == 404 || status == 422)
                && said.toLowerCase(Locale.ROOT).contains("audio")
                && !said.contains(AUDIO_UPLOAD_DISABLED)) {
            // Synthesia processes uploaded script audio after answering the upload: a create sent
            // at once may be refused for audio not yet usable. The retry reuses the uploaded audio.
            return ProviderException.retryable(
                    provider,
                    Reason.INVALID_REQUEST,
                    http.message(
                            response.request(),
                            what,
                            "the video was refused naming its script audio (HTTP " + status + "), which Synthesia"
                                    + " may still be processing after the upload; the create is tried again later"
                                    + " with the same audio",
                            said),
                    AUDIO_PROCESSING);
        }
        return switch (status) {
            case 400, 422 -> {
                String hint = said.contains(AUDIO_UPLOAD_DISABLED)
                        ? "; the Synthesia plan does not let videos take uploaded script audio (scriptAudio), which"
                                + " ACOG's Synthesia renderer needs: ask Synthesia to enable it, or render with another"
                                + " avatar provider"
                        : "";
                yield ProviderException.permanent(
                        provider,
                        Reason.INVALID_REQUEST,
                        http.message(
                                response.request(),
                                what,
                                "the request was refused as invalid (HTTP " + status + ")" + hint,
                                said));
            }
            case 401, 403 ->
                ProviderException.permanent(
                        provider,
                        Reason.AUTHENTICATION,
                        http.message(
                                response.request(),
                                what,
                                "the API key was refused (HTTP " + status + "); check "
                                        + SynthesiaSettings.key(SynthesiaSettings.API_KEY)
                                        + " and that the account's plan includes API access",
                                said));
            case 402 ->
                ProviderException.permanent(
                        provider,
                        Reason.QUOTA_EXHAUSTED,
                        http.message(
                                response.request(),
                                what,
                                "the Synthesia account has no video minutes left (HTTP 402); add minutes or"
                                        + " upgrade the plan, then retry the episode",
                                said));
            case 404 ->
                ProviderException.permanent(
                        provider,
                        Reason.NOT_FOUND,
                        http.message(
                                response.request(),
                                what,
                                subject + " does not exist at Synthesia for this API key (HTTP 404)",
                                said));
            case 429 ->
                ProviderException.retryable(
                        provider,
                        Reason.RATE_LIMITED,
                        http.message(response.request(), what, "rate limited (HTTP 429)", said),
                        retryAfter(response.headers()).orElse(null));
            default -> http.failure(response, what, said);
        };
    }

    /**
     * Reads how long a rate limit asks to wait: {@code Retry-After} (or {@code retry-after-ms}),
     * else Synthesia's {@code RateLimit-Reset}, the seconds until the breached limit resets (a value
     * that large it can only be a time is read as epoch seconds).
     *
     * @param headers the answer's headers
     * @return the wait, or empty when the answer names none
     */
    Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<Duration> standard = http.retryAfter(headers);
        if (standard.isPresent()) {
            return standard;
        }
        return headers.firstValue("ratelimit-reset").flatMap(value -> {
            try {
                long seconds = (long) Math.ceil(Double.parseDouble(value.trim()));
                if (seconds >= EPOCH_SECONDS) {
                    Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(seconds));
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                }
                return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Reads what an error body says: {@code error} and {@code context}, or a {@code message}.
     *
     * @param body the body
     * @return what it said; a body that is not JSON is quoted as it is
     */
    static String said(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : JsonBodies.MAPPER.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return ProviderHttp.text(body);
        }
        JsonNode error = root.get("error");
        String text = null;
        if (error != null && error.isObject()) {
            text = join(text(error, "code"), text(error, "message"));
        } else if (error != null && error.isTextual()) {
            text = error.asText();
        }
        text = join(text, text(root, "message"));
        text = join(text, text(root, "context"));
        return text == null ? ProviderHttp.text(body) : text;
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null || first.toLowerCase(Locale.ROOT).contains(second.toLowerCase(Locale.ROOT))
                ? first
                : first + " (" + second + ")";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }
}
