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

    record Pending(Duration checkAfter, double fractionDone) implements RenderProgress {
        public Pending {
            Objects.requireNonNull(checkAfter, "checkAfter");
        }
    }

    record Done(Media media, long durationMs, Usage usage) implements RenderProgress {
        public Done {
            Objects.requireNonNull(media, "media");
            Objects.requireNonNull(usage, "usage");
        }
    }

    /**
     * The provider gave up on the render.
     *
     * @param retryable whether submitting it anew may succeed (a provider-side crash) or not (the
     *     content was rejected, the request is invalid)
     */
    record Failed(String error, boolean retryable) implements RenderProgress {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    static RenderProgress failed(String error, boolean retryable) {
        return new Failed(error, retryable);
    }

    static RenderProgress pending(Duration checkAfter, double fractionDone) {
        return new Pending(checkAfter, fractionDone);
    }

    static RenderProgress done(Media media, long durationMs, Usage usage) {
        return new Done(media, durationMs, usage);
    }
}
