package io.acog.spi;

/** What became of a request to stop a render. */
public enum Cancellation {
    /** The provider stopped the render (or will not start it). */
    STOPPED,
    /** The render had already ended; nothing was stopped. */
    ALREADY_ENDED,
    /**
     * The provider has no way to stop a render (HeyGen, for one): it runs to its end and may be
     * billed. ACOG logs it and forgets the render.
     */
    NOT_SUPPORTED
}
