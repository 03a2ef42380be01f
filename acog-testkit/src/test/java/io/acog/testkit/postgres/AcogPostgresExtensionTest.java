package io.acog.testkit.postgres;

import static io.acog.testkit.postgres.ProvisionerTest.databaseExists;
import static io.acog.testkit.postgres.ProvisionerTest.tableCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs small annotated test classes through the JUnit engine and checks what they saw and what was
 * left behind. The samples are static nested classes, which Maven Surefire does not run by itself.
 */
class AcogPostgresExtensionTest {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @Test
    void perClassDatabaseIsSharedByTheClassAndDroppedAfterIt() throws Exception {
        SEEN.clear();

        Events tests = run(PerClassSample.class);

        tests.assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(SEEN).hasSize(3).containsOnly(SEEN.get(0));
        assertThat(databaseExists((Cluster) PostgresServer.shared(), SEEN.get(0)))
                .isFalse();
    }

    @Test
    void perMethodDatabaseIsFreshForEveryTest() throws Exception {
        SEEN.clear();

        Events tests = run(PerMethodSample.class);

        tests.assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
        for (String name : SEEN) {
            assertThat(databaseExists((Cluster) PostgresServer.shared(), name)).isFalse();
        }
    }

    @Test
    void unmigratedDatabaseIsEmpty() {
        SEEN.clear();

        run(EmptySample.class).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void nestedClassesShareTheEnclosingDatabase() {
        SEEN.clear();

        run(NestingSample.class).assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(SEEN).hasSize(2).containsOnly(SEEN.get(0));
    }

    @Test
    void aFailingTestStillDropsItsDatabase() throws Exception {
        SEEN.clear();

        run(FailingSample.class).assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(SEEN).hasSize(1);
        assertThat(databaseExists((Cluster) PostgresServer.shared(), SEEN.get(0)))
                .isFalse();
    }

    private static Events run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(sample))
                .execute()
                .testEvents();
    }

    @AcogPostgres
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClassSample {
        private final DataSource constructorInjected;

        PerClassSample(DataSource dataSource) {
            this.constructorInjected = dataSource;
        }

        @Test
        @Order(1)
        void writes(TestDatabase database) {
            DSLContext db = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
            SEEN.add(database.name());
            db.execute("INSERT INTO channels (name, slug) VALUES ('A', 'a')");
        }

        @Test
        @Order(2)
        void seesTheRowOfTheTestBefore(TestDatabase database) {
            DSLContext db = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
            SEEN.add(database.name());
            assertThat(db.fetchCount(DSL.table("channels"))).isEqualTo(1);
        }

        @Test
        @Order(3)
        void injectsTheSameDatabaseEverywhere(DataSource dataSource, TestDatabase database, PostgresServer server) {
            SEEN.add(database.name());
            assertThat(dataSource).isSameAs(constructorInjected).isSameAs(database.dataSource());
            assertThat(server).isSameAs(PostgresServer.shared());
        }
    }

    @AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
    static class PerMethodSample {
        @Test
        void first(TestDatabase database) {
            DSLContext db = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
            SEEN.add(database.name());
            assertThat(db.fetchCount(DSL.table("channels"))).isZero();
            db.execute("INSERT INTO channels (name, slug) VALUES ('A', 'a')");
        }

        @Test
        void second(TestDatabase database) {
            DSLContext db = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
            SEEN.add(database.name());
            assertThat(db.fetchCount(DSL.table("channels"))).isZero();
            db.execute("INSERT INTO channels (name, slug) VALUES ('A', 'a')");
        }
    }

    @AcogPostgres(migrated = false)
    static class EmptySample {
        @Test
        void hasNoTables(TestDatabase database) throws Exception {
            assertThat(tableCount(database)).isZero();
        }
    }

    @AcogPostgres
    static class NestingSample {
        @Test
        void outer(TestDatabase database) {
            SEEN.add(database.name());
        }

        @Nested
        class Inner {
            @Test
            void inner(TestDatabase database) {
                SEEN.add(database.name());
            }
        }
    }

    @AcogPostgres
    static class FailingSample {
        @Test
        void fails(TestDatabase database) {
            SEEN.add(database.name());
            throw new AssertionError("deliberately");
        }
    }
}
