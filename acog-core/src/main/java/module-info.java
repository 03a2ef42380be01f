/**
 * ACOG's domain API: {@link io.acog.core.Acog} and the repositories, the job queue and the episode
 * pipeline it hands out. Only the API packages are exported; the implementation
 * ({@code io.acog.core.internal.*}) is not reachable from other modules. {@link
 * io.acog.core.jooq.AcogJooq} is the one exported type that names jOOQ: hosts that use it require
 * {@code org.jooq} themselves.
 */
@SuppressWarnings("exports") // AcogJooq names jOOQ's DSLContext without making jOOQ transitive
module io.acog.core {
    requires transitive java.sql;
    requires transitive io.acog.spi;
    requires io.acog.jooq;
    requires org.jooq;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.postgresql.jdbc;
    requires org.slf4j;

    exports io.acog.core;
    exports io.acog.core.asset;
    exports io.acog.core.channel;
    exports io.acog.core.episode;
    exports io.acog.core.job;
    exports io.acog.core.jooq;
    exports io.acog.core.maintenance;
    exports io.acog.core.pipeline;
    exports io.acog.core.pulse;

    // the typed inputs of the pipeline's jobs are read and written by the JSON codec
    opens io.acog.core.internal.pipeline.state to
            com.fasterxml.jackson.databind;

    uses io.acog.spi.ProviderPlugin;
}
