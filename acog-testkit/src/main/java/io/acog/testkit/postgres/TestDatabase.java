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

    /** The database's name on the server, unique for this server. */
    String name();

    /** A JDBC URL of the database, without the password. */
    String jdbcUrl();

    /** The user the connections log in as. */
    String user();

    /**
     * A pool of connections to this database (HikariCP, up to {@value #POOL_SIZE} connections,
     * none kept idle for long), as a host application would give ACOG: a connection per call would
     * make PostgreSQL start a server process for every transaction. Closed with the database.
     */
    DataSource dataSource();

    /** The most connections {@link #dataSource()} opens at once. */
    int POOL_SIZE = 40;

    /**
     * Closes the pool and drops the database, ending any connection still open to it.
     *
     * @throws PostgresProvisioningException when the server refuses
     */
    @Override
    void close();
}
