package io.acog.core.internal.worker;

/**
 * A failure its handler recorded itself, as a {@link io.acog.core.job.JobListener} hears it: what
 * the handler caught is gone by then, and what it recorded is the job's error message. Carries no
 * stack trace (it would show the recorder, not the failure).
 */
final class RecordedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RecordedFailure(String message) {
        super(message, null, false, false);
    }
}
