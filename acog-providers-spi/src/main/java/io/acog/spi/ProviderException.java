package io.acog.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider call failed, classified so the pipeline knows what to do: a {@linkplain #retryable()
 * retryable} failure (rate limit, server error, timeout) is tried again after a backoff (or after
 * the provider's retry-after), a permanent one (bad credentials, exhausted quota, an invalid
 * request, rejected content) fails the stage at once without spending retries. A call that only
 * came too early ({@link #overConcurrencyLimit over the concurrency limit}, {@link
 * #quotaExhaustedUntil a quota that resets at a known time}) is tried again later without spending
 * an attempt.
 *
 * <p>Messages must never contain secrets: no API keys, no tokens, no signed URLs.
 */
public class ProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the call failed. */
    public enum Reason {
        /** Too many requests (e.g. HTTP 429); retryable by default. */
        RATE_LIMITED(true),
        /**
         * Over the account's limit of requests in flight (e.g. ElevenLabs' {@code
         * concurrent_limit_exceeded}): nothing is wrong with the call, it came too early. Retried
         * later without spending an attempt.
         */
        CONCURRENCY_LIMITED(true),
        /** The provider failed on its side (e.g. HTTP 5xx); retryable by default. */
        SERVER_ERROR(true),
        /** The call timed out; retryable by default. */
        TIMEOUT(true),
        /** The provider cannot be reached or is down for now; retryable by default. */
        UNAVAILABLE(true),
        /** The credentials were refused (e.g. HTTP 401 or 403); permanent by default. */
        AUTHENTICATION(false),
        /** The account's quota or credit is used up; permanent by default. */
        QUOTA_EXHAUSTED(false),
        /**
         * The provider refused the request as invalid (e.g. HTTP 400 or 422); permanent by default.
         */
        INVALID_REQUEST(false),
        /** The provider refused the content (e.g. a moderation filter); permanent by default. */
        CONTENT_REJECTED(false),
        /**
         * What the call names does not exist at the provider (a voice, an avatar, a task);
         * permanent by default.
         */
        NOT_FOUND(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        /**
         * Tells whether failures for this reason are retryable by default.
         *
         * @return whether it is worth trying again
         */
        public boolean retryable() {
            return retryable;
        }
    }

    /** The provider's name. */
    private final String provider;
    /** Why the call failed. */
    private final Reason reason;
    /** Whether trying again may succeed. */
    private final boolean retryable;
    /** How long to wait before the next try; null when the provider did not say. */
    private final Duration retryAfter;
    /** When the next try may be made; null when the provider did not say. */
    private final Instant retryAt;

    /**
     * Makes an exception; {@link #retryable} and {@link #permanent} cover the usual cases.
     *
     * @param provider the provider's name, e.g. {@code "elevenlabs"}; prefixes the message
     * @param reason why the call failed
     * @param retryable whether trying again may succeed, whatever the reason's default
     * @param message what went wrong, without secrets
     * @param retryAfter how long to wait before the next try; null when the provider did not say
     * @param cause the underlying failure, or null
     * @throws NullPointerException when {@code provider} or {@code reason} is null
     */
    public ProviderException(
            String provider, Reason reason, boolean retryable, String message, Duration retryAfter, Throwable cause) {
        this(provider, reason, retryable, message, retryAfter, null, cause);
    }

    private ProviderException(
            String provider,
            Reason reason,
            boolean retryable,
            String message,
            Duration retryAfter,
            Instant retryAt,
            Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = Objects.requireNonNull(provider, "provider");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.retryAt = retryAt;
    }

    /**
     * Returns a call refused because the account has too many requests in flight: tried again after
     * {@code retryAfter} (or the pipeline's backoff) without spending an attempt.
     *
     * @param provider the provider's name
     * @param message what the provider said, without secrets
     * @param retryAfter how long the provider asked to wait; null for the pipeline's backoff
     * @return the exception, to throw
     */
    public static ProviderException overConcurrencyLimit(String provider, String message, Duration retryAfter) {
        return new ProviderException(provider, Reason.CONCURRENCY_LIMITED, true, message, retryAfter, null, null);
    }

    /**
     * Returns a call refused because a quota is used up until a known time (YouTube's daily quota
     * resets at midnight Pacific time): the job waits until then and is tried again without
     * spending an attempt, instead of failing the episode.
     *
     * @param provider the provider's name
     * @param message what the provider said, without secrets
     * @param until when the quota resets
     * @return the exception, to throw
     * @throws NullPointerException when {@code until} is null
     */
    public static ProviderException quotaExhaustedUntil(String provider, String message, Instant until) {
        Objects.requireNonNull(until, "until");
        return new ProviderException(provider, Reason.QUOTA_EXHAUSTED, true, message, null, until, null);
    }

    /**
     * Returns a failure worth trying again (rate limit, 5xx, timeout), optionally not before a
     * delay.
     *
     * @param provider the provider's name
     * @param reason why the call failed
     * @param message what went wrong, without secrets
     * @param retryAfter how long the provider asked to wait (a Retry-After header); null for the
     *     pipeline's backoff
     * @return the exception, to throw
     */
    public static ProviderException retryable(String provider, Reason reason, String message, Duration retryAfter) {
        return new ProviderException(provider, reason, true, message, retryAfter, null);
    }

    /**
     * Returns a failure that retrying cannot fix: the stage fails at once.
     *
     * @param provider the provider's name
     * @param reason why the call failed
     * @param message what went wrong, without secrets
     * @return the exception, to throw
     */
    public static ProviderException permanent(String provider, Reason reason, String message) {
        return new ProviderException(provider, reason, false, message, null, null);
    }

    /**
     * Returns the provider's name, e.g. {@code "elevenlabs"}.
     *
     * @return the provider's name
     */
    public String provider() {
        return provider;
    }

    /**
     * Returns why the call failed.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Tells whether the pipeline tries the stage again (after a backoff) or fails it at once.
     *
     * @return whether trying again may succeed
     */
    public boolean retryable() {
        return retryable;
    }

    /**
     * Returns how long the provider asked to wait before the next try (a Retry-After header).
     *
     * @return the delay, or empty for the pipeline's own backoff
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Returns when the next try may be made, when the provider named a time (a quota's reset).
     *
     * @return the time, or empty
     */
    public Optional<Instant> retryAt() {
        return Optional.ofNullable(retryAt);
    }

    /**
     * Tells whether this failure counts against the job's attempts. A call that only came too early
     * (over the concurrency limit, or a quota that resets at a known time) does not.
     *
     * @return whether an attempt is spent
     */
    public boolean attemptSpent() {
        return !(retryable && (reason == Reason.CONCURRENCY_LIMITED || retryAt != null));
    }
}
