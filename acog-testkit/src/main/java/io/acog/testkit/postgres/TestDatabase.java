package io.acog.testkit.postgres;

import javax.sql.DataSource;
import org.jooq.DSLContext;

/**
 * A database of its own on the testkit's {@link PostgresServer}, for one test class, one test or
 * one demo run. Closing it drops it.
 *
 * <p>Thread-safe: {@link #dataSource()} hands out a new connection per call.
 */
public interface TestDatabase extends AutoCloseable {

    /** The database's name on the server, unique for this server. */
    String name();

    /** A JDBC URL of the database, without the password. */
    String jdbcUrl();

    /** The user the connections log in as. */
    String user();

    /** Connections to this database; each {@code getConnection()} opens a new one. */
    DataSource dataSource();

    /** A jOOQ context over {@link #dataSource()} in the PostgreSQL dialect. */
    DSLContext dsl();

    /**
     * Drops the database, ending any connection still open to it.
     *
     * @throws PostgresProvisioningException when the server refuses
     */
    @Override
    void close();
}
