package io.acog.jooq;

import static io.acog.jooq.generated.Tables.CHANNELS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.acog.testing.Jooq;
import io.acog.testkit.postgres.AcogPostgres;
import io.acog.testkit.postgres.PostgresServer;
import io.acog.testkit.postgres.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

@AcogPostgres(migrated = false, isolation = AcogPostgres.Isolation.PER_METHOD)
class AcogSchemaTest {

    @Test
    void migratesAnEmptySchemaThenASecondCallChangesNothing(DataSource dataSource, DSLContext db) {
        SchemaMigration first = AcogSchema.migrate(dataSource);
        SchemaCatalog afterFirst = SchemaCatalog.read(db, "public");
        int historyRows = db.fetchCount(DSL.table(AcogSchema.HISTORY_TABLE));

        SchemaMigration second = AcogSchema.migrate(dataSource);

        List<MigrationScripts> scripts = MigrationScripts.all();
        String newest = String.valueOf(scripts.get(scripts.size() - 1).version());
        assertThat(first.schema()).isEqualTo("public");
        assertThat(first.initialVersion()).isEmpty();
        assertThat(first.currentVersion()).isEqualTo(newest);
        assertThat(first.applied()).hasSize(scripts.size()).first().asString().isEqualTo("1 seed mvp schema");
        assertThat(first.changedSchema()).isTrue();

        assertThat(second.initialVersion()).contains(newest);
        assertThat(second.currentVersion()).isEqualTo(newest);
        assertThat(second.applied()).isEmpty();
        assertThat(second.changedSchema()).isFalse();
        assertThat(SchemaCatalog.read(db, "public")).isEqualTo(afterFirst);
        assertThat(db.fetchCount(DSL.table(AcogSchema.HISTORY_TABLE))).isEqualTo(historyRows);
    }

    @Test
    void flywayBuildsTheSameSchemaAsThePlainScriptsInVersionOrder(
            DataSource dataSource, DSLContext db, PostgresServer server) {
        AcogSchema.migrate(dataSource);

        try (TestDatabase plain = server.createEmptyDatabase()) {
            for (MigrationScripts script : MigrationScripts.all()) {
                script.applyTo(Jooq.dsl(plain));
            }
            assertThat(SchemaCatalog.read(Jooq.dsl(plain), "public")).isEqualTo(SchemaCatalog.read(db, "public"));
        }
    }

    @RepeatedTest(5) // a race needs chances to show
    void concurrentMigrationsAllSucceedAndExactlyOneApplies(TestDatabase database, DSLContext db) throws Exception {
        int starters = 4;
        CyclicBarrier start = new CyclicBarrier(starters);
        ExecutorService pool = Executors.newFixedThreadPool(starters);
        List<Future<SchemaMigration>> results = new ArrayList<>();
        try {
            for (int i = 0; i < starters; i++) {
                // A data source of its own per starter, as separate JVMs would have.
                DataSource own = copyOf(database.dataSource());
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return AcogSchema.migrate(own);
                }));
            }
            int applied = 0;
            for (Future<SchemaMigration> result : results) {
                if (result.get(60, TimeUnit.SECONDS).changedSchema()) {
                    applied++;
                }
            }
            assertThat(applied).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.fetchCount(
                        DSL.table(AcogSchema.HISTORY_TABLE),
                        DSL.field("success").isTrue().and(DSL.field("version").isNotNull())))
                .isEqualTo(MigrationScripts.all().size());
    }

    @Test
    void hostTablesInTheSameSchemaAreLeftAlone(DataSource dataSource, DSLContext db) {
        db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, note text)");
        db.execute("INSERT INTO orders VALUES (1, 'kept')");

        SchemaMigration migration = AcogSchema.migrate(dataSource);

        assertThat(migration.initialVersion()).isEmpty();
        assertThat(migration.applied()).isNotEmpty();
        assertThat(db.fetchValue("SELECT note FROM orders WHERE id = 1")).isEqualTo("kept");
        assertThat(db.fetchCount(CHANNELS)).isZero();
    }

    @Test
    void foreignTablesOfAcogsNamesAreRefusedBeforeAnythingIsWritten(DataSource dataSource, DSLContext db) {
        db.execute("CREATE TABLE jobs (id serial PRIMARY KEY)");
        db.execute("CREATE TABLE channels (id serial PRIMARY KEY)");
        SchemaCatalog before = SchemaCatalog.read(db, "public");

        AcogSchemaException error =
                catchThrowableOfType(AcogSchemaException.class, () -> AcogSchema.migrate(dataSource));

        assertThat(error)
                .hasMessageContaining("'public'")
                .hasMessageContaining("channels, jobs")
                .hasMessageContaining("AcogSchema.migrate(dataSource, \"acog\")");
        assertThat(SchemaCatalog.read(db, "public")).isEqualTo(before);
        assertThat(tableExists(db, AcogSchema.HISTORY_TABLE)).isFalse();
    }

    @Test
    void aFailureHalfwayRollsBackTheWholeMigration(DataSource dataSource, DSLContext db) {
        // No table clashes, so the check up front passes; V1 then fails at CREATE TYPE job_status,
        // after it has already created episode_status.
        db.execute("CREATE TYPE job_status AS ENUM ('mine')");
        SchemaCatalog before = SchemaCatalog.read(db, "public");

        AcogSchemaException error =
                catchThrowableOfType(AcogSchemaException.class, () -> AcogSchema.migrate(dataSource));

        assertThat(error).hasMessageContaining("job_status").hasMessageContaining("nothing was applied");
        assertThat(SchemaCatalog.read(db, "public")).isEqualTo(before);
        assertThat(tableExists(db, AcogSchema.HISTORY_TABLE)).isFalse();
    }

    @Test
    void migratesIntoASchemaOfItsOwnThatQueriesReachThroughTheSearchPath(TestDatabase database, DSLContext db)
            throws SQLException {
        SchemaMigration migration = AcogSchema.migrate(database.dataSource(), "acog");

        assertThat(migration.schema()).isEqualTo("acog");
        assertThat(SchemaCatalog.read(db, "acog").tables())
                .containsExactlyElementsOf(io.acog.jooq.generated.DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                        .map(org.jooq.Table::getName)
                        .sorted()
                        .toList());
        assertThat(SchemaCatalog.read(db, "public").tables()).isEmpty();

        PGSimpleDataSource inAcog = copyOf(database.dataSource());
        inAcog.setCurrentSchema("acog");
        DSLContext acog = DSL.using(inAcog, SQLDialect.POSTGRES);
        acog.insertInto(CHANNELS, CHANNELS.NAME, CHANNELS.SLUG)
                .values("Cosmos", "cosmos")
                .execute();
        assertThat(acog.fetchValue(CHANNELS.NAME, CHANNELS.SLUG.eq("cosmos"))).isEqualTo("Cosmos");
        assertThat(db.fetchValue("SELECT count(*) FROM acog.channels")).isEqualTo(1L);
    }

    @Test
    void aSchemaNameThatIsNotAPlainIdentifierIsRefused(DataSource dataSource) {
        assertThatThrownBy(() -> AcogSchema.migrate(dataSource, "Acog; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Acog; DROP TABLE x'")
                .hasMessageContaining("63 characters");
    }

    @Test
    void anUnreachableDatabaseIsReportedAsSuch() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/acog");
        nowhere.setConnectTimeout(2);

        assertThatThrownBy(() -> AcogSchema.migrate(nowhere))
                .isInstanceOf(AcogSchemaException.class)
                .hasMessageContaining("Cannot connect");
    }

    @Test
    void statusOfAFreshDatabaseIsNothingInstalledThenAfterMigrationUpToDate(DataSource dataSource, DSLContext db)
            throws IOException {
        String newest = newestMigrationInTheSources();
        SchemaCatalog before = SchemaCatalog.read(db, "public");

        SchemaStatus fresh = AcogSchema.status(dataSource);

        assertThat(fresh.schema()).isEqualTo("public");
        assertThat(fresh.installedVersion()).isEmpty();
        assertThat(fresh.shippedVersion()).isEqualTo(newest);
        assertThat(fresh.upToDate()).isFalse();
        assertThat(SchemaCatalog.read(db, "public"))
                .as("reading changes nothing")
                .isEqualTo(before);
        assertThat(tableExists(db, AcogSchema.HISTORY_TABLE)).isFalse();

        AcogSchema.migrate(dataSource);
        SchemaStatus migrated = AcogSchema.status(dataSource);

        assertThat(migrated.schema()).isEqualTo("public");
        assertThat(migrated.installedVersion()).contains(newest);
        assertThat(migrated.shippedVersion()).isEqualTo(newest);
        assertThat(migrated.upToDate()).isTrue();
    }

    @Test
    void statusOfANamedSchemaReadsThatSchemaOnly(DataSource dataSource, DSLContext db) throws IOException {
        String newest = newestMigrationInTheSources();

        SchemaStatus before = AcogSchema.status(dataSource, "acog");

        assertThat(before.schema()).isEqualTo("acog");
        assertThat(before.installedVersion()).isEmpty();
        assertThat(before.upToDate()).isFalse();
        assertThat(db.fetchExists(
                        DSL.table("pg_namespace"), DSL.field("nspname").eq("acog")))
                .as("reading does not create the schema")
                .isFalse();

        AcogSchema.migrate(dataSource, "acog");

        SchemaStatus acog = AcogSchema.status(dataSource, "acog");
        assertThat(acog.schema()).isEqualTo("acog");
        assertThat(acog.installedVersion()).contains(newest);
        assertThat(acog.shippedVersion()).isEqualTo(newest);
        assertThat(acog.upToDate()).isTrue();
        SchemaStatus publicSchema = AcogSchema.status(dataSource);
        assertThat(publicSchema.schema()).isEqualTo("public");
        assertThat(publicSchema.installedVersion())
                .as("public was not migrated")
                .isEmpty();
        assertThat(publicSchema.upToDate()).isFalse();
    }

    @Test
    void aDatabaseBehindOrAheadOfThisJarIsNotUpToDate(DataSource dataSource, DSLContext db) throws IOException {
        int newest = Integer.parseInt(newestMigrationInTheSources());
        AcogSchema.migrate(dataSource);
        String history = AcogSchema.HISTORY_TABLE;

        // as if the newest migration had not run yet
        db.execute("DELETE FROM " + history + " WHERE version = '" + newest + "'");
        SchemaStatus behind = AcogSchema.status(dataSource);
        assertThat(behind.installedVersion()).contains(String.valueOf(newest - 1));
        assertThat(behind.shippedVersion()).isEqualTo(String.valueOf(newest));
        assertThat(behind.upToDate()).isFalse();

        // as if a newer ACOG had migrated it two versions further
        for (int version = newest; version <= newest + 1; version++) {
            db.execute(
                    "INSERT INTO " + history + " (installed_rank, version, description, type, script, checksum,"
                            + " installed_by, execution_time, success) SELECT max(installed_rank) + 1, ?, 'later',"
                            + " 'SQL', ?, 0, current_user, 1, true FROM " + history,
                    String.valueOf(version),
                    "V" + version + "__later.sql");
        }
        SchemaStatus ahead = AcogSchema.status(dataSource);
        assertThat(ahead.installedVersion()).contains(String.valueOf(newest + 1));
        assertThat(ahead.shippedVersion())
                .as("what this jar ships, not what the database records")
                .isEqualTo(String.valueOf(newest));
        assertThat(ahead.upToDate()).isFalse();
    }

    @Test
    void statusRefusesASchemaNameThatIsNotAPlainIdentifier(DataSource dataSource) {
        assertThatThrownBy(() -> AcogSchema.status(dataSource, "Acog; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Acog; DROP TABLE x'")
                .hasMessageContaining("63 characters");
    }

    @Test
    void statusOfAnUnreachableDatabaseIsASchemaErrorWithoutThePassword() {
        String password = "pw-9c41e7-never-shown";
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/acog");
        nowhere.setUser("acog");
        nowhere.setPassword(password);
        nowhere.setConnectTimeout(2);

        for (ThrowingCallable status :
                List.<ThrowingCallable>of(() -> AcogSchema.status(nowhere), () -> AcogSchema.status(nowhere, "acog"))) {
            assertThatThrownBy(status)
                    .isInstanceOf(AcogSchemaException.class)
                    .hasMessageStartingWith("Cannot read the ACOG schema's version")
                    .hasMessageContaining("127.0.0.1:1")
                    .hasMessageNotContaining(password);
        }
    }

    /** The highest version among the V&lt;n&gt;__*.sql files in acog-jooq's sources. */
    private static String newestMigrationInTheSources() throws IOException {
        Path migrations = Path.of("..", "acog-jooq", "src", "main", "resources", "db", "migration");
        Pattern versioned = Pattern.compile("V(\\d+)__.+\\.sql");
        try (Stream<Path> files = Files.list(migrations)) {
            return String.valueOf(
                    files.map(file -> versioned.matcher(file.getFileName().toString()))
                            .filter(Matcher::matches)
                            .mapToInt(name -> Integer.parseInt(name.group(1)))
                            .max()
                            .orElseThrow(() -> new AssertionError("no V<n>__*.sql in " + migrations.toAbsolutePath())));
        }
    }

    private static boolean tableExists(DSLContext db, String table) {
        return db.fetchExists(DSL.table("pg_tables"), DSL.field("tablename").eq(table));
    }

    /** Unpooled connections like the test database's (its pool wraps them). */
    private static PGSimpleDataSource copyOf(DataSource dataSource) throws SQLException {
        PGSimpleDataSource source = dataSource.unwrap(PGSimpleDataSource.class);
        PGSimpleDataSource copy = new PGSimpleDataSource();
        copy.setURL(source.getURL());
        copy.setUser(source.getUser());
        copy.setPassword(source.getPassword());
        return copy;
    }
}
