/**
 * A real PostgreSQL for tests with no setup: {@link io.acog.testkit.postgres.PostgresServer} finds
 * or starts one per JVM, {@link io.acog.testkit.postgres.AcogPostgres} gives each test class a
 * migrated database of its own.
 */
package io.acog.testkit.postgres;
