package io.acog.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.acog.core.Acog;
import io.acog.core.episode.Episode;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import io.acog.core.job.JobStatus;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.PostgresServer;
import io.acog.testkit.postgres.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The worker the starter runs: none when disabled, and only the stages it is given. */
class AcogWorkerTest {

    @Test
    void aDisabledWorkerRunsNothing() {
        try (TestDatabase database = PostgresServer.shared().createEmptyDatabase();
                ConfigurableApplicationContext host =
                        Hosts.plain(database, Hosts.none(), "acog.worker.enabled=false")) {
            assertThat(host.containsBean("acogWorker")).isFalse();
            Acog acog = host.getBean(Acog.class);
            Episode episode = new AcogFixtures(acog).episode().create();
            host.getBean(EpisodePipeline.class).start(episode.id());

            // the planning job waits: no worker claims it (the other tests' workers do within a second)
            await().during(Duration.ofSeconds(4))
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> statuses(Hosts.jobs(acog, episode.id())), is(List.of(JobStatus.QUEUED)));
        }
    }

    @Test
    void aWorkerRunsOnlyItsStagesUnderItsName() {
        try (TestDatabase database = PostgresServer.shared().createEmptyDatabase();
                ConfigurableApplicationContext host = Hosts.plain(
                        database,
                        new Class<?>[] {Recorders.class},
                        "acog.worker.stages=planning,scripting",
                        "acog.worker.name=writer-node-1")) {
            Acog acog = host.getBean(Acog.class);
            Episode episode = new AcogFixtures(acog).episode().create();
            host.getBean(EpisodePipeline.class).start(episode.id());

            await().atMost(Duration.ofMinutes(2))
                    .until(() -> Hosts.jobs(acog, episode.id(), PipelineStage.SCRIPT_REVIEW), jobs -> !jobs.isEmpty());
            // planning and scripting ran here, claimed under the worker's name
            for (PipelineStage stage : List.of(PipelineStage.PLANNING, PipelineStage.SCRIPTING)) {
                assertThat(Hosts.jobs(acog, episode.id(), stage))
                        .as(stage.label())
                        .singleElement()
                        .satisfies(job -> assertThat(job.status()).isEqualTo(JobStatus.COMPLETED));
            }
            assertThat(host.getBean(Recorders.JobRecorder.class).claimed)
                    .extracting(claim -> claim.job().stage(), ClaimedJob::workerId)
                    .containsExactly(
                            tuple(PipelineStage.PLANNING, "writer-node-1"),
                            tuple(PipelineStage.SCRIPTING, "writer-node-1"));
            // the review is not this node's: it stays queued
            await().during(Duration.ofSeconds(4))
                    .atMost(Duration.ofSeconds(30))
                    .until(
                            () -> statuses(Hosts.jobs(acog, episode.id(), PipelineStage.SCRIPT_REVIEW)),
                            is(List.of(JobStatus.QUEUED)));
        }
    }

    private static List<JobStatus> statuses(List<Job> jobs) {
        return jobs.stream().map(Job::status).toList();
    }

    private static <T> Predicate<T> is(T expected) {
        return expected::equals;
    }
}
