package io.acog.core.internal.pipeline.stage;

import io.acog.core.AcogException;
import java.time.Duration;
import java.util.Optional;

/**
 * A stage cannot go on, for a reason of ACOG's own (no script to voice, no audio to animate, a
 * channel asking for a provider the pipeline lacks) or because a provider's answer cannot be used
 * (a malformed script, a missing result). Retryable failures are tried again like a provider's
 * retryable errors; the others fail the stage at once. Never leaves the pipeline: the stage
 * records its message.
 */
public final class StageFailedException extends AcogException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    private StageFailedException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    /** An answer worth asking for again (a language model may do better on the next try). */
    public static StageFailedException retryable(String message) {
        return new StageFailedException(message, true);
    }

    /** A failure no retry fixes. */
    public static StageFailedException permanent(String message) {
        return new StageFailedException(message, false);
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
