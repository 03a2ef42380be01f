package io.acog.core;

/**
 * The root of every exception the ACOG domain API throws; unchecked. Catch a subclass to act on a
 * specific failure: {@link NotFoundException}, {@link ConflictException}, {@link
 * InvalidTransitionException}, {@link ValidationException}. Whatever the subclass, the operation
 * that threw wrote nothing. Thrown as itself when the database fails or cannot be reached; the
 * message then carries PostgreSQL's SQLSTATE.
 */
public class AcogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public AcogException(String message) {
        super(message);
    }

    /**
     * Creates the exception for an underlying failure.
     *
     * @param message what went wrong
     * @param cause the underlying failure, e.g. a database error
     */
    public AcogException(String message, Throwable cause) {
        super(message, cause);
    }
}
