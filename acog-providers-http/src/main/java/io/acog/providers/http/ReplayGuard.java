package io.acog.providers.http;

import io.acog.spi.WebhookRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a render adapter from acting on a webhook delivery twice or late: a delivery whose
 * timestamp is further from now than the tolerance is stale, and one whose id was admitted within
 * the tolerance is a replay. Ids are forgotten once their deliveries would be stale anyway, so
 * memory stays bounded by the deliveries of one tolerance window. Thread-safe.
 *
 * <p>Each JVM remembers its own deliveries: a replay sent to another node of the host within the
 * window gets through there. That costs one early status request at most, since a delivery only
 * prompts a poll (see {@link io.acog.spi.RenderWebhooks}).
 */
public final class ReplayGuard {

    private final String provider;
    private final Duration tolerance;
    private final Clock clock;
    private final ConcurrentHashMap<String, Instant> admitted = new ConcurrentHashMap<>();

    /**
     * Creates a guard.
     *
     * @param provider the provider's name, for rejections
     * @param tolerance how far a delivery's timestamp may be from now, either way
     * @param clock the time now
     * @throws IllegalArgumentException when the tolerance is not positive
     */
    public ReplayGuard(String provider, Duration tolerance, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException(
                    provider + " webhook tolerance is " + tolerance + "; it must be positive");
        }
    }

    /**
     * Returns how far from now a delivery's timestamp may be.
     *
     * @return the tolerance
     */
    public Duration tolerance() {
        return tolerance;
    }

    /**
     * Admits a delivery sent at {@code sentAt} under {@code id}, once. Call it only after the
     * signature checked out, so a forger cannot spend genuine ids.
     *
     * @param sentAt when the provider says it sent the delivery (its signed timestamp)
     * @param id what identifies the delivery: the provider's delivery id, or the signature itself
     * @throws WebhookRejectedException {@code STALE} when {@code sentAt} is outside the tolerance,
     *     {@code REPLAYED} when {@code id} was admitted before
     */
    public void admit(Instant sentAt, String id) {
        Instant now = clock.instant();
        if (sentAt.isBefore(now.minus(tolerance)) || sentAt.isAfter(now.plus(tolerance))) {
            throw new WebhookRejectedException(
                    provider,
                    WebhookRejectedException.Reason.STALE,
                    "sent at " + sentAt + ", more than " + tolerance.toSeconds() + " s from now (" + now + ")");
        }
        admitted.values().removeIf(at -> at.isBefore(now.minus(tolerance.multipliedBy(2))));
        if (admitted.putIfAbsent(id, now) != null) {
            throw new WebhookRejectedException(
                    provider, WebhookRejectedException.Reason.REPLAYED, "this delivery was received before");
        }
    }
}
