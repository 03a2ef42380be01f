package io.acog.providers.synthesia;

import com.fasterxml.jackson.databind.JsonNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ReplayGuard;
import io.acog.providers.http.WebhookSignatures;
import io.acog.spi.Secret;
import io.acog.spi.WebhookDelivery;
import io.acog.spi.WebhookEvent;
import io.acog.spi.WebhookRejectedException;
import io.acog.spi.WebhookRejectedException.Reason;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Synthesia's webhook deliveries, verified as its guide "Verifying Synthesia Signatures" says: the
 * {@code Synthesia-Signature} header is the hex HMAC-SHA256, keyed with the webhook secret's UTF-8
 * bytes, of the {@code Synthesia-Timestamp} header, a {@code .}, and the raw body. The signature is
 * compared in constant time; then the timestamp must be within the tolerance (Synthesia does not
 * say its unit: seconds and milliseconds since the epoch are both read, told apart by size, and an
 * ISO-8601 time too), and the delivery not seen before (its signature identifies it, as the body
 * carries no event id). The body is {@code {"type": "video.completed" | "video.failed", "data":
 * {"id": …, …}}}; other types are genuine but not followed. Thread-safe.
 */
final class SynthesiaWebhooks {

    static final String SIGNATURE = "Synthesia-Signature";
    static final String TIMESTAMP = "Synthesia-Timestamp";

    static final String COMPLETED = "video.completed";
    static final String FAILED = "video.failed";

    /** The event types that end a render, which the pipeline follows. */
    private static final Set<String> FOLLOWED = Set.of(COMPLETED, FAILED);

    /** A timestamp this large cannot be seconds (the year 5138): it is milliseconds. */
    private static final long MILLIS_FROM = 100_000_000_000L;

    private final Secret secret;
    private final ReplayGuard replays;

    /**
     * Creates the verifier.
     *
     * @param secret the webhook's secret, as Synthesia gave it when the webhook was created; null
     *     when none is configured, which rejects every delivery
     * @param settings the tolerance
     * @param clock the time now
     */
    SynthesiaWebhooks(Secret secret, SynthesiaSettings settings, Clock clock) {
        this.secret = secret;
        this.replays = new ReplayGuard(SynthesiaSettings.NAME, settings.webhookTolerance(), clock);
    }

    /**
     * Verifies a delivery and reads which video it reports on.
     *
     * @param delivery the request as received
     * @return the video's event, or empty for a genuine event of a type not followed
     * @throws WebhookRejectedException when no secret is configured, or the delivery is unsigned,
     *     wrongly signed, stale, replayed or unreadable
     */
    Optional<WebhookEvent> receive(WebhookDelivery delivery) {
        if (secret == null) {
            throw reject(
                    Reason.NOT_CONFIGURED,
                    "no webhook secret is configured: set " + SynthesiaSettings.key(SynthesiaSettings.WEBHOOK_SECRET)
                            + " to the secret Synthesia returned when the webhook was created");
        }
        Optional<String> signature =
                delivery.header(SIGNATURE).map(String::trim).filter(value -> !value.isEmpty());
        Optional<String> timestamp =
                delivery.header(TIMESTAMP).map(String::trim).filter(value -> !value.isEmpty());
        if (signature.isEmpty() || timestamp.isEmpty()) {
            throw reject(
                    Reason.UNSIGNED,
                    "the delivery lacks the " + (signature.isEmpty() ? SIGNATURE : TIMESTAMP)
                            + " header Synthesia signs with");
        }
        byte[] expected = WebhookSignatures.hmacSha256(
                WebhookSignatures.utf8(secret.reveal()),
                WebhookSignatures.utf8(timestamp.get()),
                WebhookSignatures.utf8("."),
                delivery.body());
        if (!WebhookSignatures.matchesHex(expected, signature.get())) {
            throw reject(
                    Reason.BAD_SIGNATURE,
                    "the " + SIGNATURE + " header does not match the body and timestamp under the webhook secret");
        }
        Instant sentAt = sentAt(timestamp.get())
                .orElseThrow(() -> reject(
                        Reason.MALFORMED,
                        "the " + TIMESTAMP + " header is not a time (seconds or milliseconds since the epoch)"));
        replays.admit(sentAt, "signature:" + signature.get().toLowerCase(Locale.ROOT));
        return event(delivery.body());
    }

    /**
     * Reads a signed timestamp: seconds since the epoch (a fraction allowed), milliseconds when the
     * number is too large for seconds, or an ISO-8601 instant.
     *
     * @param value the header's value
     * @return the time, or empty when it is none of these
     */
    static Optional<Instant> sentAt(String value) {
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.signum() < 0) {
                return Optional.empty();
            }
            BigDecimal millis =
                    number.compareTo(BigDecimal.valueOf(MILLIS_FROM)) >= 0 ? number : number.movePointRight(3);
            return Optional.of(Instant.ofEpochMilli(millis.longValue()));
        } catch (NumberFormatException | ArithmeticException | DateTimeException notNumber) {
            try {
                return Optional.of(Instant.parse(value));
            } catch (DateTimeParseException notInstant) {
                return Optional.empty();
            }
        }
    }

    private static Optional<WebhookEvent> event(byte[] body) {
        JsonNode json;
        try {
            json = JsonBodies.MAPPER.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw reject(Reason.MALFORMED, "the signed body is not a JSON object");
        }
        String type = json.path("type").asText("").trim();
        if (type.isEmpty()) {
            throw reject(Reason.MALFORMED, "the signed body names no event type");
        }
        if (!FOLLOWED.contains(type)) {
            return Optional.empty();
        }
        String videoId = json.path("data").path("id").asText("").trim();
        if (videoId.isEmpty()) {
            throw reject(Reason.MALFORMED, "the " + type + " event names no video (data.id)");
        }
        return Optional.of(new WebhookEvent(videoId, type));
    }

    private static WebhookRejectedException reject(Reason reason, String message) {
        return new WebhookRejectedException(SynthesiaSettings.NAME, reason, message);
    }
}
