/**
 * ACOG's schema: the Flyway migrations, {@link io.acog.jooq.AcogSchema} that applies them, and the
 * jOOQ classes generated from the schema.
 */
@SuppressWarnings("requires-automatic") // Flyway's jars have no module name: flyway.core is their file name's
module io.acog.jooq {
    requires transitive java.sql;
    requires transitive org.jooq;
    requires flyway.core;

    exports io.acog.jooq;
    exports io.acog.jooq.generated;
    exports io.acog.jooq.generated.enums;
    exports io.acog.jooq.generated.tables;
    exports io.acog.jooq.generated.tables.records;

    // Flyway reads the migrations as resources of this package
    opens io.acog.jooq.migration;
}
