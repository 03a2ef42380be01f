package io.acog.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.acog.core.Acog;
import io.acog.core.channel.Channel;
import io.acog.core.episode.EpisodeIdea;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.NewEpisode;
import io.acog.core.job.JobWorker;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.core.pipeline.LocalFileStorage;
import io.acog.core.pipeline.PipelineListener;
import io.acog.providers.offline.OfflineProviders;
import io.acog.spi.ChannelBrief;
import io.acog.testkit.fixtures.AcogFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code acog-bench/run pipeline [--episodes N] [--threads N] [--reference-threads N]}: takes N
 * episodes through all nine stages with zero-latency offline providers on one pipeline worker (32
 * threads by default: with providers that take no time, handler threads mostly wait for their
 * stage's group commit, and more of them make bigger groups), and N more with {@link
 * PipelineReference}, the same bookkeeping written by hand in plain JDBC (8 threads by default);
 * two warm-up rounds of each, then three measured rounds taking turns. Prints stage executions
 * (completed stage jobs: one per stage, one per b-roll clip) per second from start until the last
 * episode is published, the medians, and their ratio. Targets on a 2-core machine: ≥ 2,000 stage
 * executions per second, ≥ 0.6 of the reference.
 */
final class PipelineBenchmark {

    private PipelineBenchmark() {}

    static void run(String[] args) throws Exception {
        int episodes = Bench.intArg(args, "--episodes", 1000);
        int threads = Bench.intArg(args, "--threads", 32);
        int referenceThreads = Bench.intArg(args, "--reference-threads", 8);
        int rounds = Bench.intArg(args, "--rounds", ROUNDS);
        boolean pipelineOnly = Bench.intArg(args, "--pipeline-only", 0) == 1; // for profiling
        boolean referenceOnly = Bench.intArg(args, "--reference-only", 0) == 1;
        Path storage = Files.createTempDirectory("acog-bench-assets-");
        try (BenchDatabase database = new BenchDatabase(Math.max(threads, referenceThreads) + 6)) {
            Acog acog = Acog.builder().dataSource(database.pooled()).build();
            Channel channel = new AcogFixtures(acog).channel().create();
            // placeholder media: the benchmark measures the pipeline's bookkeeping, not ffmpeg
            OfflineProviders offline = OfflineProviders.builder()
                    .media(OfflineProviders.MediaMode.PLACEHOLDER)
                    .audioSampleRate(1000)
                    .build();
            PipelineReference reference =
                    new PipelineReference(database.pooled(), offline, new LocalFileStorage(storage), brief(channel));
            // Warm-up rounds of both until the JIT has compiled the hot paths, then measured rounds
            // taking turns, so that neither always meets the tables in the same state; the medians
            // count.
            for (int round = 0; round < WARMUP_ROUNDS; round++) {
                if (!referenceOnly) {
                    run(acog, offline, storage, channel, Math.max(100, episodes), threads);
                }
                if (!pipelineOnly) {
                    reference.run(create(acog, channel, Math.max(100, episodes)), referenceThreads);
                }
            }
            acog.maintenance().vacuumAnalyze();
            double[] stages = new double[rounds];
            double[] perEpisode = new double[rounds];
            double[] references = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                double[] result = referenceOnly
                        ? new double[] {Double.NaN, 0, 0, 0, Double.NaN, Double.NaN}
                        : run(acog, offline, storage, channel, episodes, threads);
                double[] handWritten = pipelineOnly
                        ? new double[] {Double.NaN, 0, 0, 0, Double.NaN, Double.NaN}
                        : reference.run(create(acog, channel, episodes), referenceThreads);
                stages[round] = result[0];
                perEpisode[round] = result[1];
                references[round] = handWritten[0];
                System.out.printf(
                        Locale.ROOT,
                        "round=%d pipeline_stage_executions_per_s=%.0f episodes_per_s=%.1f"
                                + " stage_executions=%.0f seconds=%.2f reference_stage_executions_per_s=%.0f"
                                + " reference_stage_executions=%.0f cpu_ms_per_stage_jvm=%.2f cpu_ms_per_stage_postgres=%.2f"
                                + " reference_cpu_ms_per_stage_jvm=%.2f reference_cpu_ms_per_stage_postgres=%.2f%n",
                        round + 1,
                        result[0],
                        result[1],
                        result[2],
                        result[3],
                        handWritten[0],
                        handWritten[2],
                        result[4],
                        result[5],
                        handWritten[4],
                        handWritten[5]);
            }
            double median = median(stages);
            double referenceMedian = median(references);
            System.out.printf(
                    Locale.ROOT,
                    "pipeline_stage_executions_per_s=%.0f episodes_per_s=%.1f episodes=%d threads=%d%n",
                    median,
                    median(perEpisode),
                    episodes,
                    threads);
            System.out.printf(
                    Locale.ROOT,
                    "reference_stage_executions_per_s=%.0f ratio=%.2f reference_threads=%d%n",
                    referenceMedian,
                    median / referenceMedian,
                    referenceThreads);
            System.out.printf(
                    Locale.ROOT,
                    "targets pipeline_stage_executions_per_s>=2000:%s ratio>=0.6:%s%n",
                    median >= 2000 ? "met" : "MISSED",
                    median / referenceMedian >= 0.6 ? "met" : "MISSED");
        } finally {
            deleteTree(storage);
        }
    }

    /** New episodes of the channel in idea, for the reference (the pipeline's run makes its own). */
    private static List<UUID> create(Acog acog, Channel channel, int count) {
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(acog.episodes()
                    .create(NewEpisode.builder(channel.id())
                            .idea(EpisodeIdea.of("reference topic " + i))
                            .build())
                    .id());
        }
        return ids;
    }

    /** The channel as providers see it, with the schema's snake_case keys. */
    @SuppressWarnings("unchecked")
    private static ChannelBrief brief(Channel channel) {
        ObjectMapper json = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        return new ChannelBrief(
                channel.name(),
                channel.niche(),
                json.convertValue(channel.persona(), Map.class),
                json.convertValue(channel.styleGuide(), Map.class),
                json.convertValue(channel.voiceProfile(), Map.class),
                json.convertValue(channel.avatarProfile(), Map.class),
                json.convertValue(channel.platformConfig(), Map.class));
    }

    private static final int WARMUP_ROUNDS = 2;
    private static final int ROUNDS = 3;

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * Takes {@code count} new episodes from idea to published.
     *
     * @return stage executions per second, episodes per second, stage executions, seconds
     */
    private static double[] run(
            Acog acog, OfflineProviders offline, Path storage, Channel channel, int count, int threads)
            throws InterruptedException {
        CountDownLatch published = new CountDownLatch(count);
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog))
                .assetStorage(new LocalFileStorage(storage))
                .listener(new PipelineListener() {
                    @Override
                    public void statusChanged(UUID episodeId, EpisodeStatus from, EpisodeStatus to) {
                        if (to == EpisodeStatus.PUBLISHED) {
                            published.countDown();
                        }
                    }
                })
                .build();
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID id = acog.episodes()
                    .create(NewEpisode.builder(channel.id())
                            .idea(EpisodeIdea.of("benchmark topic " + i))
                            .build())
                    .id();
            pipeline.start(id);
            ids.add(id);
        }
        long start = System.nanoTime();
        double[] cpuBefore = CpuMeter.now();
        JobWorker worker = pipeline.worker("bench").threads(threads).start();
        if (!published.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException(published.getCount() + " episodes not published");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] cpuAfter = CpuMeter.now();
        worker.shutdown(Duration.ofSeconds(30));
        long executions = 0;
        for (UUID id : ids) {
            var jobs = acog.episodes().getWithJobs(id).jobs();
            if (acog.episodes().get(id).status() != EpisodeStatus.PUBLISHED) {
                throw new IllegalStateException("episode " + id + " is not published");
            }
            executions += jobs.stream()
                    .filter(job -> job.status() == io.acog.core.job.JobStatus.COMPLETED)
                    .count();
        }
        return new double[] {
            executions / seconds,
            count / seconds,
            executions,
            seconds,
            (cpuAfter[0] - cpuBefore[0]) * 1000 / executions,
            (cpuAfter[1] - cpuBefore[1]) * 1000 / executions
        };
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
