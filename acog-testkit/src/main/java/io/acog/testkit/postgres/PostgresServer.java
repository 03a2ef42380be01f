package io.acog.testkit.postgres;

/**
 * The PostgreSQL server that tests, the demo and the benchmarks run against: one per JVM, found or
 * started on first use, in this order:
 *
 * <ol>
 *   <li>{@code ACOG_JDBC_URL} (with {@code ACOG_JDBC_USER} and {@code ACOG_JDBC_PASSWORD}) when that
 *       environment variable is set: a server of your own. The user needs the CREATEDB privilege,
 *       since every test class gets a database of its own;
 *   <li>a Testcontainers container, when Testcontainers is on the class path and a Docker engine
 *       answers;
 *   <li>an embedded PostgreSQL 17 process, started from the binaries on the class path. It needs
 *       nothing installed and stops when the JVM exits.
 * </ol>
 *
 * <p>Each {@link #createDatabase()} is a fresh database with the ACOG schema, copied from a
 * template migrated once per JVM ({@code CREATE DATABASE ... TEMPLATE}), which takes milliseconds
 * rather than a migration's time.
 *
 * <p>Thread-safe.
 */
public interface PostgresServer {

    /**
     * Returns the JVM's server, provisioned on the first call.
     *
     * @return the server, shared by every test of the JVM
     * @throws PostgresProvisioningException when no server can be had: for example when {@code
     *     ACOG_JDBC_URL} names a server that does not answer within seconds. Every later call
     *     throws the same error without trying again.
     */
    static PostgresServer shared() {
        return Provisioner.shared();
    }

    /**
     * Returns where this server came from.
     *
     * @return how it was provisioned
     */
    Provisioning provisioning();

    /**
     * Returns a line for logs, e.g. {@code "embedded PostgreSQL 17.11 at localhost:41234"}; no
     * password.
     *
     * @return the description
     */
    String description();

    /**
     * Returns the server's major version, e.g. {@code 17}.
     *
     * @return the major version
     */
    int majorVersion();

    /**
     * Creates a new database with the ACOG schema at the newest version; close it to drop it.
     *
     * @return the database
     * @throws PostgresProvisioningException when the server refuses
     */
    TestDatabase createDatabase();

    /**
     * Creates a new database without the ACOG schema, as {@code CREATE DATABASE} makes it: for
     * tests of migrations themselves. Close it to drop it.
     *
     * @return the database
     * @throws PostgresProvisioningException when the server refuses
     */
    TestDatabase createEmptyDatabase();
}
