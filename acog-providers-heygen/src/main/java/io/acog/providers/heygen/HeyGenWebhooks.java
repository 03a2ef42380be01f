package io.acog.providers.heygen;

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
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks HeyGen's webhook deliveries ({@code {"event_type":"avatar_video.success","event_data":
 * {"video_id","url","callback_id"}}}) and says which render they are about. HeyGen signs them with
 * the endpoint's {@code whsec_…} secret; as its documentation does not pin the header down, both
 * plausible forms are accepted:
 *
 * <ol>
 *   <li>Standard Webhooks (Svix): {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and
 *       {@code webhook-signature}, a space-separated list of {@code v1,<base64>}, each an
 *       HMAC-SHA256 of {@code "<id>.<timestamp>.<raw body>"} keyed with the base64-decoded part of
 *       the secret after {@code whsec_}. The timestamp must be within {@code
 *       heygen.webhook-tolerance} of now, and an id is admitted once.
 *   <li>A plain {@code Signature} (or {@code X-HeyGen-Signature}) header: the hex HMAC-SHA256 of the
 *       raw body keyed with the secret's UTF-8 bytes. It carries no timestamp, so a stale delivery
 *       cannot be told; a signature seen within the tolerance is rejected as a replay.
 * </ol>
 *
 * <p>Signatures are compared in constant time, and checked before the body is read. Events other
 * than {@code avatar_video.success} and {@code avatar_video.fail} are genuine but not followed:
 * empty. Thread-safe.
 */
final class HeyGenWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(HeyGenWebhooks.class);

    static final String SUCCESS = "avatar_video.success";
    static final String FAIL = "avatar_video.fail";

    static final String STANDARD_ID = "webhook-id";
    static final String STANDARD_TIMESTAMP = "webhook-timestamp";
    static final String STANDARD_SIGNATURE = "webhook-signature";
    static final String PLAIN_SIGNATURE = "Signature";
    static final String HEYGEN_SIGNATURE = "X-HeyGen-Signature";

    private static final String SECRET_PREFIX = "whsec_";
    private static final Set<String> FOLLOWED = Set.of(SUCCESS, FAIL);

    /** The Standard Webhooks key (the secret's base64 part, decoded); null without a secret. */
    private final byte[] standardKey;
    /** The plain form's key (the secret's UTF-8 bytes); null without a secret. */
    private final byte[] plainKey;

    private final ReplayGuard guard;
    private final Clock clock;

    /**
     * Creates the checks.
     *
     * @param secret {@code heygen.webhook-secret}; null when none is configured
     * @param tolerance {@code heygen.webhook-tolerance}
     * @param clock the time now
     */
    HeyGenWebhooks(Secret secret, Duration tolerance, Clock clock) {
        this.clock = clock;
        this.guard = new ReplayGuard(HeyGenSettings.NAME, tolerance, clock);
        if (secret == null) {
            this.standardKey = null;
            this.plainKey = null;
        } else {
            String value = secret.reveal();
            this.plainKey = WebhookSignatures.utf8(value);
            this.standardKey = standardKey(value);
        }
    }

    /**
     * Tells whether a webhook secret is configured.
     *
     * @return whether deliveries can be verified
     */
    boolean configured() {
        return plainKey != null;
    }

    /**
     * Verifies a delivery and reads which render it is about.
     *
     * @param delivery the request as received
     * @return the render's event; empty for a genuine event ACOG does not follow
     * @throws WebhookRejectedException when it is not configured, unsigned, wrongly signed, stale,
     *     replayed or unreadable
     */
    Optional<WebhookEvent> receive(WebhookDelivery delivery) {
        if (!configured()) {
            throw rejected(
                    Reason.NOT_CONFIGURED,
                    HeyGenSettings.key(HeyGenSettings.WEBHOOK_SECRET) + " is not set: set it to the whsec_ secret"
                            + " HeyGen gave when the endpoint was registered (POST /v3/webhooks/endpoints)");
        }
        Optional<String> standard = delivery.header(STANDARD_SIGNATURE);
        Optional<String> plain = delivery.header(PLAIN_SIGNATURE).or(() -> delivery.header(HEYGEN_SIGNATURE));
        if (standard.isPresent()) {
            verifyStandard(delivery, standard.get());
        } else if (plain.isPresent()) {
            verifyPlain(delivery, plain.get());
        } else {
            throw rejected(
                    Reason.UNSIGNED,
                    "it has no " + STANDARD_SIGNATURE + ", " + PLAIN_SIGNATURE + " or " + HEYGEN_SIGNATURE + " header");
        }
        return event(delivery);
    }

    private void verifyStandard(WebhookDelivery delivery, String signatures) {
        String id = delivery.header(STANDARD_ID).orElse("").strip();
        String timestamp = delivery.header(STANDARD_TIMESTAMP).orElse("").strip();
        if (id.isEmpty() || timestamp.isEmpty()) {
            throw rejected(
                    Reason.UNSIGNED,
                    "it has a " + STANDARD_SIGNATURE + " but no " + (id.isEmpty() ? STANDARD_ID : STANDARD_TIMESTAMP)
                            + " header, which the signature covers");
        }
        Instant sentAt;
        try {
            sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (NumberFormatException | DateTimeException e) {
            throw rejected(Reason.UNSIGNED, "its " + STANDARD_TIMESTAMP + " is not a time in Unix seconds");
        }
        byte[] expected = WebhookSignatures.hmacSha256(
                standardKey, WebhookSignatures.utf8(id + "." + timestamp + "."), delivery.body());
        boolean matched = false;
        for (String signature : signatures.strip().split("\\s+", -1)) {
            int comma = signature.indexOf(',');
            if (comma > 0 && signature.substring(0, comma).equals("v1")) {
                // every listed signature is compared, so the time taken does not tell which matched
                matched |= WebhookSignatures.matchesBase64(expected, signature.substring(comma + 1));
            }
        }
        if (!matched) {
            throw rejected(Reason.BAD_SIGNATURE, "no v1 signature in " + STANDARD_SIGNATURE + " matches its body");
        }
        guard.admit(sentAt, "webhook-id " + id);
    }

    private void verifyPlain(WebhookDelivery delivery, String signature) {
        byte[] expected = WebhookSignatures.hmacSha256(plainKey, delivery.body());
        if (!WebhookSignatures.matchesHex(expected, signature)) {
            throw rejected(Reason.BAD_SIGNATURE, "its signature header does not match its body");
        }
        // no signed timestamp: the signature itself identifies the delivery within the window
        guard.admit(clock.instant(), "signature " + signature.strip().toLowerCase(Locale.ROOT));
    }

    private Optional<WebhookEvent> event(WebhookDelivery delivery) {
        JsonNode root;
        try {
            root = JsonBodies.MAPPER.readTree(delivery.body());
        } catch (IOException e) {
            throw rejected(Reason.MALFORMED, "its body is not JSON");
        }
        JsonNode type = root == null ? null : root.get("event_type");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            throw rejected(Reason.MALFORMED, "its body has no event_type");
        }
        if (!FOLLOWED.contains(type.asText())) {
            LOG.debug("HeyGen webhook {} is not about an avatar video's end: ignored", type.asText());
            return Optional.empty();
        }
        JsonNode videoId = root.path("event_data").get("video_id");
        if (videoId == null || !videoId.isTextual() || videoId.asText().isBlank()) {
            throw rejected(Reason.MALFORMED, "its " + type.asText() + " event has no event_data.video_id");
        }
        return Optional.of(new WebhookEvent(videoId.asText(), type.asText()));
    }

    /**
     * The key of the Standard Webhooks form: the base64 after {@code whsec_}, decoded; a secret that
     * is not base64 is taken as its UTF-8 bytes, so a delivery can still match.
     */
    private static byte[] standardKey(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            byte[] key = Base64.getDecoder().decode(encoded);
            if (key.length > 0) {
                return key;
            }
        } catch (IllegalArgumentException notBase64) {
            // taken as text below
        }
        return WebhookSignatures.utf8(secret);
    }

    private static WebhookRejectedException rejected(Reason reason, String message) {
        return new WebhookRejectedException(HeyGenSettings.NAME, reason, message);
    }
}
