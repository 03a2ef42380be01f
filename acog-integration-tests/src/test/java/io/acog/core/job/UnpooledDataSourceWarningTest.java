package io.acog.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.Acog;
import io.acog.core.episode.PipelineStage;
import io.acog.testing.LogCapture;
import io.acog.testkit.postgres.AcogPostgres;
import io.acog.testkit.postgres.TestDatabase;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** A worker given a data source that opens a connection per call warns once; a pool is quiet. */
@AcogPostgres
class UnpooledDataSourceWarningTest {

    @RegisterExtension
    final LogCapture log = LogCapture.warnings("io.acog.core.internal.db.PoolCheck");

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

        assertThat(log.messages())
                .singleElement()
                .asString()
                .contains("opens a new PostgreSQL connection for every call")
                .contains(PGSimpleDataSource.class.getName())
                .contains("HikariCP");
    }

    @Test
    void aPoolIsNotWarnedAbout(DataSource pool) {
        startAndStopAWorker(pool);

        assertThat(log.messages()).isEmpty();
    }
}
