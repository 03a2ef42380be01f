package io.acog.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider call failed, classified so the pipeline knows what to do: a {@linkplain #retryable()
 * retryable} failure (rate limit, server error, timeout) is tried again after a backoff (or after
 * the provider's retry-after), a permanent one (bad credentials, exhausted quota, an invalid
 * request, rejected content) fails the stage at once without spending retries.
 *
 * <p>Messages must never contain secrets: no API keys, no tokens, no signed URLs.
 */
public class ProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the call failed. */
    public enum Reason {
        RATE_LIMITED(true),
        SERVER_ERROR(true),
        TIMEOUT(true),
        UNAVAILABLE(true),
        AUTHENTICATION(false),
        QUOTA_EXHAUSTED(false),
        INVALID_REQUEST(false),
        CONTENT_REJECTED(false),
        NOT_FOUND(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        /** Whether failures for this reason are retryable by default. */
        public boolean retryable() {
            return retryable;
        }
    }

    private final String provider;
    private final Reason reason;
    private final boolean retryable;
    private final Duration retryAfter;

    public ProviderException(
            String provider, Reason reason, boolean retryable, String message, Duration retryAfter, Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = Objects.requireNonNull(provider, "provider");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** A failure worth trying again (rate limit, 5xx, timeout), optionally not before a delay. */
    public static ProviderException retryable(String provider, Reason reason, String message, Duration retryAfter) {
        return new ProviderException(provider, reason, true, message, retryAfter, null);
    }

    /** A failure that retrying cannot fix: the stage fails at once. */
    public static ProviderException permanent(String provider, Reason reason, String message) {
        return new ProviderException(provider, reason, false, message, null, null);
    }

    /** The provider's name, e.g. {@code "elevenlabs"}. */
    public String provider() {
        return provider;
    }

    public Reason reason() {
        return reason;
    }

    public boolean retryable() {
        return retryable;
    }

    /** How long the provider asked to wait before the next try (a Retry-After header). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
