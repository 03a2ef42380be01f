package io.acog.core.internal.secret;

/**
 * A copy of an error whose message (or a cause's) held a secret: the original class name and the
 * redacted message, the same stack trace, and the causes and suppressed errors copied alike. Only
 * ever logged; never thrown to a host.
 */
final class RedactedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    static final int MAX_DEPTH = 32;

    private RedactedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The original class name and the redacted message, as the original would print. */
    @Override
    public String toString() {
        return getMessage();
    }

    static RedactedException of(Throwable error, int depth) {
        String message = error.getMessage();
        Throwable cause = error.getCause();
        RedactedException copy = new RedactedException(
                error.getClass().getName() + (message == null ? "" : ": " + Redaction.redact(message)),
                depth < MAX_DEPTH && cause != null && cause != error ? of(cause, depth + 1) : null);
        copy.setStackTrace(error.getStackTrace());
        if (depth < MAX_DEPTH) {
            for (Throwable suppressed : error.getSuppressed()) {
                copy.addSuppressed(of(suppressed, depth + 1));
            }
        }
        return copy;
    }
}
