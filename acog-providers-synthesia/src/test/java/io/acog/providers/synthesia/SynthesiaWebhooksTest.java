package io.acog.providers.synthesia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.acog.spi.ProviderConfig;
import io.acog.spi.Secret;
import io.acog.spi.WebhookDelivery;
import io.acog.spi.WebhookEvent;
import io.acog.spi.WebhookRejectedException;
import io.acog.spi.WebhookRejectedException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Synthesia's signed deliveries: what is accepted, and each way one is rejected. */
class SynthesiaWebhooksTest {

    private static final String SECRET = "0c4b1f9e-5d2a-4c7e-b8f3-9a6d1e2c3b4a";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String VIDEO = "6a1b2c3d-0000-4000-8000-123456789abc";

    private final SynthesiaWebhooks webhooks = webhooks(SECRET, Duration.ofMinutes(10));

    @Test
    void aCompletedVideoSignedWithSecondsNamesItsVideo() {
        Optional<WebhookEvent> event = webhooks.receive(delivery(completed(VIDEO), seconds(NOW), SECRET));

        assertThat(event).contains(new WebhookEvent(VIDEO, "video.completed"));
    }

    @Test
    void aFailedVideoNamesItsVideoToo() {
        String body = "{\"type\":\"video.failed\",\"data\":{\"id\":\"" + VIDEO + "\",\"status\":\"error\"}}";

        assertThat(webhooks.receive(delivery(body, seconds(NOW), SECRET)))
                .contains(new WebhookEvent(VIDEO, "video.failed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"millis", "fraction", "iso"})
    void timestampsInMillisecondsFractionsOrIsoAreRead(String unit) {
        String timestamp = switch (unit) {
            case "millis" -> String.valueOf(NOW.minusSeconds(30).toEpochMilli());
            case "fraction" -> NOW.minusSeconds(30).getEpochSecond() + ".25";
            default -> NOW.minusSeconds(30).toString();
        };

        assertThat(webhooks.receive(delivery(completed(VIDEO), timestamp, SECRET)))
                .map(WebhookEvent::taskId)
                .contains(VIDEO);
    }

    @Test
    void anUpperCaseSignatureIsTheSame() {
        String timestamp = seconds(NOW);
        String body = completed(VIDEO);
        WebhookDelivery delivery = WebhookDelivery.of(
                Map.of(
                        "synthesia-timestamp",
                        timestamp,
                        "SYNTHESIA-SIGNATURE",
                        SynthesiaTckTest.sign(SECRET, timestamp + "." + body).toUpperCase(Locale.ROOT)),
                body);

        assertThat(webhooks.receive(delivery)).isPresent();
    }

    @Test
    void theSameDeliveryTwiceIsAReplay() {
        WebhookDelivery delivery = delivery(completed(VIDEO), seconds(NOW), SECRET);
        webhooks.receive(delivery);

        assertRejected(delivery, Reason.REPLAYED);
    }

    @Test
    void anotherDeliveryAboutTheSameVideoIsNotAReplay() {
        webhooks.receive(delivery(completed(VIDEO), seconds(NOW.minusSeconds(60)), SECRET));

        assertThat(webhooks.receive(delivery(completed(VIDEO), seconds(NOW), SECRET)))
                .isPresent();
    }

    @Test
    void aDeliveryOfAnotherTypeIsGenuineButNotFollowed() {
        String body = "{\"type\":\"video.created\",\"data\":{\"id\":\"" + VIDEO + "\"}}";

        assertThat(webhooks.receive(delivery(body, seconds(NOW), SECRET))).isEmpty();
    }

    @Test
    void aTamperedBodyIsABadSignature() {
        WebhookDelivery genuine = delivery(completed(VIDEO), seconds(NOW), SECRET);
        WebhookDelivery tampered = new WebhookDelivery(
                genuine.headers(), completed("someone-elses-video").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertRejected(tampered, Reason.BAD_SIGNATURE);
    }

    @Test
    void aTamperedTimestampIsABadSignature() {
        String body = completed(VIDEO);
        String signature = SynthesiaTckTest.sign(SECRET, seconds(NOW.minusSeconds(3600)) + "." + body);
        WebhookDelivery moved =
                WebhookDelivery.of(Map.of("Synthesia-Timestamp", seconds(NOW), "Synthesia-Signature", signature), body);

        assertRejected(moved, Reason.BAD_SIGNATURE);
    }

    @Test
    void aDeliverySignedWithAnotherSecretIsABadSignature() {
        assertRejected(delivery(completed(VIDEO), seconds(NOW), "another-secret-entirely"), Reason.BAD_SIGNATURE);
    }

    @Test
    void aSignatureThatIsNotHexIsABadSignature() {
        String body = completed(VIDEO);
        WebhookDelivery delivery = WebhookDelivery.of(
                Map.of("Synthesia-Timestamp", seconds(NOW), "Synthesia-Signature", "sha256=not-hex"), body);

        assertRejected(delivery, Reason.BAD_SIGNATURE);
    }

    @Test
    void aDeliveryWithoutItsSignatureOrTimestampIsUnsigned() {
        String body = completed(VIDEO);
        String timestamp = seconds(NOW);
        String signature = SynthesiaTckTest.sign(SECRET, timestamp + "." + body);

        assertRejected(WebhookDelivery.of(Map.of("Synthesia-Timestamp", timestamp), body), Reason.UNSIGNED);
        assertRejected(WebhookDelivery.of(Map.of("Synthesia-Signature", signature), body), Reason.UNSIGNED);
        assertRejected(
                WebhookDelivery.of(Map.of("Synthesia-Timestamp", timestamp, "Synthesia-Signature", " "), body),
                Reason.UNSIGNED);
    }

    @Test
    void aDeliveryOlderOrNewerThanTheToleranceIsStale() {
        assertRejected(delivery(completed(VIDEO), seconds(NOW.minus(Duration.ofMinutes(11))), SECRET), Reason.STALE);
        assertRejected(delivery(completed(VIDEO), seconds(NOW.plus(Duration.ofMinutes(11))), SECRET), Reason.STALE);
        assertThat(webhooks.receive(delivery(completed(VIDEO), seconds(NOW.minus(Duration.ofMinutes(9))), SECRET)))
                .isPresent();
    }

    @Test
    void theToleranceIsASetting() {
        SynthesiaWebhooks strict = webhooks(SECRET, Duration.ofSeconds(30));

        Throwable stale = catchThrowableOfType(
                () -> strict.receive(delivery(completed(VIDEO), seconds(NOW.minusSeconds(60)), SECRET)),
                WebhookRejectedException.class);

        assertThat(((WebhookRejectedException) stale).reason()).isEqualTo(Reason.STALE);
    }

    @Test
    void aSignedTimestampThatIsNotATimeIsMalformed() {
        assertRejected(delivery(completed(VIDEO), "yesterday", SECRET), Reason.MALFORMED);
    }

    @Test
    void aSignedBodyThatIsNotJsonIsMalformed() {
        assertRejected(delivery("type=video.completed", seconds(NOW), SECRET), Reason.MALFORMED);
    }

    @Test
    void aSignedCompletedEventWithoutItsVideoIsMalformed() {
        assertRejected(
                delivery("{\"type\":\"video.completed\",\"data\":{\"status\":\"complete\"}}", seconds(NOW), SECRET),
                Reason.MALFORMED);
        assertRejected(delivery("{\"data\":{\"id\":\"" + VIDEO + "\"}}", seconds(NOW), SECRET), Reason.MALFORMED);
    }

    @Test
    void withoutASecretEveryDeliveryIsRejectedNamingTheSetting() {
        SynthesiaWebhooks unconfigured = webhooks(null, Duration.ofMinutes(10));

        WebhookRejectedException e = catchThrowableOfType(
                () -> unconfigured.receive(delivery(completed(VIDEO), seconds(NOW), SECRET)),
                WebhookRejectedException.class);

        assertThat(e.reason()).isEqualTo(Reason.NOT_CONFIGURED);
        assertThat(e.getMessage()).contains("synthesia.webhook-secret");
    }

    private void assertRejected(WebhookDelivery delivery, Reason reason) {
        WebhookRejectedException e =
                catchThrowableOfType(() -> webhooks.receive(delivery), WebhookRejectedException.class);
        assertThat(e).as("what receiving %s threw", delivery).isNotNull();
        assertThat(e.reason()).as("why (%s)", e.getMessage()).isEqualTo(reason);
        assertThat(e.provider()).isEqualTo("synthesia");
        assertThat(e.getMessage()).doesNotContain(SECRET);
        delivery.header("Synthesia-Signature")
                .filter(signature -> signature.length() > 8)
                .ifPresent(signature -> assertThat(e.getMessage()).doesNotContain(signature));
    }

    private static SynthesiaWebhooks webhooks(String secret, Duration tolerance) {
        Map<String, String> settings = new HashMap<>();
        settings.put("synthesia.api-key", FakeSynthesia.API_KEY);
        settings.put("synthesia.webhook-tolerance", String.valueOf(tolerance.toSeconds()));
        SynthesiaSettings read =
                SynthesiaSettings.read(ProviderConfig.of(settings)).orElseThrow();
        return new SynthesiaWebhooks(
                secret == null ? null : new Secret(secret), read, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static WebhookDelivery delivery(String body, String timestamp, String secret) {
        return WebhookDelivery.of(
                Map.of(
                        "Synthesia-Timestamp",
                        timestamp,
                        "Synthesia-Signature",
                        SynthesiaTckTest.sign(secret, timestamp + "." + body)),
                body);
    }

    private static String completed(String videoId) {
        return "{\"type\":\"video.completed\",\"data\":{\"id\":\"" + videoId + "\",\"status\":\"complete\","
                + "\"download\":\"https://example.invalid/v.mp4\",\"duration\":\"0:00:59.000000\"}}";
    }

    private static String seconds(Instant at) {
        return String.valueOf(at.getEpochSecond());
    }
}
