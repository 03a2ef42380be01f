package io.acog.core;

/**
 * The root of every exception the ACOG domain API throws; unchecked. Catch a subclass to act on a
 * specific failure: {@link NotFoundException}, {@link ConflictException},
 * {@link InvalidTransitionException}, {@link ValidationException}. Whatever the subclass, the
 * operation that threw wrote nothing.
 */
public class AcogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AcogException(String message) {
        super(message);
    }

    public AcogException(String message, Throwable cause) {
        super(message, cause);
    }
}
