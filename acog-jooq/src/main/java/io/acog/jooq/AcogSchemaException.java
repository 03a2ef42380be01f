package io.acog.jooq;

/**
 * The ACOG schema could not be migrated. Nothing of the failed call was left in the database:
 * pending migrations are applied in one transaction, which PostgreSQL rolls back whole.
 */
public class AcogSchemaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the schema, and what to do about it
     */
    public AcogSchemaException(String message) {
        super(message);
    }

    /**
     * Creates the exception for a failure of the database or of Flyway.
     *
     * @param message what failed
     * @param cause the underlying failure
     */
    public AcogSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
