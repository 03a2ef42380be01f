package io.acog.providers.pexels;

import io.acog.providers.http.ProviderHttp;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The account's request quota as Pexels' answers report it, kept so that a call that cannot
 * succeed is not sent. Pexels' successful answers carry {@code X-Ratelimit-Limit} (the period's
 * requests), {@code X-Ratelimit-Remaining} and {@code X-Ratelimit-Reset} (when the period rolls
 * over, in Unix seconds); its 429s carry none of them. So once an answer says none remain, the
 * next call fails at once with {@link ProviderException#quotaExhaustedUntil} the reset, without a
 * request and without spending the job's attempt; and a 429 holds the calls after it back for as
 * long as it asked (or until the reset the last answer gave, at most an hour). What this adapter
 * instance saw, for the whole JVM's calls through it; other workers learn it from their own
 * answers. Thread-safe.
 */
final class RequestQuota {

    /** The longest a 429 that leaves the period's quota unspent holds calls back: Pexels' hourly window. */
    static final Duration HOURLY_WINDOW = Duration.ofHours(1);

    /** A reset below this is a number of seconds from now rather than a Unix time (either is tolerated). */
    private static final long RELATIVE_BELOW = 1_000_000_000L;

    /** A reset above this is in milliseconds. */
    private static final long MILLIS_ABOVE = 100_000_000_000L;

    /**
     * What the answers said, and how long calls are held back.
     *
     * @param limit the period's requests; -1 when not said
     * @param remaining the requests left; -1 when not said
     * @param reset when the period rolls over; null when not said
     * @param heldUntil no call before this (after a 429); null for none
     */
    private record Seen(long limit, long remaining, Instant reset, Instant heldUntil) {}

    private final Clock clock;
    private final AtomicReference<Seen> seen = new AtomicReference<>(new Seen(-1, -1, null, null));

    RequestQuota(Clock clock) {
        this.clock = clock;
    }

    /**
     * Lets a call go, or stops it when the quota is known to be used up, or a 429 asked to wait.
     *
     * @param what the call, for the message
     * @throws ProviderException ({@link ProviderException#quotaExhaustedUntil}) when the call must
     *     wait: retried then without spending an attempt
     */
    void check(String what) {
        Seen now = seen.get();
        Instant at = clock.instant();
        if (now.heldUntil() != null && now.heldUntil().isAfter(at)) {
            throw ProviderException.quotaExhaustedUntil(
                    PexelsSettings.NAME,
                    what + " held back: Pexels answered 429 (too many requests) and asked to wait until "
                            + now.heldUntil() + "; no request was sent",
                    now.heldUntil());
        }
        if (now.remaining() == 0 && now.reset() != null && now.reset().isAfter(at)) {
            throw ProviderException.quotaExhaustedUntil(
                    PexelsSettings.NAME,
                    what + " held back: the account's Pexels quota"
                            + (now.limit() > 0 ? " of " + now.limit() + " requests" : "")
                            + " is used up until " + now.reset()
                            + "; no request was sent (ask Pexels for a higher limit if this recurs)",
                    now.reset());
        }
    }

    /**
     * Keeps what an answer says of the quota, when it says it ({@code X-Ratelimit-Remaining} and
     * {@code X-Ratelimit-Reset} both readable).
     *
     * @param headers the answer's headers
     */
    void record(HttpHeaders headers) {
        OptionalLong remaining = number(headers, "x-ratelimit-remaining");
        OptionalLong reset = number(headers, "x-ratelimit-reset");
        if (remaining.isEmpty() || reset.isEmpty()) {
            return;
        }
        long limit = number(headers, "x-ratelimit-limit").orElse(-1);
        Instant resetAt = instant(reset.getAsLong());
        seen.updateAndGet(old -> new Seen(limit, remaining.getAsLong(), resetAt, old.heldUntil()));
    }

    /**
     * Classifies a 429 and holds the calls after it back: until its {@code Retry-After} when it
     * gives one ({@link Reason#RATE_LIMITED}); else, when the last answers said the quota is used
     * up, until its reset ({@link ProviderException#quotaExhaustedUntil}); else, when they said
     * when it resets, until then but at most an hour (the quota is not used up, so this is Pexels'
     * hourly limit; {@link Reason#RATE_LIMITED}); else for the pipeline's own backoff.
     *
     * @param http for the message
     * @param response the 429, its quota headers already {@linkplain #record recorded}
     * @param what the call
     * @param detail what Pexels said
     * @return the exception, to throw
     */
    ProviderException rateLimited(ProviderHttp http, HttpResponse<?> response, String what, String detail) {
        Instant now = clock.instant();
        Seen last = seen.get();
        Optional<Duration> asked = http.retryAfter(response.headers());
        if (asked.isPresent()) {
            hold(now.plus(asked.get()));
            return ProviderException.retryable(
                    PexelsSettings.NAME,
                    Reason.RATE_LIMITED,
                    http.message(response.request(), what, "HTTP 429, rate limited for " + asked.get(), detail),
                    asked.get());
        }
        if (last.reset() != null && last.reset().isAfter(now)) {
            if (last.remaining() == 0) {
                hold(last.reset());
                return ProviderException.quotaExhaustedUntil(
                        PexelsSettings.NAME,
                        http.message(
                                response.request(),
                                what,
                                "HTTP 429: the account's Pexels quota is used up until " + last.reset(),
                                detail),
                        last.reset());
            }
            Duration wait = Duration.between(now, last.reset());
            wait = wait.compareTo(HOURLY_WINDOW) > 0 ? HOURLY_WINDOW : wait;
            hold(now.plus(wait));
            return ProviderException.retryable(
                    PexelsSettings.NAME,
                    Reason.RATE_LIMITED,
                    http.message(
                            response.request(),
                            what,
                            "HTTP 429, over the hourly request limit: waiting " + wait,
                            detail),
                    wait);
        }
        return ProviderException.retryable(
                PexelsSettings.NAME,
                Reason.RATE_LIMITED,
                http.message(response.request(), what, "HTTP 429, rate limited", detail),
                null);
    }

    private void hold(Instant until) {
        seen.updateAndGet(old -> new Seen(
                old.limit(),
                old.remaining(),
                old.reset(),
                old.heldUntil() != null && old.heldUntil().isAfter(until) ? old.heldUntil() : until));
    }

    /** Unix seconds, as Pexels sends it; seconds from now or Unix milliseconds are read too. */
    private Instant instant(long reset) {
        if (reset < RELATIVE_BELOW) {
            return clock.instant().plusSeconds(Math.max(0, reset));
        }
        return reset > MILLIS_ABOVE ? Instant.ofEpochMilli(reset) : Instant.ofEpochSecond(reset);
    }

    private static OptionalLong number(HttpHeaders headers, String name) {
        Optional<String> value = headers.firstValue(name);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of((long) Double.parseDouble(value.get().trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
