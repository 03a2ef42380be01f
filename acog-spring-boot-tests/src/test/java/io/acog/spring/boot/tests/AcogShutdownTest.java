package io.acog.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acog.core.Acog;
import io.acog.core.episode.Episode;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.Job;
import io.acog.core.job.JobStatus;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.PostgresServer;
import io.acog.testkit.postgres.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Closing the application while a slow provider call runs: the worker drains before the DataSource
 * closes, and leaves no job running, whether the call finishes within {@code
 * acog.worker.shutdown-timeout} or is interrupted and its job handed back to the queue.
 */
class AcogShutdownTest {

    @Test
    void aCallThatFinishesWithinTheTimeoutCompletesItsJob() {
        try (TestDatabase database = PostgresServer.shared().createEmptyDatabase()) {
            ConfigurableApplicationContext host = Hosts.plain(
                    database,
                    Hosts.none(),
                    "acog.providers.offline.latency=4s",
                    "acog.worker.shutdown-timeout=2m",
                    "acog.worker.name=drainer");
            Acog acog = Acog.builder().dataSource(database.dataSource()).build();
            UUID episode = startAndAwaitPlanningRunning(host, "drainer");

            host.close();

            List<Job> jobs = Hosts.jobs(acog, episode);
            assertThat(jobs).noneSatisfy(job -> assertThat(job.status()).isEqualTo(JobStatus.RUNNING));
            assertThat(jobs.stream().filter(job -> job.stage() == PipelineStage.PLANNING))
                    .singleElement()
                    .satisfies(job -> assertThat(job.status()).isEqualTo(JobStatus.COMPLETED));
            assertThat(jobs).allSatisfy(job -> assertThat(job.retryCount()).isZero());
        }
    }

    @Test
    void aCallStillRunningAtTheTimeoutIsInterruptedAndItsJobGoesBackToTheQueue() {
        try (TestDatabase database = PostgresServer.shared().createEmptyDatabase()) {
            ConfigurableApplicationContext host = Hosts.plain(
                    database,
                    Hosts.none(),
                    "acog.providers.offline.latency=10m",
                    "acog.worker.shutdown-timeout=500ms",
                    "acog.worker.name=interrupted");
            Acog acog = Acog.builder().dataSource(database.dataSource()).build();
            UUID episode = startAndAwaitPlanningRunning(host, "interrupted");

            host.close();

            assertThat(Hosts.jobs(acog, episode))
                    .singleElement()
                    .satisfies(job -> assertThat(job.stage()).isEqualTo(PipelineStage.PLANNING))
                    .satisfies(job -> assertThat(job.status()).isEqualTo(JobStatus.QUEUED))
                    .satisfies(job -> assertThat(job.lockedBy()).isNull())
                    .satisfies(job -> assertThat(job.retryCount()).isZero());
        }
    }

    /** Starts an episode and waits until its planning job runs, held by the named worker. */
    private static UUID startAndAwaitPlanningRunning(ConfigurableApplicationContext host, String worker) {
        Acog acog = host.getBean(Acog.class);
        Episode episode = new AcogFixtures(acog).episode().create();
        host.getBean(EpisodePipeline.class).start(episode.id());
        Job running = await().atMost(Duration.ofMinutes(1))
                .until(
                        () -> Hosts.jobs(acog, episode.id(), PipelineStage.PLANNING)
                                .get(0),
                        job -> job.status() == JobStatus.RUNNING);
        assertThat(running.lockedBy()).isEqualTo(worker);
        return episode.id();
    }
}
