package io.acog.spi;

import java.util.Objects;

/**
 * A webhook delivery that did not pass verification: answer it with {@link Reason#httpStatus()}
 * and act on nothing in it. The message says why in words a host can log; it never holds the
 * secret, the signature or the body.
 */
public class WebhookRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a delivery was rejected. */
    public enum Reason {
        /** No webhook secret is configured for the provider: nothing can be verified. */
        NOT_CONFIGURED(401),
        /** The delivery carries no signature (or not the headers the provider signs with). */
        UNSIGNED(401),
        /** The signature does not match the body under the endpoint's secret. */
        BAD_SIGNATURE(401),
        /** The delivery's timestamp is outside the tolerance: too old, or from the future. */
        STALE(401),
        /** The same delivery was received before. */
        REPLAYED(409),
        /** Signed correctly, but its body cannot be read as the provider's event. */
        MALFORMED(400);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /**
         * Returns the HTTP status to answer the delivery with.
         *
         * @return 401, 409 or 400
         */
        public int httpStatus() {
            return httpStatus;
        }
    }

    /** The provider whose webhook was rejected. */
    private final String provider;
    /** Why it was rejected. */
    private final Reason reason;

    /**
     * Creates a rejection.
     *
     * @param provider the provider's name, e.g. {@code "heygen"}
     * @param reason why
     * @param message what was wrong, with no secret, signature or body in it
     */
    public WebhookRejectedException(String provider, Reason reason, String message) {
        super(Objects.requireNonNull(provider, "provider") + " webhook rejected ("
                + Objects.requireNonNull(reason, "reason").name().toLowerCase(java.util.Locale.ROOT) + "): "
                + message);
        this.provider = provider;
        this.reason = reason;
    }

    /**
     * Returns the provider whose webhook was rejected.
     *
     * @return its name
     */
    public String provider() {
        return provider;
    }

    /**
     * Returns why it was rejected.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
