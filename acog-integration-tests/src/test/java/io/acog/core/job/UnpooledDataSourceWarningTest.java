package io.acog.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.acog.core.Acog;
import io.acog.core.episode.PipelineStage;
import io.acog.testkit.postgres.AcogPostgres;
import io.acog.testkit.postgres.TestDatabase;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;

/** A worker given a data source that opens a connection per call warns once; a pool is quiet. */
@AcogPostgres
class UnpooledDataSourceWarningTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Logger logger;

    @BeforeEach
    void listen() {
        logger = (Logger) LoggerFactory.getLogger("io.acog.core.internal.db.PoolCheck");
        logger.setLevel(Level.WARN);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    private static void startAndStopAWorker(DataSource dataSource) {
        Acog acog = Acog.builder().dataSource(dataSource).build();
        acog.jobs()
                .worker("w")
                .handler(PipelineStage.AUDIO, (job, context) -> JobOutcome.completed())
                .start()
                .shutdown(Duration.ofSeconds(10));
    }

    @Test
    void aDataSourceThatOpensAConnectionPerCallIsWarnedAboutOnce(TestDatabase database) throws Exception {
        PGSimpleDataSource plain = database.dataSource().unwrap(PGSimpleDataSource.class);

        startAndStopAWorker(plain);
        startAndStopAWorker(plain);

        List<String> warnings =
                log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(warnings)
                .singleElement()
                .asString()
                .contains("opens a new PostgreSQL connection for every call")
                .contains(PGSimpleDataSource.class.getName())
                .contains("HikariCP");
    }

    @Test
    void aPoolIsNotWarnedAbout(DataSource pool) {
        startAndStopAWorker(pool);

        assertThat(log.list).isEmpty();
    }
}
