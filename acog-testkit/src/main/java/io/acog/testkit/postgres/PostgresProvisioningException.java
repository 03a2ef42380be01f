package io.acog.testkit.postgres;

/**
 * The testkit could not get a PostgreSQL server or database. The message names what was tried
 * (never a password) and what to do about it.
 */
public class PostgresProvisioningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for an underlying failure.
     *
     * @param message what was tried and what to do about it; never a password
     * @param cause the underlying failure
     */
    public PostgresProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception.
     *
     * @param message what was tried and what to do about it; never a password
     */
    public PostgresProvisioningException(String message) {
        super(message);
    }
}
