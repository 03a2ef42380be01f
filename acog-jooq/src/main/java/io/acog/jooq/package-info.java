/**
 * ACOG's PostgreSQL schema for host applications: {@link
 * io.acog.jooq.AcogSchema#migrate(javax.sql.DataSource)} creates or upgrades the ACOG tables at
 * start-up and reports what it did as a {@link io.acog.jooq.SchemaMigration}; a failure is an
 * {@link io.acog.jooq.AcogSchemaException}. The jOOQ classes in {@code io.acog.jooq.generated} are
 * generated from the same migrations; they carry no schema name, so queries follow the
 * connection's {@code search_path}.
 */
package io.acog.jooq;
