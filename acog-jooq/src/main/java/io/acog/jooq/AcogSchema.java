package io.acog.jooq;

import io.acog.jooq.generated.DefaultSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.Table;

/**
 * Creates and upgrades the ACOG tables in a host application's PostgreSQL (14 or newer).
 *
 * <p>One call, at start-up, before anything else of ACOG touches the database:
 *
 * <pre>{@code
 * AcogSchema.migrate(dataSource);            // the connection's current schema
 * AcogSchema.migrate(dataSource, "acog");    // or a schema of ACOG's own (created if missing)
 * }</pre>
 *
 * <p>The migrations are the SQL files this jar ships; Flyway applies the pending ones and records
 * them in the table {@value #HISTORY_TABLE}, so ACOG never touches a host application's own
 * {@code flyway_schema_history}. The call is idempotent (a current schema is left alone) and safe
 * when several JVMs start at once: a PostgreSQL advisory lock per schema serialises them, one
 * applies the migrations, the others wait and find nothing left to do. All pending migrations run in one
 * transaction, so a failure leaves the database as it was. A call holds two connections of the
 * data source at once (one for a PostgreSQL advisory lock, one for Flyway): a pool must allow that.
 *
 * <p>A schema that already holds tables of ACOG's names that ACOG did not create is refused with
 * an {@link AcogSchemaException} naming them, before anything is written. Give ACOG a schema of
 * its own in that case, and point the connections ACOG uses at it (for example
 * {@code ?currentSchema=acog} on the JDBC URL): the generated jOOQ classes carry no schema name and
 * follow the connection's {@code search_path}.
 *
 * <p>Thread-safe: the class holds no state.
 */
public final class AcogSchema {

    /** The table in which ACOG's migrations are recorded, in the same schema as ACOG's tables. */
    public static final String HISTORY_TABLE = "acog_schema_history";

    /**
     * Where the migrations sit on the class path. The build copies them there from
     * {@code src/main/resources/db/migration}: {@code classpath:db/migration} is Flyway's (and
     * Spring Boot's) default location, and a host scanning it would take ACOG's migrations for its
     * own.
     */
    static final String MIGRATIONS_LOCATION = "classpath:io/acog/jooq/migration";

    /** First key of ACOG's advisory locks ('ACOG' in ASCII); the second names the schema. */
    private static final int LOCK_CLASS = 0x41434F47;

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private AcogSchema() {}

    /**
     * Brings the ACOG tables in the connection's current schema (the first existing entry of its
     * {@code search_path}, normally {@code public}) up to the newest version this jar ships.
     *
     * @param dataSource connections to the target database; the user needs the privileges to
     *     create types, tables, indexes, functions and triggers there
     * @return what was applied; nothing when the schema was already current
     * @throws AcogSchemaException when the schema holds conflicting objects, the database was
     *     migrated by a newer ACOG, or the database cannot be reached; nothing is left half-applied
     */
    public static SchemaMigration migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return run(dataSource, null);
    }

    /**
     * Brings the ACOG tables in {@code schema} up to the newest version this jar ships, creating
     * the schema when it does not exist.
     *
     * @param dataSource connections to the target database
     * @param schema an unquoted PostgreSQL identifier: lower case letters, digits and underscores,
     *     at most 63 characters, not starting with a digit
     * @return what was applied; nothing when the schema was already current
     * @throws IllegalArgumentException when {@code schema} is not such an identifier
     * @throws AcogSchemaException as {@link #migrate(DataSource)}
     */
    public static SchemaMigration migrate(DataSource dataSource, String schema) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(schema, "schema");
        checkName(schema);
        return run(dataSource, schema);
    }

    private static FluentConfiguration configuration(DataSource dataSource, String schema) {
        FluentConfiguration configuration = Flyway.configure(AcogSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS_LOCATION)
                .failOnMissingLocations(true)
                .table(HISTORY_TABLE)
                // A host's schema usually holds its own tables: start ACOG's history at version 0
                // there instead of refusing a non-empty schema, then apply V1 onwards.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("ACOG history started in a schema with other objects")
                // All pending migrations in one transaction: a failure rolls back all of them.
                .group(true)
                .validateMigrationNaming(true)
                .cleanDisabled(true);
        if (schema != null) {
            configuration.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        return configuration;
    }

    /**
     * Reads which version of the ACOG schema the connection's current schema holds, without
     * changing anything: what a health check compares with the version this jar ships.
     *
     * @param dataSource connections to the database
     * @return the installed and the shipped version
     * @throws AcogSchemaException when the database cannot be reached or read
     */
    public static SchemaStatus status(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return inspect(dataSource, null);
    }

    /**
     * Reads which version of the ACOG schema {@code schema} holds, without changing anything.
     *
     * @param dataSource connections to the database
     * @param schema the schema given to {@link #migrate(DataSource, String)}
     * @return the installed and the shipped version
     * @throws IllegalArgumentException when {@code schema} is not an unquoted PostgreSQL identifier
     * @throws AcogSchemaException when the database cannot be reached or read
     */
    public static SchemaStatus status(DataSource dataSource, String schema) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(schema, "schema");
        checkName(schema);
        return inspect(dataSource, schema);
    }

    private static SchemaStatus inspect(DataSource dataSource, String schema) {
        try (Connection connection = dataSource.getConnection()) {
            String target = schema != null ? schema : currentSchema(connection);
            MigrationInfoService info = configuration(dataSource, schema).load().info();
            MigrationVersion shipped = null;
            for (MigrationInfo migration : info.all()) {
                // resolved: a script of this jar. A version a newer ACOG applied is in the history
                // (with its script's name) but not here, and must not count as shipped, or a
                // database ahead of this jar would look up to date
                if (migration.getState().isResolved()
                        && migration.getVersion() != null
                        && (shipped == null || migration.getVersion().compareTo(shipped) > 0)) {
                    shipped = migration.getVersion();
                }
            }
            MigrationInfo current = info.current();
            Optional<String> installed = Optional.ofNullable(current)
                    .map(MigrationInfo::getVersion)
                    .map(MigrationVersion::getVersion)
                    .filter(version -> !version.equals("0"));
            return new SchemaStatus(target, installed, shipped == null ? "0" : shipped.getVersion());
        } catch (SQLException | FlywayException e) {
            throw new AcogSchemaException("Cannot read the ACOG schema's version: " + e.getMessage(), e);
        }
    }

    private static void checkName(String schema) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be an unquoted PostgreSQL identifier"
                    + " (lower case letters, digits and underscores, 1 to 63 characters, not"
                    + " starting with a digit), got '" + schema + "'");
        }
    }

    private static SchemaMigration run(DataSource dataSource, String schema) {
        FluentConfiguration configuration = configuration(dataSource, schema);
        try (Connection connection = dataSource.getConnection()) {
            String target = schema != null ? schema : currentSchema(connection);
            // Flyway locks its history table, but not before the table exists: starters racing on
            // an empty schema could each apply V1. One session lock per target schema, held from
            // the check for foreign tables to the clean-up after a failure, serialises them.
            try (PreparedStatement lock =
                    connection.prepareStatement("SELECT pg_advisory_lock(" + LOCK_CLASS + ", hashtext(?))")) {
                lock.setString(1, target);
                lock.execute();
            }
            try {
                return migrateLocked(configuration, connection, target);
            } finally {
                try (PreparedStatement unlock =
                        connection.prepareStatement("SELECT pg_advisory_unlock(" + LOCK_CLASS + ", hashtext(?))")) {
                    unlock.setString(1, target);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new AcogSchemaException("Cannot connect to migrate the ACOG schema: " + e.getMessage(), e);
        }
    }

    private static SchemaMigration migrateLocked(
            FluentConfiguration configuration, Connection connection, String target) throws SQLException {
        Existing existing = refuseForeignTables(connection, target);
        MigrateResult result;
        try {
            result = configuration.load().migrate();
        } catch (FlywayException e) {
            AcogSchemaException failure = new AcogSchemaException(
                    "Migrating the ACOG schema in '" + target + "' failed; nothing was applied: " + e.getMessage(), e);
            undoBookkeeping(connection, target, existing, failure);
            throw failure;
        }
        List<String> applied = new ArrayList<>();
        for (MigrateOutput migration : result.migrations) {
            applied.add(migration.version + " " + migration.description);
        }
        Optional<String> initial = Optional.ofNullable(result.initialSchemaVersion)
                .filter(version -> !version.isBlank() && !version.equals("0"));
        String current = result.targetSchemaVersion != null ? result.targetSchemaVersion : initial.orElseThrow();
        return new SchemaMigration(target, initial, current, applied);
    }

    private static String currentSchema(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        if (schema == null) {
            throw new AcogSchemaException("The connection has no current schema: no entry of"
                    + " its search_path exists. Create the schema, or call"
                    + " AcogSchema.migrate(dataSource, schema).");
        }
        return schema;
    }

    /** What was in the target schema before this call. */
    private record Existing(boolean schema, boolean history) {}

    /**
     * Refuses a schema that has tables named like ACOG's but no ACOG history: those are someone
     * else's, and CREATE TABLE would fail on the first of them anyway. Listing all of them up front
     * is kinder than failing on one at a time.
     */
    private static Existing refuseForeignTables(Connection connection, String schema) throws SQLException {
        List<String> ours = new ArrayList<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            ours.add(table.getName());
        }
        String sql = "SELECT c.relname FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND (c.relname = ANY (?) OR c.relname = ?)"
                + " UNION ALL SELECT '' FROM pg_catalog.pg_namespace WHERE nspname = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            statement.setArray(2, connection.createArrayOf("text", ours.toArray()));
            statement.setString(3, HISTORY_TABLE);
            statement.setString(4, schema);
            TreeSet<String> clashes = new TreeSet<>();
            boolean schemaExists = false;
            boolean history = false;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    if (name.isEmpty()) {
                        schemaExists = true;
                    } else if (name.equals(HISTORY_TABLE)) {
                        history = true;
                    } else {
                        clashes.add(name);
                    }
                }
            }
            if (!history && !clashes.isEmpty()) {
                throw new AcogSchemaException("Schema '" + schema + "' already has "
                        + String.join(", ", clashes) + ", which ACOG did not create (there is no "
                        + HISTORY_TABLE + "). Nothing was changed. Give ACOG a schema of its own:"
                        + " AcogSchema.migrate(dataSource, \"acog\").");
            }
            return new Existing(schemaExists, history);
        }
    }

    /**
     * Flyway rolls the failed migrations back, but creates its history table (with a baseline row
     * in a non-empty schema) and the schema outside that transaction. Removes what this call
     * created, so that a failed call leaves the database as it found it. A history table that
     * records a successful migration is never dropped (another node may have migrated meanwhile).
     */
    private static void undoBookkeeping(
            Connection connection, String schema, Existing existing, AcogSchemaException failure) {
        if (existing.history()) {
            return;
        }
        String history = "\"" + schema + "\"." + HISTORY_TABLE;
        try (Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN"
                    + " IF to_regclass('" + history.replace("'", "''") + "') IS NOT NULL"
                    + "   AND NOT EXISTS (SELECT 1 FROM " + history
                    + "     WHERE success AND type NOT IN ('BASELINE', 'SCHEMA'))"
                    + " THEN DROP TABLE " + history + "; END IF; END $$");
            if (!existing.schema()) {
                // RESTRICT: only an empty schema goes.
                statement.execute("DROP SCHEMA IF EXISTS \"" + schema + "\"");
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
