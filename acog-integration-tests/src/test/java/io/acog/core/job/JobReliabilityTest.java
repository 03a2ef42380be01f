package io.acog.core.job;

import static io.acog.core.episode.PipelineStage.AUDIO;
import static io.acog.core.episode.PipelineStage.BROLL;
import static io.acog.jooq.generated.Tables.JOBS;
import static io.acog.testing.Waiting.patiently;
import static io.acog.testing.Waiting.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.Acog;
import io.acog.core.Concurrently;
import io.acog.core.episode.Episode;
import io.acog.testing.Jooq;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many workers, many jobs, and the database misbehaving: outcomes counted, none lost. */
@SuppressWarnings("try") // workers are closed by try-with-resources without being referenced
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class JobReliabilityTest {

    private Acog acog;
    private List<Episode> episodes;

    @BeforeEach
    void setUp(DataSource dataSource) {
        acog = Acog.builder()
                .dataSource(dataSource)
                .jobRetryPolicy(new RetryPolicy(Duration.ZERO, Duration.ZERO, 0))
                .build();
        AcogFixtures fixtures = new AcogFixtures(acog);
        episodes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            episodes.add(fixtures.episode().create());
        }
    }

    private List<Job> enqueue(int count) {
        List<Job> all = new ArrayList<>();
        for (int from = 0; from < count; from += 1000) {
            List<NewJob> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 1000); i++) {
                batch.add(NewJob.builder(episodes.get(i % episodes.size()).id(), i % 2 == 0 ? AUDIO : BROLL)
                        .priority(i % 3)
                        .build());
            }
            all.addAll(acog.jobs().enqueueAll(batch));
        }
        return all;
    }

    private static long count(DSLContext db, JobStatus status) {
        return db.fetchCount(JOBS, JOBS.STATUS.eq(Jooq.db(status)));
    }

    @Test
    void threeWorkersRunTwentyThousandJobsEachExactlyOnce(DSLContext db) throws Exception {
        int total = 20_000;
        List<Job> jobs = enqueue(total);
        Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> perWorker = new ConcurrentHashMap<>();
        JobHandler handler = (job, context) -> {
            calls.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
            perWorker.computeIfAbsent(job.lockedBy(), w -> new AtomicInteger()).incrementAndGet();
            return JobOutcome.completed();
        };
        List<JobWorker> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            workers.add(acog.jobs()
                    .worker("w" + w)
                    .threads(4)
                    .handler(AUDIO, handler)
                    .handler(BROLL, handler)
                    .start());
        }
        try {
            patiently().until(() -> count(db, JobStatus.COMPLETED) == total);
        } finally {
            workers.forEach(worker -> worker.shutdown(Duration.ofSeconds(10)));
        }

        assertThat(calls).hasSize(total);
        assertThat(calls.values()).allMatch(called -> called.get() == 1);
        assertThat(calls.keySet())
                .containsExactlyInAnyOrderElementsOf(jobs.stream().map(Job::id).toList());
        assertThat(perWorker).hasSize(3); // all three took part
        assertThat(count(db, JobStatus.QUEUED) + count(db, JobStatus.RUNNING)).isZero();
        assertThat(db.fetchValue("SELECT max(attempts) FROM jobs")).isEqualTo(1);
    }

    @Test
    void workersRecoverWhenTheDatabaseDropsTheirConnectionsAndLoseNothing(DSLContext db) throws Exception {
        int total = 5_000;
        enqueue(total);
        Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();
        JobHandler handler = (job, context) -> {
            calls.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(1);
            return JobOutcome.completed();
        };
        List<JobWorker> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            workers.add(acog.jobs()
                    .worker("w" + w)
                    .threads(2)
                    .lease(Duration.ofSeconds(2))
                    .handler(AUDIO, handler)
                    .handler(BROLL, handler)
                    .start());
        }
        int terminated = 0;
        try {
            for (int round = 0; round < 3; round++) {
                long target = (round + 1) * 1000L;
                patiently().until(() -> count(db, JobStatus.COMPLETED) >= target);
                terminated += db.fetchOne("SELECT count(pg_terminate_backend(pid))"
                                + " FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND pid <> pg_backend_pid()")
                        .get(0, Integer.class);
            }
            patiently().until(() -> count(db, JobStatus.COMPLETED) == total);
        } finally {
            workers.forEach(worker -> worker.shutdown(Duration.ofSeconds(10)));
        }

        assertThat(terminated).as("connections the test dropped").isPositive();
        assertThat(calls).hasSize(total);
        assertThat(count(db, JobStatus.QUEUED) + count(db, JobStatus.RUNNING) + count(db, JobStatus.FAILED))
                .isZero();
        // At least once: a job whose completion was lost with its connection runs again after
        // its lease; never more often than its claims.
        long reruns = calls.values().stream().filter(called -> called.get() > 1).count();
        assertThat(db.fetchOne("SELECT count(*) FROM jobs WHERE attempts > 1").get(0, Long.class))
                .isGreaterThanOrEqualTo(reruns);
    }

    @Test
    void cancelRacingWithClaimEndsConsistentlyEveryTime() throws Exception {
        for (int round = 0; round < 100; round++) {
            Job job = acog.jobs()
                    .enqueue(NewJob.builder(episodes.get(0).id(), AUDIO).build());

            List<Object> outcomes = Concurrently.run(
                    2,
                    side -> side == 0
                            ? acog.jobs().claim("w1", 1, Duration.ofSeconds(30), Set.of(AUDIO))
                            : acog.jobs().cancel(job.id()));

            @SuppressWarnings("unchecked")
            List<ClaimedJob> claimed = (List<ClaimedJob>) outcomes.get(0);
            Job afterCancel = acog.jobs().get(job.id());
            if (claimed.isEmpty()) {
                assertThat(afterCancel.status()).isEqualTo(JobStatus.CANCELLED);
            } else {
                // claimed first: the cancel became a request the handler sees
                assertThat(afterCancel.status()).isEqualTo(JobStatus.RUNNING);
                assertThat(afterCancel.cancelRequested()).isTrue();
                assertThat(acog.jobs()
                                .heartbeat(claimed, Duration.ofSeconds(30))
                                .get(0)
                                .cancelRequested())
                        .isTrue();
                assertThat(acog.jobs().cancelled(claimed.get(0)).status()).isEqualTo(JobStatus.CANCELLED);
            }
            assertThat(acog.jobs().claim("w2", 1, Duration.ofSeconds(30), Set.of(AUDIO)))
                    .isEmpty();
        }
    }

    @Test
    void cancelRacingWithCompletionEndsConsistentlyEveryTime() throws Exception {
        for (int round = 0; round < 100; round++) {
            acog.jobs().enqueue(NewJob.builder(episodes.get(0).id(), AUDIO).build());
            ClaimedJob claimed = acog.jobs()
                    .claim("w1", 1, Duration.ofSeconds(30), Set.of(AUDIO))
                    .get(0);

            Concurrently.run(
                    2,
                    side -> side == 0
                            ? acog.jobs().complete(claimed, JobCompletion.of(Map.of("round", side)))
                            : acog.jobs().cancel(claimed.job().id()));

            Job end = acog.jobs().get(claimed.job().id());
            // The completion holds the claim, so it always wins; the cancel either came first
            // (and is recorded as a request) or found the job finished.
            assertThat(end.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(end.result()).containsEntry("round", 0);
        }
    }

    @Test
    void listenWakesAnIdleWorkerWithoutWaitingForThePoll(DSLContext db) {
        Map<UUID, Long> started = new ConcurrentHashMap<>();
        // With its LISTEN connection up, an idle worker waits the whole poll interval (ten
        // minutes here) between claims: only a notification can start a job within the wait below.
        try (JobWorker worker = acog.jobs()
                .worker("w1")
                .pollInterval(Duration.ofMinutes(10))
                .handler(AUDIO, (job, context) -> {
                    started.put(job.id(), System.nanoTime());
                    return JobOutcome.completed();
                })
                .start()) {
            patiently().until(() -> listening(db) == 1);
            for (int i = 0; i < 5; i++) {
                Job job = acog.jobs()
                        .enqueue(NewJob.builder(episodes.get(0).id(), AUDIO).build());
                within(Duration.ofMinutes(2)).until(() -> started.containsKey(job.id()));
            }
        }
        assertThat(started).hasSize(5);
    }

    /** The connections of this database that LISTEN for enqueued jobs. */
    private static int listening(DSLContext db) {
        return db.fetchOne("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND query = 'LISTEN acog_jobs'")
                .get(0, Integer.class);
    }
}
