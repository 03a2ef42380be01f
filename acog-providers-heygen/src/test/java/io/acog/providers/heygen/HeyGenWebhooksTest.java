package io.acog.providers.heygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.acog.spi.Secret;
import io.acog.spi.WebhookDelivery;
import io.acog.spi.WebhookEvent;
import io.acog.spi.WebhookRejectedException;
import io.acog.spi.WebhookRejectedException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HeyGen's webhook deliveries in both plausible signing forms: genuine ones name their render once;
 * unsigned, tampered, wrongly keyed, stale, replayed and unreadable ones are rejected for the right
 * reason, and no rejection shows the secret or the signature.
 */
class HeyGenWebhooksTest {

    private static final String SECRET = FakeHeyGen.WEBHOOK_SECRET;
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final HeyGenWebhooks webhooks = new HeyGenWebhooks(new Secret(SECRET), Duration.ofMinutes(5), clock);

    @Test
    void aStandardWebhooksDeliveryNamesItsRenderOnce() {
        WebhookDelivery delivery =
                Renders.standard(SECRET, "msg_1", NOW.minusSeconds(3), Renders.event("avatar_video.success", "vid_1"));

        assertThat(webhooks.receive(delivery)).contains(new WebhookEvent("vid_1", "avatar_video.success"));
        assertThat(rejection(delivery)).isEqualTo(Reason.REPLAYED);
    }

    @Test
    void aFailedRenderIsReportedToo() {
        String body = "{\"event_type\":\"avatar_video.fail\",\"event_data\":{\"video_id\":\"vid_2\","
                + "\"msg\":\"Avatar rendering timed out\",\"callback_id\":\"acog-1\"}}";

        assertThat(webhooks.receive(Renders.standard(SECRET, "msg_2", NOW, body)))
                .contains(new WebhookEvent("vid_2", "avatar_video.fail"));
    }

    @Test
    void anotherGenuineEventIsAcceptedAndIgnored() {
        String body = "{\"event_type\":\"video_translate.success\",\"event_data\":{\"video_translate_id\":\"t_1\"}}";

        assertThat(webhooks.receive(Renders.standard(SECRET, "msg_3", NOW, body)))
                .isEmpty();
    }

    @Test
    void aSignatureListIsMatchedByAnyOfItsV1Entries() {
        WebhookDelivery signed = Renders.standard(SECRET, "msg_4", NOW, Renders.event("avatar_video.success", "vid_4"));
        String genuine = signed.header("webhook-signature").orElseThrow();
        // during a secret's rotation a delivery is signed with both; other versions are not HMACs
        WebhookDelivery rotated =
                withHeader(signed, "webhook-signature", "v1,bm90IHRoZSByaWdodCBvbmU= v1a,ignored " + genuine);

        assertThat(webhooks.receive(rotated)).contains(new WebhookEvent("vid_4", "avatar_video.success"));
    }

    @Test
    void aTamperedBodyIsABadSignature() {
        WebhookDelivery signed = Renders.standard(SECRET, "msg_5", NOW, Renders.event("avatar_video.success", "vid_5"));
        WebhookDelivery tampered = new WebhookDelivery(
                signed.headers(),
                signed.bodyText().replace("vid_5", "vid_6").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(rejection(tampered)).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aDeliverySignedWithAnotherSecretIsABadSignature() {
        WebhookDelivery other = Renders.standard(
                "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                "msg_6",
                NOW,
                Renders.event("avatar_video.success", "vid_6"));

        assertThat(rejection(other)).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aChangedIdOrTimestampIsABadSignature() {
        WebhookDelivery signed = Renders.standard(SECRET, "msg_7", NOW, Renders.event("avatar_video.success", "vid_7"));

        assertThat(rejection(withHeader(signed, "webhook-id", "msg_8"))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(rejection(withHeader(signed, "webhook-timestamp", Long.toString(NOW.getEpochSecond() + 1))))
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aDeliveryOlderOrNewerThanTheToleranceIsStale() {
        String body = Renders.event("avatar_video.success", "vid_9");

        assertThat(rejection(Renders.standard(SECRET, "msg_9", NOW.minus(Duration.ofMinutes(6)), body)))
                .isEqualTo(Reason.STALE);
        assertThat(rejection(Renders.standard(SECRET, "msg_10", NOW.plus(Duration.ofMinutes(6)), body)))
                .isEqualTo(Reason.STALE);
        assertThat(webhooks.receive(Renders.standard(SECRET, "msg_11", NOW.minus(Duration.ofMinutes(4)), body)))
                .isPresent();
    }

    @Test
    void aForgedOldDeliveryIsABadSignatureNotStale() {
        WebhookDelivery old = Renders.standard(
                SECRET, "msg_12", NOW.minus(Duration.ofHours(1)), Renders.event("avatar_video.success", "vid_12"));

        assertThat(rejection(withHeader(old, "webhook-id", "msg_13"))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aDeliveryWithoutSignatureHeadersIsUnsigned() {
        WebhookDelivery signed =
                Renders.standard(SECRET, "msg_14", NOW, Renders.event("avatar_video.success", "vid_14"));

        assertThat(rejection(without(signed, "webhook-signature"))).isEqualTo(Reason.UNSIGNED);
        assertThat(rejection(without(signed, "webhook-id"))).isEqualTo(Reason.UNSIGNED);
        assertThat(rejection(without(signed, "webhook-timestamp"))).isEqualTo(Reason.UNSIGNED);
        assertThat(rejection(withHeader(signed, "webhook-timestamp", "yesterday")))
                .isEqualTo(Reason.UNSIGNED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Signature", "X-HeyGen-Signature", "signature"})
    void aPlainHexSignatureOfTheBodyIsAcceptedOnce(String header) {
        WebhookDelivery delivery = Renders.plain(header, SECRET, Renders.event("avatar_video.success", "vid_15"));

        assertThat(webhooks.receive(delivery)).contains(new WebhookEvent("vid_15", "avatar_video.success"));
        assertThat(rejection(delivery)).isEqualTo(Reason.REPLAYED);
    }

    @Test
    void aPlainSignatureIsComparedInAnyCase() {
        WebhookDelivery delivery = Renders.plain("Signature", SECRET, Renders.event("avatar_video.success", "vid_16"));
        WebhookDelivery upper = withHeader(
                delivery,
                "Signature",
                delivery.header("Signature").orElseThrow().toUpperCase(java.util.Locale.ROOT));

        assertThat(webhooks.receive(upper)).isPresent();
    }

    @Test
    void aPlainSignatureOverAnotherBodyIsABadSignature() {
        WebhookDelivery delivery = Renders.plain("Signature", SECRET, Renders.event("avatar_video.success", "vid_17"));
        WebhookDelivery tampered = new WebhookDelivery(
                delivery.headers(),
                Renders.event("avatar_video.success", "vid_18").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(rejection(tampered)).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aPlainDeliveryCarriesNoTimestampSoItsReplayIsCaughtOnlyWithinTheWindow() {
        WebhookDelivery delivery = Renders.plain("Signature", SECRET, Renders.event("avatar_video.success", "vid_19"));
        assertThat(webhooks.receive(delivery)).isPresent();

        clock.advance(Duration.ofMinutes(4));
        assertThat(rejection(delivery)).isEqualTo(Reason.REPLAYED);

        clock.advance(Duration.ofMinutes(10));
        // what the README warns of: the plain form cannot be told stale once its signature is forgotten
        assertThat(webhooks.receive(delivery)).isPresent();
    }

    @Test
    void withoutASecretEveryDeliveryIsRejectedAsNotConfigured() {
        HeyGenWebhooks unconfigured = new HeyGenWebhooks(null, Duration.ofMinutes(5), clock);

        WebhookRejectedException e = catchThrowableOfType(
                WebhookRejectedException.class,
                () -> unconfigured.receive(
                        Renders.standard(SECRET, "msg_20", NOW, Renders.event("avatar_video.success", "vid_20"))));

        assertThat(e.reason()).isEqualTo(Reason.NOT_CONFIGURED);
        assertThat(e.getMessage()).contains("heygen.webhook-secret");
    }

    @Test
    void aSignedBodyThatIsNotAnEventIsMalformed() {
        assertThat(rejection(Renders.standard(SECRET, "msg_21", NOW, "not json")))
                .isEqualTo(Reason.MALFORMED);
        assertThat(rejection(Renders.standard(SECRET, "msg_22", NOW, "{\"event_data\":{}}")))
                .isEqualTo(Reason.MALFORMED);
        assertThat(rejection(Renders.standard(
                        SECRET, "msg_23", NOW, "{\"event_type\":\"avatar_video.success\",\"event_data\":{}}")))
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aSecretThatIsNotBase64StillVerifiesTheStandardForm() {
        String text = "whsec_not-base64!";
        HeyGenWebhooks plainKeyed = new HeyGenWebhooks(new Secret(text), Duration.ofMinutes(5), clock);
        String body = Renders.event("avatar_video.success", "vid_24");
        String timestamp = Long.toString(NOW.getEpochSecond());
        String signature = java.util.Base64.getEncoder()
                .encodeToString(Renders.hmac(
                        text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        ("msg_24." + timestamp + "." + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(plainKeyed.receive(WebhookDelivery.of(
                        Map.of(
                                "webhook-id",
                                "msg_24",
                                "webhook-timestamp",
                                timestamp,
                                "webhook-signature",
                                "v1," + signature),
                        body)))
                .isPresent();
    }

    private Reason rejection(WebhookDelivery delivery) {
        WebhookRejectedException e =
                catchThrowableOfType(WebhookRejectedException.class, () -> webhooks.receive(delivery));
        assertThat(e).as("the delivery is rejected").isNotNull();
        assertThat(e.provider()).isEqualTo("heygen");
        String signatures = delivery.headers().entrySet().stream()
                .filter(header -> header.getKey().contains("signature"))
                .flatMap(header -> header.getValue().stream())
                .collect(Collectors.joining(" "));
        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(SECRET.substring("whsec_".length()));
        for (String signature : signatures.split("[ ,]", -1)) {
            if (signature.length() > 8) {
                assertThat(e.getMessage()).doesNotContain(signature);
            }
        }
        return e.reason();
    }

    private static WebhookDelivery withHeader(WebhookDelivery delivery, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(delivery.headers());
        headers.put(name.toLowerCase(java.util.Locale.ROOT), List.of(value));
        return new WebhookDelivery(headers, delivery.body());
    }

    private static WebhookDelivery without(WebhookDelivery delivery, String name) {
        Map<String, List<String>> headers = new LinkedHashMap<>(delivery.headers());
        headers.remove(name);
        return new WebhookDelivery(headers, delivery.body());
    }

    /** A clock a test moves on. */
    static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
