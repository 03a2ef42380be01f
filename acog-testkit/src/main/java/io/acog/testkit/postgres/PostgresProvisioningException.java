package io.acog.testkit.postgres;

/**
 * The testkit could not get a PostgreSQL server or database. The message names what was tried
 * (never a password) and what to do about it.
 */
public class PostgresProvisioningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PostgresProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }

    public PostgresProvisioningException(String message) {
        super(message);
    }
}
