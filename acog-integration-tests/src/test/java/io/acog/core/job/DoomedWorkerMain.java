package io.acog.core.job;

import io.acog.core.Acog;
import io.acog.core.episode.PipelineStage;
import io.acog.testing.KilledWorkers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A worker in a JVM of its own, for {@link WorkerKilledTest} to kill with SIGKILL: it finishes
 * scripting jobs at once, then claims audio jobs, records each run it starts in {@code job_runs},
 * and never finishes one.
 *
 * <p>Arguments: JDBC URL, user. The password, if any, comes from ACOG_JDBC_PASSWORD.
 */
public final class DoomedWorkerMain {

    private DoomedWorkerMain() {}

    /** The test database: URL and user from the command line, password from the environment. */
    public static PGSimpleDataSource dataSource(String[] args) {
        PGSimpleDataSource dataSource = KilledWorkers.named(new PGSimpleDataSource());
        dataSource.setURL(args[0]);
        dataSource.setUser(args[1]);
        String password = System.getenv("ACOG_JDBC_PASSWORD");
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = dataSource(args);
        Acog acog = Acog.builder().dataSource(dataSource).build();
        acog.jobs()
                .worker("doomed")
                .threads(4)
                .batchSize(20)
                .lease(Duration.ofSeconds(2))
                // quick jobs first: a worker whose handlers are fast holds a few jobs more than its
                // threads, so it dies holding jobs it has not started as well
                .handler(PipelineStage.SCRIPTING, (job, context) -> JobOutcome.completed())
                .handler(PipelineStage.AUDIO, (job, context) -> {
                    try (Connection connection = dataSource.getConnection();
                            PreparedStatement run = connection.prepareStatement(
                                    "INSERT INTO job_runs (job_id, worker, completed) VALUES (?, ?, false)")) {
                        run.setObject(1, job.id());
                        run.setString(2, "doomed");
                        run.executeUpdate();
                    }
                    Thread.sleep(Duration.ofMinutes(10).toMillis());
                    return JobOutcome.completed();
                })
                .start();
        System.out.println("doomed worker running");
        Thread.sleep(Long.MAX_VALUE);
    }
}
