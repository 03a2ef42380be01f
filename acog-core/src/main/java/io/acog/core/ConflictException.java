package io.acog.core;

/**
 * The operation collides with the database's current state: a slug already taken, a row changed
 * since it was read, a concurrent status change that won, or a delete that would orphan live
 * rows. Reading the current state and deciding again is the usual remedy.
 */
public class ConflictException extends AcogException {

    private static final long serialVersionUID = 1L;

    /** The kind of entity in conflict. */
    private final String entity;

    /**
     * Creates the exception.
     *
     * @param entity the kind of entity in conflict, e.g. {@code "episode"}
     * @param message what collided, and what to do about it
     */
    public ConflictException(String entity, String message) {
        super(message);
        this.entity = entity;
    }

    /**
     * Creates the exception for an underlying failure.
     *
     * @param entity the kind of entity in conflict, e.g. {@code "channel"}
     * @param message what collided, and what to do about it
     * @param cause the underlying failure, e.g. a unique violation
     */
    public ConflictException(String entity, String message, Throwable cause) {
        super(message, cause);
        this.entity = entity;
    }

    /**
     * Returns the kind of entity in conflict, e.g. {@code "episode"}, or {@code "database"} for a
     * serialization failure or deadlock.
     *
     * @return the entity's kind
     */
    public String entity() {
        return entity;
    }
}
