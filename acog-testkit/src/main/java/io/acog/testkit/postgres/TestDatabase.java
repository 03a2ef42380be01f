package io.acog.testkit.postgres;

import javax.sql.DataSource;

/**
 * A database of its own on the testkit's {@link PostgresServer}, for one test class, one test or
 * one demo run. Closing it drops it.
 *
 * <p>Thread-safe: {@link #dataSource()} is a connection pool (HikariCP), as a host application's
 * would be.
 */
public interface TestDatabase extends AutoCloseable {

    /**
     * Returns the database's name on the server, unique for this server.
     *
     * @return the name
     */
    String name();

    /**
     * Returns a JDBC URL of the database, without the password.
     *
     * @return the URL
     */
    String jdbcUrl();

    /**
     * Returns the user the connections log in as.
     *
     * @return the user name
     */
    String user();

    /**
     * Returns a pool of connections to this database (HikariCP, up to {@value #POOL_SIZE}
     * connections, none kept idle for long), as a host application would give ACOG: a connection
     * per call would make PostgreSQL start a server process for every transaction. Closed with the
     * database.
     *
     * @return the pool
     */
    DataSource dataSource();

    /** The most connections {@link #dataSource()} opens at once. */
    int POOL_SIZE = 40;

    /**
     * Closes the pool and leaves the database on the server, for a person to look at (the demo's
     * {@code --keep}); a later {@link #close()} does nothing. On the embedded server the database
     * goes when the server stops with the JVM.
     */
    void keep();

    /**
     * Closes the pool and drops the database, ending any connection still open to it.
     *
     * @throws PostgresProvisioningException when the server refuses
     */
    @Override
    void close();
}
