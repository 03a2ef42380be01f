package io.acog.micrometer;

import static io.acog.micrometer.Meters.count;
import static io.acog.micrometer.Meters.gauge;
import static io.acog.micrometer.Meters.scrape;
import static io.acog.micrometer.Meters.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.acog.core.Acog;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.JobOutcome;
import io.acog.core.job.JobStatus;
import io.acog.core.job.JobWorker;
import io.acog.core.job.NewJob;
import io.acog.testkit.TestClock;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import io.acog.testkit.postgres.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;

/**
 * The gauges of the queue and the episodes, on a test clock: what they show, that a scrape reads
 * the database once per refresh however many gauges and registries read it, that a database that
 * is away leaves them at their last values without throwing, and that a worker's reclaim of an
 * expired lease is counted.
 */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class QueueGaugesTest {

    private static final Duration REFRESH = Duration.ofSeconds(10);

    private final TestClock clock = TestClock.at(Instant.parse("2026-03-01T12:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Logger readingsLog = (Logger) LoggerFactory.getLogger(QueueReadings.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        readingsLog.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        readingsLog.detachAppender(logged);
    }

    private Acog acog(DataSource dataSource) {
        return Acog.builder().dataSource(dataSource).clock(clock).build();
    }

    private List<ILoggingEvent> logged(Level level) {
        return logged.list.stream().filter(e -> e.getLevel() == level).toList();
    }

    @Test
    void theGaugesShowTheQueueAndTheEpisodesAndAWorkersReclaimIsCounted(DataSource dataSource) {
        Acog acog = acog(dataSource);
        AcogFixtures fixtures = new AcogFixtures(acog);
        AcogMetrics metrics = AcogMetrics.builder(acog).refreshEvery(REFRESH).build();
        metrics.bindTo(registry);
        Episode first = fixtures.episode().create();
        Episode second = fixtures.episode().create();
        fixtures.episode().status(EpisodeStatus.FAILED).create();
        acog.jobs().enqueue(NewJob.builder(first.id(), PipelineStage.PLANNING).build());
        acog.jobs().enqueue(NewJob.builder(second.id(), PipelineStage.PLANNING).build());
        acog.jobs().enqueue(NewJob.builder(first.id(), PipelineStage.AUDIO).build());

        // a fixed set of series, all there from the start
        assertThat(registry.find(AcogMeters.QUEUE_DEPTH).gauges()).hasSize(2 * PipelineStage.values().length);
        assertThat(registry.find(AcogMeters.QUEUE_OLDEST_AGE).timeGauges()).hasSize(PipelineStage.values().length);
        assertThat(registry.find(AcogMeters.EPISODES).gauges()).hasSize(EpisodeStatus.values().length);
        assertThat(registry.find(AcogMeters.QUEUE_LEASES_EXPIRED).gauges()).hasSize(1);

        assertThat(gauge(registry, AcogMeters.QUEUE_DEPTH, "stage", "planning", "status", "queued"))
                .isEqualTo(2);
        assertThat(gauge(registry, AcogMeters.QUEUE_DEPTH, "stage", "audio", "status", "queued"))
                .isEqualTo(1);
        assertThat(gauge(registry, AcogMeters.QUEUE_DEPTH, "stage", "planning", "status", "running"))
                .isZero();
        assertThat(gauge(registry, AcogMeters.QUEUE_DEPTH, "stage", "upload", "status", "queued"))
                .isZero();
        assertThat(seconds(registry, AcogMeters.QUEUE_OLDEST_AGE, "stage", "planning"))
                .isZero();
        assertThat(gauge(registry, AcogMeters.EPISODES, "status", "idea")).isEqualTo(2);
        assertThat(gauge(registry, AcogMeters.EPISODES, "status", "failed")).isEqualTo(1);
        for (EpisodeStatus status : EpisodeStatus.values()) {
            if (status != EpisodeStatus.IDEA && status != EpisodeStatus.FAILED) {
                assertThat(gauge(registry, AcogMeters.EPISODES, "status", status.label()))
                        .as(status.label())
                        .isZero();
            }
        }

        // the jobs wait: within the refresh the gauges keep their reading, then they read again
        clock.advance(Duration.ofSeconds(5));
        assertThat(seconds(registry, AcogMeters.QUEUE_OLDEST_AGE, "stage", "planning"))
                .isZero();
        clock.advance(Duration.ofSeconds(85));
        assertThat(seconds(registry, AcogMeters.QUEUE_OLDEST_AGE, "stage", "planning"))
                .isEqualTo(90);
        assertThat(seconds(registry, AcogMeters.QUEUE_OLDEST_AGE, "stage", "audio"))
                .isEqualTo(90);
        assertThat(seconds(registry, AcogMeters.QUEUE_OLDEST_AGE, "stage", "upload"))
                .isZero();

        // a worker that claimed a job and died: running, then its lease runs out
        assertThat(acog.jobs().claim("dead", 1, Duration.ofSeconds(30), Set.of(PipelineStage.PLANNING)))
                .hasSize(1);
        clock.advance(REFRESH);
        assertThat(gauge(registry, AcogMeters.QUEUE_DEPTH, "stage", "planning", "status", "queued"))
                .isEqualTo(1);
        assertThat(gauge(registry, AcogMeters.QUEUE_DEPTH, "stage", "planning", "status", "running"))
                .isEqualTo(1);
        assertThat(gauge(registry, AcogMeters.QUEUE_LEASES_EXPIRED)).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(gauge(registry, AcogMeters.QUEUE_LEASES_EXPIRED)).isEqualTo(1);

        // a live worker reclaims it and runs everything
        try (JobWorker worker = acog.jobs()
                .worker("alive")
                .handler(PipelineStage.PLANNING, (job, context) -> JobOutcome.completed())
                .handler(PipelineStage.AUDIO, (job, context) -> JobOutcome.completed())
                .listener(metrics.jobListener())
                .start()) {
            Awaitility.await()
                    .atMost(Duration.ofMinutes(5))
                    .until(() -> count(registry, AcogMeters.JOBS_COMPLETED) == 3);
        }
        assertThat(count(registry, AcogMeters.LEASES_EXPIRED)).isEqualTo(1);
        assertThat(count(registry, AcogMeters.JOBS_COMPLETED, "stage", "planning"))
                .isEqualTo(2);
        assertThat(count(registry, AcogMeters.JOBS_COMPLETED, "stage", "audio")).isEqualTo(1);
        assertThat(count(registry, AcogMeters.JOBS_CLAIMED)).isEqualTo(3);
        clock.advance(REFRESH);
        assertThat(gauge(registry, AcogMeters.QUEUE_LEASES_EXPIRED)).isZero();
        for (PipelineStage stage : PipelineStage.values()) {
            for (JobStatus status : List.of(JobStatus.QUEUED, JobStatus.RUNNING)) {
                assertThat(gauge(registry, AcogMeters.QUEUE_DEPTH, "stage", stage.label(), "status", status.label()))
                        .isZero();
            }
        }
    }

    @Test
    void aScrapeOfEveryGaugeOfEveryRegistryReadsTheDatabaseOncePerRefresh(DataSource dataSource) {
        CountingDataSource counting = new CountingDataSource(dataSource);
        Acog acog = acog(counting);
        AcogMetrics metrics = AcogMetrics.builder(acog).refreshEvery(REFRESH).build();
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        int unbound = counting.connections.get();
        metrics.bindTo(registry);
        metrics.bindTo(other);
        assertThat(counting.connections.get()).as("binding reads nothing").isEqualTo(unbound);
        // what one reading takes: the queue's stats and the episodes' counts, read directly
        int start = counting.connections.get();
        acog.jobs().stats();
        acog.episodes().statusCounts();
        int oneReading = counting.connections.get() - start;
        assertThat(oneReading).isPositive();

        int before = counting.connections.get();
        scrape(registry);
        scrape(other);
        assertThat(counting.connections.get() - before).as("the first scrapes").isEqualTo(oneReading);

        clock.advance(REFRESH.minusMillis(1));
        scrape(registry);
        scrape(other);
        assertThat(counting.connections.get() - before).as("within the refresh").isEqualTo(oneReading);

        clock.advance(Duration.ofMillis(1));
        scrape(other);
        scrape(registry);
        assertThat(counting.connections.get() - before).as("once it is due").isEqualTo(2 * oneReading);
    }

    @Test
    void withTheDatabaseAwayTheGaugesKeepTheirLastValuesWarnOnceAndRecover(TestDatabase database) throws SQLException {
        try (HikariDataSource pool = shortWaitPool(database)) {
            Acog acog = acog(pool);
            Episode episode = new AcogFixtures(acog).episode().create();
            acog.jobs()
                    .enqueue(
                            NewJob.builder(episode.id(), PipelineStage.PLANNING).build());
            AcogMetrics metrics =
                    AcogMetrics.builder(acog).refreshEvery(REFRESH).build();
            metrics.bindTo(registry);
            assertThat(gauge(registry, AcogMeters.QUEUE_DEPTH, "stage", "planning", "status", "queued"))
                    .isEqualTo(1);
            assertThat(gauge(registry, AcogMeters.EPISODES, "status", "idea")).isEqualTo(1);

            refuseConnections(database, true);
            try {
                assertThatThrownBy(() -> acog.episodes().statusCounts())
                        .as("the database is away")
                        .isInstanceOf(RuntimeException.class);
                for (int scrape = 0; scrape < 3; scrape++) {
                    clock.advance(REFRESH);
                    // this gauge is the one whose read finds the database away
                    assertThat(registry.get(AcogMeters.QUEUE_DEPTH)
                                    .tags("stage", "planning", "status", "queued")
                                    .gauge()
                                    .value())
                            .isEqualTo(1);
                    assertThat(gauge(registry, AcogMeters.EPISODES, "status", "idea"))
                            .isEqualTo(1);
                    clock.advance(REFRESH);
                    assertThatCode(() -> scrape(registry)).doesNotThrowAnyException();
                }
                assertThat(logged(Level.WARN)).as("warned once").hasSize(1);
                assertThat(logged(Level.WARN).get(0).getFormattedMessage())
                        .contains("cannot read the queue and the episodes")
                        .doesNotContain("password");

                // a registry bound while the database is away has nothing to show yet
                SimpleMeterRegistry late = new SimpleMeterRegistry();
                AcogMetrics.builder(acog).refreshEvery(REFRESH).build().bindTo(late);
                assertThatCode(() -> scrape(late)).doesNotThrowAnyException();
                assertThat(gauge(late, AcogMeters.EPISODES, "status", "idea")).isNaN();
                assertThat(logged(Level.WARN)).as("each binder warns once").hasSize(2);
            } finally {
                refuseConnections(database, false);
            }

            // the pool connects again once it tries (it backs off after failures)
            Awaitility.await()
                    .atMost(Duration.ofMinutes(2))
                    .ignoreExceptions()
                    .until(() -> acog.episodes().statusCounts() != null);
            acog.jobs()
                    .enqueue(NewJob.builder(episode.id(), PipelineStage.AUDIO).build());
            clock.advance(REFRESH);
            assertThat(gauge(registry, AcogMeters.QUEUE_DEPTH, "stage", "audio", "status", "queued"))
                    .isEqualTo(1);
            assertThat(logged(Level.INFO))
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly("ACOG metrics read the queue and the episodes again");
            assertThat(logged(Level.WARN)).hasSize(2);
        }
    }

    /** Connections to a database of the test database's server, as the test database's user. */
    private static PGSimpleDataSource connections(TestDatabase database, String name) {
        PGSimpleDataSource connections = new PGSimpleDataSource();
        connections.setURL(database.jdbcUrl());
        connections.setDatabaseName(name);
        connections.setUser(database.user());
        if (System.getenv("ACOG_JDBC_URL") != null) {
            connections.setPassword(System.getenv("ACOG_JDBC_PASSWORD"));
        }
        connections.setConnectTimeout(5);
        return connections;
    }

    /** A pool on the test database that gives up on a connection within a second. */
    private static HikariDataSource shortWaitPool(TestDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(connections(database, database.name()));
        config.setPoolName("acog-micrometer-test");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(1000);
        return new HikariDataSource(config);
    }

    /**
     * Takes the database away from its clients, or gives it back: while away it accepts no
     * connection and its open ones are ended, as when its server restarts.
     */
    private static void refuseConnections(TestDatabase database, boolean refuse) throws SQLException {
        try (Connection connection = connections(database, "postgres").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + database.name() + " ALLOW_CONNECTIONS " + !refuse);
            if (refuse) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database.name() + "'");
            }
        }
    }

    /** Counts the connections taken from a real pool: one per read of the database. */
    private static final class CountingDataSource implements DataSource {
        final AtomicInteger connections = new AtomicInteger();
        private final DataSource pool;

        CountingDataSource(DataSource pool) {
            this.pool = pool;
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            return pool.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            connections.incrementAndGet();
            return pool.getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return pool.isWrapperFor(type);
        }
    }
}
