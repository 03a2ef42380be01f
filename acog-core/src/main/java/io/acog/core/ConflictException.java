package io.acog.core;

/**
 * The operation collides with the database's current state: a slug already taken, a row changed
 * since it was read, a concurrent status change that won, or a delete that would orphan live
 * rows. Reading the current state and deciding again is the usual remedy.
 */
public class ConflictException extends AcogException {

    private static final long serialVersionUID = 1L;

    private final String entity;

    public ConflictException(String entity, String message) {
        super(message);
        this.entity = entity;
    }

    public ConflictException(String entity, String message, Throwable cause) {
        super(message, cause);
        this.entity = entity;
    }

    /** The kind of entity in conflict, e.g. {@code "episode"}. */
    public String entity() {
        return entity;
    }
}
