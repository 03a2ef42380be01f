package io.acog.core.job;

import static io.acog.core.episode.PipelineStage.AUDIO;
import static io.acog.core.episode.PipelineStage.BROLL;
import static io.acog.core.episode.PipelineStage.SCRIPTING;
import static io.acog.testing.Waiting.patiently;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.Acog;
import io.acog.core.episode.Episode;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

@SuppressWarnings("try") // workers are closed by try-with-resources without being referenced
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class JobWorkerTest {

    /** No waiting between retries, so retry paths run at once. */
    private static final RetryPolicy IMMEDIATE = new RetryPolicy(Duration.ZERO, Duration.ZERO, 0);

    private Acog acog;
    private Episode episode;

    @BeforeEach
    void setUp(DataSource dataSource) {
        acog = Acog.builder().dataSource(dataSource).jobRetryPolicy(IMMEDIATE).build();
        episode = new AcogFixtures(acog).episode().create();
    }

    /** Records what the worker tells its listener. */
    static final class Events implements JobListener {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void claimed(ClaimedJob job) {
            seen.add("claimed " + job.job().id());
        }

        @Override
        public void completed(Job job, Duration duration) {
            seen.add("completed " + job.id());
        }

        @Override
        public void retried(Job job, Throwable error) {
            seen.add("retried " + job.id());
        }

        @Override
        public void failed(Job job, Throwable error) {
            seen.add("failed " + job.id() + ": " + job.errorMessage());
        }

        @Override
        public void cancelled(Job job) {
            seen.add("cancelled " + job.id());
        }

        @Override
        public void rescheduled(Job job) {
            seen.add("rescheduled " + job.id());
        }
    }

    @Test
    void runsHandlersByStageWithTheJobInTheMdcAndRecordsTheirResults() throws Exception {
        Events events = new Events();
        Map<UUID, Map<String, String>> mdc = new ConcurrentHashMap<>();
        Job audio = acog.jobs()
                .enqueue(NewJob.builder(episode.id(), AUDIO)
                        .input(Map.of("text", "hello"))
                        .build());
        Job broll = acog.jobs().enqueue(NewJob.builder(episode.id(), BROLL).build());

        try (JobWorker worker = acog.jobs()
                .worker("w1")
                .threads(2)
                .handler(AUDIO, (job, context) -> {
                    mdc.put(job.id(), MDC.getCopyOfContextMap());
                    return JobOutcome.completed(Map.of("said", job.input().get("text")));
                })
                .listener(events)
                .start()) {
            patiently().until(() -> acog.jobs().get(audio.id()).finished());
            assertThat(worker.running()).isTrue();
        }

        assertThat(acog.jobs().get(audio.id()).result()).containsEntry("said", "hello");
        assertThat(acog.jobs().get(broll.id()).status())
                .as("no handler: left alone")
                .isEqualTo(JobStatus.QUEUED);
        assertThat(mdc.get(audio.id()))
                .containsEntry("job_id", audio.id().toString())
                .containsEntry("episode_id", episode.id().toString())
                .containsEntry("stage", "audio");
        assertThat(events.seen).containsExactly("claimed " + audio.id(), "completed " + audio.id());
    }

    @Test
    void aThrowingHandlerIsRetriedThenFailsAndAPermanentFailureIsNot() throws Exception {
        Events events = new Events();
        Job flaky = acog.jobs()
                .enqueue(NewJob.builder(episode.id(), AUDIO).maxRetries(2).build());
        Job permanent = acog.jobs()
                .enqueue(NewJob.builder(episode.id(), BROLL).maxRetries(2).build());

        try (JobWorker worker = acog.jobs()
                .worker("w1")
                .handler(AUDIO, (job, context) -> {
                    throw new IllegalStateException("HTTP 503 attempt " + job.attempts());
                })
                .handler(BROLL, (job, context) -> {
                    throw new PermanentJobFailureException("SAFETY.INPUT.TEXT: prompt refused");
                })
                .listener(events)
                .start()) {
            patiently()
                    .until(() -> acog.jobs().get(flaky.id()).finished()
                            && acog.jobs().get(permanent.id()).finished());
        }

        Job failed = acog.jobs().get(flaky.id());
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.errorMessage()).isEqualTo("IllegalStateException: HTTP 503 attempt 3");
        assertThat(events.seen)
                .filteredOn(e -> e.startsWith("retried " + flaky.id()))
                .hasSize(2);
        Job refused = acog.jobs().get(permanent.id());
        assertThat(refused.status()).isEqualTo(JobStatus.FAILED);
        assertThat(refused.attempts()).isEqualTo(1);
        assertThat(refused.errorMessage()).isEqualTo("SAFETY.INPUT.TEXT: prompt refused");
    }

    @Test
    void aRunningHandlerSeesTheCancelRequest() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Job job = acog.jobs().enqueue(NewJob.builder(episode.id(), AUDIO).build());

        try (JobWorker worker = acog.jobs()
                .worker("w1")
                .lease(Duration.ofSeconds(1))
                .handler(AUDIO, (claimed, context) -> {
                    started.countDown();
                    while (true) {
                        context.throwIfCancelRequested();
                        Thread.sleep(20);
                    }
                })
                .start()) {
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
            acog.jobs().cancel(job.id());
            patiently().until(() -> acog.jobs().get(job.id()).finished());
        }

        assertThat(acog.jobs().get(job.id()).status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void checkAgainLaterRequeuesWithProgress() throws Exception {
        Job job = acog.jobs().enqueue(NewJob.builder(episode.id(), AUDIO).build());

        try (JobWorker worker = acog.jobs()
                .worker("w1")
                .handler(
                        AUDIO,
                        (claimed, context) -> claimed.input().containsKey("task_id")
                                ? JobOutcome.completed(
                                        Map.of("video", claimed.input().get("task_id")))
                                : JobOutcome.checkAgainIn(Duration.ZERO, Map.of("task_id", "t-42")))
                .start()) {
            patiently().until(() -> acog.jobs().get(job.id()).finished());
        }

        Job done = acog.jobs().get(job.id());
        assertThat(done.result()).containsEntry("video", "t-42");
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.retryCount()).isZero();
    }

    @Test
    void shutdownLetsRunningHandlersFinishWithinTheDeadlineElseHandsTheirJobsBack() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        List<Job> enqueued = acog.jobs()
                .enqueueAll(List.of(
                        NewJob.builder(episode.id(), AUDIO).build(),
                        NewJob.builder(episode.id(), AUDIO).build(),
                        NewJob.builder(episode.id(), BROLL).build()));
        JobWorker worker = acog.jobs()
                .worker("w1")
                .threads(2)
                .batchSize(1)
                .handler(AUDIO, (job, context) -> {
                    started.countDown();
                    release.await(); // blocks until interrupted
                    return JobOutcome.completed();
                })
                .handler(BROLL, (job, context) -> JobOutcome.completed())
                .start();
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();

        boolean finished = worker.shutdown(Duration.ofMillis(200));

        assertThat(finished).isFalse();
        assertThat(worker.running()).isFalse();
        for (Job job : enqueued.subList(0, 2)) {
            Job back = acog.jobs().get(job.id());
            assertThat(back.status()).as("handed back").isEqualTo(JobStatus.QUEUED);
            assertThat(back.retryCount()).isZero();
            assertThat(back.lockedBy()).isNull();
        }
        assertThat(worker.shutdown(Duration.ZERO))
                .as("a second shutdown is a no-op")
                .isTrue();
    }

    @Test
    void aStalledWorkerHoldsOnlyWhatItsThreadsRunAndAnIdleOneTakesTheRest(DataSource dataSource) throws Exception {
        int count = 200;
        List<Job> enqueued = acog.jobs()
                .enqueueAll(IntStream.range(0, count)
                        .mapToObj(i -> NewJob.builder(episode.id(), AUDIO).build())
                        .toList());
        CountDownLatch stalled = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Map<UUID, String> ranBy = new ConcurrentHashMap<>();
        List<UUID> ranTwice = new CopyOnWriteArrayList<>();
        BiConsumer<Job, String> ran = (job, worker) -> {
            if (ranBy.put(job.id(), worker) != null) {
                ranTwice.add(job.id());
            }
        };
        try (JobWorker stuck = acog.jobs()
                .worker("stuck")
                .threads(2)
                .handler(AUDIO, (job, context) -> {
                    ran.accept(job, "stuck");
                    stalled.countDown();
                    release.await();
                    return JobOutcome.completed();
                })
                .start()) {
            assertThat(stalled.await(60, TimeUnit.SECONDS)).isTrue();
            try (JobWorker idle = idleWorker(job -> ran.accept(job, "idle"))) {
                patiently().until(() -> jobs(dataSource, "status = 'queued' OR locked_by = 'idle'") == 0);

                assertThat(jobs(dataSource, "status = 'running' AND locked_by = 'stuck'"))
                        .as("the stalled worker holds the jobs its two threads run, no buffer")
                        .isEqualTo(2);
                assertThat(ranBy.values().stream().filter("idle"::equals).count())
                        .isEqualTo(count - 2);
                release.countDown();
                patiently()
                        .until(() -> enqueued.stream()
                                .allMatch(job -> acog.jobs().get(job.id()).finished()));
            }
        }
        assertThat(ranBy).hasSize(count);
        assertThat(ranTwice).isEmpty();
    }

    @Test
    void aWorkerWhoseHandlersStallHandsBackWhatWaitsInItsHandsForAnotherToRun(DataSource dataSource) throws Exception {
        List<NewJob> jobs = new ArrayList<>();
        for (int i = 0; i < 50; i++) { // quick ones first: fast handlers make the worker hold more
            jobs.add(NewJob.builder(episode.id(), SCRIPTING).priority(1).build());
        }
        for (int i = 0; i < 100; i++) {
            jobs.add(NewJob.builder(episode.id(), AUDIO).build());
        }
        acog.jobs().enqueueAll(jobs);
        CountDownLatch stalled = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger claimedByStuck = new AtomicInteger();
        Map<UUID, String> ranBy = new ConcurrentHashMap<>();
        try (JobWorker stuck = acog.jobs()
                .worker("stuck")
                .threads(2)
                .handler(SCRIPTING, (job, context) -> JobOutcome.completed())
                .handler(AUDIO, (job, context) -> {
                    ranBy.merge(job.id(), "stuck", String::concat);
                    stalled.countDown();
                    release.await();
                    return JobOutcome.completed();
                })
                .listener(new JobListener() {
                    @Override
                    public void claimed(ClaimedJob job) {
                        if (job.job().stage() == AUDIO) {
                            claimedByStuck.incrementAndGet();
                        }
                    }
                })
                .start()) {
            assertThat(stalled.await(60, TimeUnit.SECONDS)).isTrue();
            try (JobWorker idle = idleWorker(job -> ranBy.merge(job.id(), "idle", String::concat))) {
                patiently().until(() -> jobs(dataSource, "stage = 'audio' AND status <> 'completed'") == 2);

                assertThat(claimedByStuck.get())
                        .as("the stalled worker held jobs it had not started")
                        .isGreaterThan(2);
                assertThat(jobs(dataSource, "status = 'running' AND locked_by = 'stuck'"))
                        .isEqualTo(2);
                assertThat(jobs(dataSource, "stage = 'audio' AND status = 'completed' AND attempts <> 1"))
                        .as("a job handed back unstarted counts one attempt: the run that completed it")
                        .isZero();
                release.countDown();
                patiently().until(() -> jobs(dataSource, "status <> 'completed'") == 0);
            }
        }
        assertThat(ranBy)
                .hasSize(100)
                .allSatisfy((id, workers) -> assertThat(workers).isIn("stuck", "idle"));
        assertThat(ranBy.values().stream().filter("stuck"::equals)).hasSize(2);
    }

    /** A worker named idle, with two threads, whose audio handler tells {@code ran} and completes. */
    private JobWorker idleWorker(Consumer<Job> ran) {
        return acog.jobs()
                .worker("idle")
                .threads(2)
                .handler(AUDIO, (job, context) -> {
                    ran.accept(job);
                    return JobOutcome.completed();
                })
                .start();
    }

    private static int jobs(DataSource dataSource, String where) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM jobs WHERE " + where)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void pollingAloneFindsNewJobs() throws Exception {
        try (JobWorker worker = acog.jobs()
                .worker("w1")
                .listen(false)
                .pollInterval(Duration.ofMillis(50))
                .handler(AUDIO, (job, context) -> JobOutcome.completed())
                .start()) {
            // the worker has polled (and found this one) before the next job exists
            Job first = acog.jobs().enqueue(NewJob.builder(episode.id(), AUDIO).build());
            patiently().until(() -> acog.jobs().get(first.id()).finished());
            Job job = acog.jobs().enqueue(NewJob.builder(episode.id(), AUDIO).build());
            patiently().until(() -> acog.jobs().get(job.id()).finished());
        }
    }

    @Test
    void aWorkerNeedsAHandlerAndItsOwnConnections() {
        assertThatThrownBy(() -> acog.jobs().worker("w1").start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no handler");
        assertThatThrownBy(() -> acog.transaction(tx -> tx.jobs().worker("w1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs its own connections");
    }

    @Test
    void aWorkerKeptToSomeStagesClaimsOnlyThose() throws Exception {
        List<UUID> ran = new CopyOnWriteArrayList<>();
        JobHandler records = (job, context) -> {
            ran.add(job.id());
            return JobOutcome.completed();
        };
        // b-roll comes first by priority: a worker claiming every stage it handles would take it first
        Job broll = acog.jobs()
                .enqueue(NewJob.builder(episode.id(), BROLL).priority(9).build());
        Job audio = acog.jobs().enqueue(NewJob.builder(episode.id(), AUDIO).build());

        try (JobWorker worker = acog.jobs()
                .worker("w1")
                .threads(1)
                .handler(AUDIO, records)
                .handler(BROLL, records)
                .stages(Set.of(AUDIO))
                .start()) {
            patiently().until(() -> acog.jobs().get(audio.id()).finished());
        }

        assertThat(ran).containsExactly(audio.id());
        Job left = acog.jobs().get(broll.id());
        assertThat(left.status()).as("its handler was dropped: left alone").isEqualTo(JobStatus.QUEUED);
        assertThat(left.attempts()).isZero();
    }

    @Test
    void stagesMustNameAtLeastOneStageAndOnlyStagesWithAHandler() {
        JobHandler done = (job, context) -> JobOutcome.completed();

        assertThatThrownBy(() -> acog.jobs().worker("w1").handler(AUDIO, done).stages(Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stages is empty");
        assertThatThrownBy(() -> acog.jobs().worker("w1").handler(AUDIO, done).stages(Set.of(BROLL, AUDIO, SCRIPTING)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[scripting, broll] have no handler")
                .hasMessageContaining("handlers for [audio]");
    }
}
