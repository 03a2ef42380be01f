package io.acog.testkit.postgres;

import static io.acog.testkit.postgres.ProvisionerTest.ACOG_TABLES;
import static io.acog.testkit.postgres.ProvisionerTest.databaseExists;
import static io.acog.testkit.postgres.ProvisionerTest.tableCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void oneServerPerJvm() {
        assertThat(PostgresServer.shared()).isSameAs(PostgresServer.shared());
        assertThat(PostgresServer.shared().majorVersion()).isGreaterThanOrEqualTo(14);
        assertThat(PostgresServer.shared().description()).contains("PostgreSQL");
    }

    /**
     * The binaries come from the testkit's own dependencies, as they do for a host: without them
     * zonky's pom would bring PostgreSQL 14. The build passes the version it declares.
     */
    @Test
    void theEmbeddedServerRunsThePostgresTheTestkitDeclares() {
        PostgresServer server = PostgresServer.shared();
        assumeTrue(server.provisioning() == Provisioning.EMBEDDED, "not embedded: " + server.description());
        String declared = System.getProperty("acog.test.postgres.binaries.version"); // e.g. 17.11.0
        assertThat(declared).as("set by the testkit's surefire configuration").isNotBlank();

        assertThat(server.description()).startsWith("embedded PostgreSQL " + declared.replaceFirst("\\.0$", "") + " ");
    }

    @Test
    void aNewDatabaseHasTheAcogSchemaAndNoRows() throws Exception {
        try (TestDatabase database = PostgresServer.shared().createDatabase()) {
            DSLContext db = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
            assertThat(tableCount(database)).isEqualTo(ACOG_TABLES);
            assertThat(db.fetchCount(DSL.table("channels"))).isZero();
            assertThat(db.fetchValue("SELECT max(version) FROM acog_schema_history WHERE success"))
                    .isNotNull();
        }
    }

    @Test
    void anEmptyDatabaseHasNoTables() throws Exception {
        try (TestDatabase database = PostgresServer.shared().createEmptyDatabase()) {
            assertThat(tableCount(database)).isZero();
            assertThat(DSL.using(database.dataSource(), SQLDialect.POSTGRES)
                            .fetchCount(
                                    DSL.table("pg_tables"),
                                    DSL.field("schemaname").eq("public")))
                    .isZero();
        }
    }

    @Test
    void databasesAreIsolatedFromEachOther() {
        try (TestDatabase first = PostgresServer.shared().createDatabase();
                TestDatabase second = PostgresServer.shared().createDatabase()) {
            DSL.using(first.dataSource(), SQLDialect.POSTGRES)
                    .execute("INSERT INTO channels (name, slug) VALUES ('A', 'a')");

            assertThat(DSL.using(first.dataSource(), SQLDialect.POSTGRES).fetchCount(DSL.table("channels")))
                    .isEqualTo(1);
            assertThat(DSL.using(second.dataSource(), SQLDialect.POSTGRES).fetchCount(DSL.table("channels")))
                    .isZero();
            assertThat(first.name()).isNotEqualTo(second.name());
        }
    }

    @Test
    void closeDropsTheDatabaseEvenWithConnectionsOpen() throws Exception {
        Cluster server = (Cluster) PostgresServer.shared();
        TestDatabase database = server.createDatabase();
        Connection open = database.dataSource().getConnection();
        try {
            assertThat(databaseExists(server, database.name())).isTrue();
            database.close();
            database.close(); // a second close is a no-op
            assertThat(databaseExists(server, database.name())).isFalse();
            assertThat(database.jdbcUrl()).contains(database.name());
        } finally {
            open.close();
        }
    }

    @Test
    void aKeptDatabaseStaysOnTheServerForAPersonToLookAt() throws Exception {
        Cluster server = (Cluster) PostgresServer.shared();
        TestDatabase database = server.createDatabase();
        try {
            database.keep();
            database.close(); // after keep(), close() leaves it too
            assertThat(databaseExists(server, database.name())).isTrue();
        } finally {
            try (Connection admin = server.dataSource(null).getConnection();
                    java.sql.Statement drop = admin.createStatement()) {
                drop.execute("DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
            }
        }
    }

    @Test
    void concurrentCallersEachGetTheirOwnMigratedDatabase() throws Exception {
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<TestDatabase> made = new ArrayList<>();
        try {
            List<Future<TestDatabase>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<TestDatabase> create = () -> PostgresServer.shared().createDatabase();
                futures.add(pool.submit(create));
            }
            for (Future<TestDatabase> future : futures) {
                made.add(future.get());
            }
            Set<String> names = new HashSet<>();
            for (TestDatabase database : made) {
                names.add(database.name());
                assertThat(tableCount(database)).isEqualTo(ACOG_TABLES);
            }
            assertThat(names).hasSize(callers);
        } finally {
            made.forEach(TestDatabase::close);
            pool.shutdownNow();
        }
    }
}
