package io.acog.spring.boot;

import io.acog.jooq.AcogSchema;
import io.acog.jooq.SchemaMigration;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Readies ACOG's tables before anything of ACOG uses them: migrates them ({@code
 * acog.migration.enabled}), and with {@code acog.schema} checks that the DataSource's connections
 * resolve unqualified names to that schema, since ACOG's generated SQL carries no schema name.
 */
final class AcogSchemaSetup implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(AcogSchemaSetup.class);

    private final DataSource dataSource;
    private final String schema;
    private final boolean migrate;

    AcogSchemaSetup(DataSource dataSource, String schema, boolean migrate) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.migrate = migrate;
    }

    @Override
    public void afterPropertiesSet() {
        if (migrate) {
            SchemaMigration migration =
                    schema == null ? AcogSchema.migrate(dataSource) : AcogSchema.migrate(dataSource, schema);
            if (migration.applied().isEmpty()) {
                LOG.info("ACOG schema '{}' is at version {}", migration.schema(), migration.currentVersion());
            } else {
                LOG.info(
                        "ACOG schema '{}' migrated from version {} to {}",
                        migration.schema(),
                        migration.initialVersion().orElse("none"),
                        migration.currentVersion());
            }
        }
        if (schema != null) {
            checkConnectionsUse(schema);
        }
    }

    private void checkConnectionsUse(String expected) {
        String current;
        try (Connection connection = dataSource.getConnection()) {
            current = connection.getSchema();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot read the current schema of the DataSource's connections: " + e.getMessage(), e);
        }
        if (!expected.equals(current)) {
            throw new IllegalStateException("acog.schema is '" + expected + "', but the DataSource's connections use"
                    + (current == null ? " no existing schema" : " schema '" + current + "'")
                    + ". ACOG's SQL names no schema, so its tables must be the connections' current schema: add"
                    + " ?currentSchema=" + expected + " to the JDBC URL (spring.datasource.url), or set"
                    + " spring.datasource.hikari.schema=" + expected);
        }
    }
}
