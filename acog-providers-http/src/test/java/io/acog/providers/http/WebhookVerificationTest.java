package io.acog.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.spi.WebhookRejectedException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WebhookVerificationTest {

    private static final byte[] KEY = "whsec-test-key".getBytes(StandardCharsets.UTF_8);

    @Test
    void computesHmacSha256AsRfc4231Does() {
        // RFC 4231, test case 2
        byte[] mac = WebhookSignatures.hmacSha256(
                WebhookSignatures.utf8("Jefe"),
                WebhookSignatures.utf8("what do ya want "),
                WebhookSignatures.utf8("for nothing?"));
        assertThat(HexFormat.of().formatHex(mac))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void matchesOnlyTheSameSignatureInHexOrBase64() {
        byte[] mac = WebhookSignatures.hmacSha256(KEY, WebhookSignatures.utf8("body"));
        String hex = HexFormat.of().formatHex(mac);
        assertThat(WebhookSignatures.matchesHex(mac, hex)).isTrue();
        assertThat(WebhookSignatures.matchesHex(mac, hex.toUpperCase(java.util.Locale.ROOT)))
                .isTrue();
        assertThat(WebhookSignatures.matchesHex(mac, hex.substring(0, 63) + (hex.endsWith("0") ? "1" : "0")))
                .isFalse();
        assertThat(WebhookSignatures.matchesHex(mac, hex.substring(0, 10))).isFalse();
        assertThat(WebhookSignatures.matchesHex(mac, null)).isFalse();
        String base64 = Base64.getEncoder().encodeToString(mac);
        assertThat(WebhookSignatures.matchesBase64(mac, base64)).isTrue();
        assertThat(WebhookSignatures.matchesBase64(
                        WebhookSignatures.hmacSha256(KEY, WebhookSignatures.utf8("other")), base64))
                .isFalse();
        assertThatThrownBy(() -> WebhookSignatures.hmacSha256(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void admitsAFreshDeliveryOnceAndNothingStale() {
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        ReplayGuard guard = new ReplayGuard("heygen", Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));

        guard.admit(now.minusSeconds(299), "msg-1");
        assertThatThrownBy(() -> guard.admit(now.minusSeconds(299), "msg-1"))
                .isInstanceOfSatisfying(
                        WebhookRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.REPLAYED));
        guard.admit(now.plusSeconds(60), "msg-2");
        assertThatThrownBy(() -> guard.admit(now.minusSeconds(301), "msg-3"))
                .isInstanceOfSatisfying(
                        WebhookRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.STALE))
                .hasMessageContaining("heygen");
        assertThatThrownBy(() -> guard.admit(now.plusSeconds(301), "msg-4"))
                .isInstanceOfSatisfying(
                        WebhookRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.STALE));
        // a stale delivery spends no id: sent again in time, it is admitted
        guard.admit(now, "msg-3");
    }

    @Test
    void forgetsIdsOnceTheirDeliveriesWouldBeStale() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
        ReplayGuard guard = new ReplayGuard("synthesia", Duration.ofMinutes(5), clock);
        guard.admit(clock.instant(), "same-signature");
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        // the form without a timestamp sends "now": after two windows its id is forgotten
        guard.admit(clock.instant(), "same-signature");
        assertThatThrownBy(() -> guard.admit(clock.instant(), "same-signature"))
                .isInstanceOf(WebhookRejectedException.class);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
