package io.acog.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a submitted render stands: still going (ask again after {@code checkAfter}), done with its
 * media, or failed at the provider. A poll that itself failed (the status request timed out, was
 * rate limited) throws {@link ProviderException} instead: retryable, and the render is asked about
 * again; permanent, and the stage fails.
 */
public sealed interface RenderProgress {

    /**
     * A render still going.
     *
     * @param checkAfter how long to wait before asking again; never null
     * @param fractionDone how far along it is, from 0 to 1, as the provider reports it
     */
    record Pending(Duration checkAfter, double fractionDone) implements RenderProgress {
        /**
         * Creates the progress of a render still going.
         *
         * @param checkAfter how long to wait before asking again; never null
         * @param fractionDone how far along it is, from 0 to 1, as the provider reports it
         * @throws NullPointerException when {@code checkAfter} is null
         */
        public Pending {
            Objects.requireNonNull(checkAfter, "checkAfter");
        }
    }

    /**
     * A finished render.
     *
     * @param media the rendered file; the pipeline stores it
     * @param durationMs how long the video runs, in milliseconds; 0 or less when unknown
     * @param usage what the render cost
     * @param metadata facts about the media to keep with its asset, e.g. Pexels' {@code author} and
     *     {@code source_url} for attribution; the pipeline stores them in the asset's metadata
     */
    record Done(Media media, long durationMs, Usage usage, java.util.Map<String, String> metadata)
            implements RenderProgress {
        /**
         * Creates the progress of a finished render.
         *
         * @param media the rendered file; the pipeline stores it
         * @param durationMs how long the video runs, in milliseconds; 0 or less when unknown
         * @param usage what the render cost
         * @param metadata facts about the media to keep with its asset; null becomes none
         * @throws NullPointerException when {@code media} or {@code usage} is null
         */
        public Done {
            Objects.requireNonNull(media, "media");
            Objects.requireNonNull(usage, "usage");
            metadata = Copies.map(metadata);
        }

        /**
         * Creates the progress of a finished render with no metadata.
         *
         * @param media the rendered file; the pipeline stores it
         * @param durationMs how long the video runs, in milliseconds; 0 or less when unknown
         * @param usage what the render cost
         * @throws NullPointerException when {@code media} or {@code usage} is null
         */
        public Done(Media media, long durationMs, Usage usage) {
            this(media, durationMs, usage, null);
        }
    }

    /**
     * The provider gave up on the render.
     *
     * @param code the provider's code for the failure (e.g. HeyGen's {@code failure_code}, Runway's
     *     {@code SAFETY.INPUT.TEXT}), for tracing and for hosts to act on; null when it gave none
     * @param error why, as the provider said it; becomes the stage's error
     * @param retryable whether submitting it anew may succeed (a provider-side crash) or not (the
     *     content was rejected, the request is invalid)
     */
    record Failed(String code, String error, boolean retryable) implements RenderProgress {
        /**
         * Creates the progress of a render the provider gave up on.
         *
         * @param code the provider's code for the failure; null when it gave none
         * @param error why, as the provider said it; becomes the stage's error
         * @param retryable whether submitting it anew may succeed (a provider-side crash) or not
         *     (the content was rejected, the request is invalid)
         * @throws NullPointerException when {@code error} is null
         */
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * Returns a render the provider gave up on, without a code.
     *
     * @param error why, as the provider said it
     * @param retryable whether submitting it anew may succeed
     * @return a {@link Failed}
     */
    static RenderProgress failed(String error, boolean retryable) {
        return new Failed(null, error, retryable);
    }

    /**
     * Returns a render the provider gave up on, with the provider's code for why.
     *
     * @param code the provider's failure code, e.g. {@code "SAFETY.INPUT.TEXT"}
     * @param error why, as the provider said it
     * @param retryable whether submitting it anew may succeed
     * @return a {@link Failed}
     */
    static RenderProgress failed(String code, String error, boolean retryable) {
        return new Failed(code, error, retryable);
    }

    /**
     * Returns a render still going.
     *
     * @param checkAfter how long to wait before asking again
     * @param fractionDone how far along it is, from 0 to 1
     * @return a {@link Pending}
     */
    static RenderProgress pending(Duration checkAfter, double fractionDone) {
        return new Pending(checkAfter, fractionDone);
    }

    /**
     * Returns a finished render.
     *
     * @param media the rendered file
     * @param durationMs how long the video runs, in milliseconds
     * @param usage what the render cost
     * @return a {@link Done}
     */
    static RenderProgress done(Media media, long durationMs, Usage usage) {
        return new Done(media, durationMs, usage);
    }
}
