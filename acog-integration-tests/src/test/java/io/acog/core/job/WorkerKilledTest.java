package io.acog.core.job;

import static io.acog.jooq.generated.Tables.JOBS;
import static io.acog.testing.Waiting.patiently;
import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.Acog;
import io.acog.core.episode.Episode;
import io.acog.core.episode.PipelineStage;
import io.acog.testing.Jooq;
import io.acog.testing.KilledWorkers;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import io.acog.testkit.postgres.TestDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * A worker process killed with SIGKILL in the middle of its batch: the jobs it held are finished
 * by the surviving workers once its leases run out, each completed exactly once, their attempts
 * counted; the dead worker's runs never completed.
 */
@AcogPostgres
class WorkerKilledTest {

    @Test
    void survivorsFinishTheJobsOfAKilledWorkerProcess(Acog acog, TestDatabase database, DSLContext db)
            throws Exception {
        db.execute("CREATE TABLE job_runs (job_id uuid, worker text, completed boolean,"
                + " at timestamptz DEFAULT clock_timestamp())");
        Episode episode = new AcogFixtures(acog).episode().create();
        List<NewJob> jobs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            jobs.add(NewJob.builder(episode.id(), PipelineStage.SCRIPTING)
                    .priority(1)
                    .build());
        }
        for (int i = 0; i < 100; i++) {
            jobs.add(NewJob.builder(episode.id(), PipelineStage.AUDIO).build());
        }
        acog.jobs().enqueueAll(jobs);

        Path log = Files.createTempFile("doomed-worker", ".log");
        Process doomed = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DoomedWorkerMain.class.getName(),
                        database.jdbcUrl(),
                        database.user())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        List<UUID> heldByDoomed;
        try {
            // Fast handlers, then slow ones: the worker holds twice its 4 threads, 4 running and 4
            // waiting.
            patiently()
                    .until(() -> !doomed.isAlive()
                            || (db.fetchCount(JOBS, JOBS.LOCKED_BY.eq("doomed")) >= 8 && runs(db, "doomed") >= 4));
            assertThat(doomed.isAlive())
                    .as("doomed worker output: %s", read(log.toFile()))
                    .isTrue();
            KilledWorkers.kill(doomed, db);
            heldByDoomed = db.select(JOBS.ID)
                    .from(JOBS)
                    .where(JOBS.LOCKED_BY.eq("doomed"))
                    .fetch(JOBS.ID);
        } finally {
            doomed.destroyForcibly();
            Files.deleteIfExists(log);
        }
        // every job it started is held at its death (and maybe some it had not started: those whose
        // hand-back or completion it had sent before the kill are settled by now)
        List<UUID> started = db.select(DSL.field("job_id", UUID.class))
                .from("job_runs")
                .where("worker = 'doomed'")
                .fetch(0, UUID.class);
        assertThat(started).hasSizeGreaterThanOrEqualTo(4);
        assertThat(heldByDoomed).containsAll(started);

        JobHandler survivor = (job, context) -> {
            db.execute(
                    "INSERT INTO job_runs (job_id, worker, completed) VALUES (?, ?, true)", job.id(), job.lockedBy());
            return JobOutcome.completed();
        };
        try (JobWorker a = acog.jobs()
                        .worker("survivor-a")
                        .lease(Duration.ofSeconds(2))
                        .handler(PipelineStage.AUDIO, survivor)
                        .handler(PipelineStage.SCRIPTING, (job, context) -> JobOutcome.completed())
                        .start();
                JobWorker b = acog.jobs()
                        .worker("survivor-b")
                        .lease(Duration.ofSeconds(2))
                        .handler(PipelineStage.AUDIO, survivor)
                        .handler(PipelineStage.SCRIPTING, (job, context) -> JobOutcome.completed())
                        .start()) {
            patiently().until(() -> db.fetchCount(JOBS, JOBS.STATUS.eq(Jooq.db(JobStatus.COMPLETED))) == 140);
            assertThat(a.running() && b.running()).isTrue();
        }

        Result<Record> perJob = db.fetch("SELECT job_id, count(*) FILTER (WHERE completed) AS done,"
                + " count(*) FILTER (WHERE worker = 'doomed') AS doomed FROM job_runs GROUP BY job_id");
        assertThat(perJob).hasSize(100);
        for (Record job : perJob) {
            assertThat(job.get("done", Integer.class))
                    .as("completed runs of %s", job.get(0))
                    .isEqualTo(1);
        }
        assertThat(db.fetchCount(db.selectFrom("job_runs").where("worker = 'doomed' AND completed")))
                .isZero();
        Map<UUID, Integer> attempts = db.select(JOBS.ID, JOBS.ATTEMPTS)
                .from(JOBS)
                .where(JOBS.ID.in(heldByDoomed))
                .fetchMap(JOBS.ID, JOBS.ATTEMPTS);
        assertThat(attempts.values()).allMatch(n -> n == 2);
        assertThat(db.fetchCount(JOBS, JOBS.ID.in(heldByDoomed).and(JOBS.RETRY_COUNT.eq(1))))
                .isEqualTo(heldByDoomed.size());
        assertThat(db.fetchCount(JOBS, JOBS.LOCKED_BY.isNotNull())).isZero();
    }

    private static int runs(DSLContext db, String worker) {
        return db.fetchCount(db.selectFrom("job_runs").where("worker = ?", worker));
    }

    private static String read(File file) {
        try {
            return Files.readString(file.toPath());
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
