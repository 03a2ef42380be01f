package io.acog.bench;

import io.acog.core.Acog;
import io.acog.core.channel.NewChannel;
import io.acog.core.episode.NewEpisode;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.Job;
import io.acog.core.job.JobListener;
import io.acog.core.job.JobOutcome;
import io.acog.core.job.JobWorker;
import io.acog.core.job.NewJob;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * {@code acog-bench/run jobtracker [--jobs N] [--threads N]}: drains N no-op jobs with a
 * {@link JobWorker}, then the same number with hand-written JDBC (claim a batch of 50 with SKIP
 * LOCKED, complete the batch, on as many threads), against the same database, in turns: three
 * warm-up rounds each, then five measured ones, whose medians are compared; each measured round
 * also prints the CPU time per job of this JVM and of PostgreSQL. Then it measures how long an
 * idle worker takes from enqueue to handler start. Targets on a 2-core machine: ratio ≥ 0.8,
 * ≥ 15,000 jobs/s, idle enqueue-to-start p50 ≤ 10 ms.
 */
final class JobTrackerBenchmark {

    private static final int RAW_BATCH = 50;
    private static final int WARM_UP_ROUNDS = 3;
    private static final int ROUNDS = 5;

    private JobTrackerBenchmark() {}

    static void run(String[] args) throws Exception {
        int jobs = Bench.intArg(args, "--jobs", 20_000);
        int threads = Bench.intArg(args, "--threads", 4);
        try (BenchDatabase database = new BenchDatabase(threads + 6)) {
            Acog acog = Acog.builder().dataSource(database.pooled()).build();
            UUID channel = acog.channels()
                    .create(NewChannel.builder("Bench", "bench").build())
                    .id();
            List<UUID> episodes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                episodes.add(acog.episodes()
                        .create(NewEpisode.builder(channel).build())
                        .id());
            }
            // Warm-up rounds of both contenders, then the measured ones, taking turns so that
            // neither always meets the table in the same state; the medians count. The reference
            // is a few lines that the JIT compiles at once; the worker's statements run once per
            // batch, so its code is compiled only after some hundreds of batches, and a round
            // still compiling measures the compiler (a second of C2 time for one method was seen).
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                drainWithWorker(acog, episodes, jobs, threads);
                drainWithRawSql(acog, database.pooled(), episodes, jobs, threads);
            }
            double[] workers = new double[ROUNDS];
            double[] raws = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                Drain worker = drainWithWorker(acog, episodes, jobs, threads);
                Drain raw = drainWithRawSql(acog, database.pooled(), episodes, jobs, threads);
                workers[round] = worker.jobsPerSecond();
                raws[round] = raw.jobsPerSecond();
                System.out.printf(
                        Locale.ROOT,
                        "round=%d jobtracker_jobs_per_s=%.0f raw_sql_jobs_per_s=%.0f"
                                + " cpu_us_per_job_jvm=%.1f cpu_us_per_job_postgres=%.1f"
                                + " raw_sql_cpu_us_per_job_jvm=%.1f raw_sql_cpu_us_per_job_postgres=%.1f%n",
                        round + 1,
                        worker.jobsPerSecond(),
                        raw.jobsPerSecond(),
                        worker.jvmMicrosPerJob(),
                        worker.postgresMicrosPerJob(),
                        raw.jvmMicrosPerJob(),
                        raw.postgresMicrosPerJob());
            }
            double worker = median(workers);
            double raw = median(raws);
            System.out.printf(
                    Locale.ROOT,
                    "jobtracker_jobs_per_s=%.0f raw_sql_jobs_per_s=%.0f" + " ratio=%.2f jobs=%d threads=%d%n",
                    worker,
                    raw,
                    worker / raw,
                    jobs,
                    threads);
            Latencies latencies = idleLatency(acog, episodes.get(0), 200);
            double p50 = latencies.percentileMillis(50);
            System.out.println("latency_ms p50=" + Latencies.millis(p50) + " p99="
                    + Latencies.millis(latencies.percentileMillis(99)));
            System.out.printf(
                    Locale.ROOT,
                    "targets ratio>=0.8:%s jobtracker_jobs_per_s>=15000:%s" + " latency_p50_ms<=10:%s%n",
                    worker / raw >= 0.8 ? "met" : "MISSED",
                    worker >= 15_000 ? "met" : "MISSED",
                    p50 <= 10 ? "met" : "MISSED");
        }
    }

    /** Enqueues, then VACUUM ANALYZE, as autovacuum would have done in a running system. */
    private static void enqueue(Acog acog, List<UUID> episodes, int count) {
        for (int from = 0; from < count; from += 1000) {
            List<NewJob> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 1000); i++) {
                batch.add(NewJob.builder(episodes.get(i % episodes.size()), PipelineStage.AUDIO)
                        .build());
            }
            acog.jobs().enqueueAll(batch);
        }
        acog.maintenance().vacuumAnalyze();
    }

    /** One contender's drain: its pace, and the CPU it cost per job in this JVM and in PostgreSQL. */
    private record Drain(double jobsPerSecond, double jvmMicrosPerJob, double postgresMicrosPerJob) {

        static Drain of(int jobs, long startNanos, double[] cpuBefore) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double[] cpuAfter = CpuMeter.now();
            return new Drain(
                    jobs / seconds,
                    (cpuAfter[0] - cpuBefore[0]) * 1e6 / jobs,
                    (cpuAfter[1] - cpuBefore[1]) * 1e6 / jobs);
        }
    }

    /** Jobs per second from worker start until the last completion is recorded. */
    private static Drain drainWithWorker(Acog acog, List<UUID> episodes, int count, int threads)
            throws InterruptedException {
        enqueue(acog, episodes, count);
        CountDownLatch done = new CountDownLatch(count);
        double[] cpu = CpuMeter.now();
        long start = System.nanoTime();
        JobWorker worker = acog.jobs()
                .worker("bench")
                .threads(threads)
                .handler(PipelineStage.AUDIO, (job, context) -> JobOutcome.completed())
                .listener(new JobListener() {
                    @Override
                    public void completed(Job job, Duration duration) {
                        done.countDown();
                    }
                })
                .start();
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException(done.getCount() + " jobs not completed");
        }
        Drain drain = Drain.of(count, start, cpu);
        worker.shutdown(Duration.ofSeconds(10));
        return drain;
    }

    /** The hand-written reference: per thread, claim 50 with SKIP LOCKED, complete them, repeat. */
    private static Drain drainWithRawSql(Acog acog, DataSource dataSource, List<UUID> episodes, int count, int threads)
            throws Exception {
        enqueue(acog, episodes, count);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double[] cpu = CpuMeter.now();
        long start = System.nanoTime();
        List<Future<Integer>> drained = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            drained.add(pool.submit(() -> drainRaw(dataSource)));
        }
        int total = 0;
        for (Future<Integer> future : drained) {
            total += future.get();
        }
        Drain drain = Drain.of(count, start, cpu);
        pool.shutdown();
        if (total != count) {
            throw new IllegalStateException("raw SQL drained " + total + " of " + count);
        }
        return drain;
    }

    private static int drainRaw(DataSource dataSource) throws SQLException {
        int drained = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement("""
                        WITH next AS (
                            SELECT id FROM jobs WHERE status = 'queued' AND run_after <= now()
                            ORDER BY priority DESC, run_after, created_at
                            LIMIT ? FOR UPDATE SKIP LOCKED)
                        UPDATE jobs j SET status = 'running', locked_by = 'raw',
                               locked_until = now() + interval '30 seconds', attempts = attempts + 1,
                               started_at = now()
                        FROM next WHERE j.id = next.id
                        RETURNING j.id""");
                PreparedStatement complete =
                        connection.prepareStatement("UPDATE jobs SET status = 'completed', completed_at = now(),"
                                + " locked_by = NULL, locked_until = NULL WHERE id = ANY (?)")) {
            while (true) {
                claim.setInt(1, RAW_BATCH);
                List<UUID> ids = new ArrayList<>(RAW_BATCH);
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                }
                if (ids.isEmpty()) {
                    return drained;
                }
                Array array = connection.createArrayOf("uuid", ids.toArray());
                complete.setArray(1, array);
                complete.executeUpdate();
                drained += ids.size();
            }
        }
    }

    /** From just before enqueue() to the handler's start, one job at a time into an idle worker. */
    private static Latencies idleLatency(Acog acog, UUID episode, int samples) throws InterruptedException {
        Map<UUID, Long> started = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies(samples);
        JobWorker worker = acog.jobs()
                .worker("latency")
                .threads(2)
                .handler(PipelineStage.AUDIO, (job, context) -> {
                    started.put(job.id(), System.nanoTime());
                    return JobOutcome.completed();
                })
                .start();
        Thread.sleep(1000); // idle: polling has backed off to its longest wait
        for (int i = 0; i < samples + 20; i++) {
            long before = System.nanoTime();
            UUID id = acog.jobs()
                    .enqueue(NewJob.builder(episode, PipelineStage.AUDIO).build())
                    .id();
            while (!started.containsKey(id)) {
                Thread.onSpinWait();
            }
            if (i >= 20) { // the first ones warm up
                latencies.add(started.get(id) - before);
            }
            Thread.sleep(20); // let the worker go idle again
        }
        worker.shutdown(Duration.ofSeconds(10));
        return latencies;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
