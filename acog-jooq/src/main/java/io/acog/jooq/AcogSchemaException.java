package io.acog.jooq;

/**
 * The ACOG schema could not be migrated. Nothing of the failed call was left in the database:
 * pending migrations are applied in one transaction, which PostgreSQL rolls back whole.
 */
public class AcogSchemaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AcogSchemaException(String message) {
        super(message);
    }

    public AcogSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
