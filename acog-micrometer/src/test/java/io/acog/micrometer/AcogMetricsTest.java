package io.acog.micrometer;

import static io.acog.micrometer.Meters.count;
import static io.acog.micrometer.Meters.gauge;
import static io.acog.micrometer.Meters.tagValues;
import static io.acog.micrometer.Meters.timed;
import static io.acog.micrometer.Meters.timers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.acog.core.Acog;
import io.acog.core.channel.Channel;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.Job;
import io.acog.core.job.JobQuery;
import io.acog.core.job.JobStatus;
import io.acog.core.job.JobWorker;
import io.acog.core.job.RetryPolicy;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.core.pipeline.LocalFileStorage;
import io.acog.core.pipeline.ProviderCall;
import io.acog.providers.offline.OfflineProviders;
import io.acog.spi.VoiceSynthesizer;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The meters a pipeline and its worker record, read back from registries after episodes ran: the
 * counts per stage agree with the jobs in the database, the costs with what the pipeline reports,
 * failures are tagged with their reason, and no tag names an episode or a job.
 */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class AcogMetricsTest {

    /** Failed jobs are retried at once, so retries do not slow the tests down. */
    private static final RetryPolicy IMMEDIATE = new RetryPolicy(Duration.ZERO, Duration.ZERO, 0);

    private static final Pattern UUID_SHAPE =
            Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @TempDir
    Path storage;

    private Acog acog;
    private AcogFixtures fixtures;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SimpleMeterRegistry second = new SimpleMeterRegistry();

    @BeforeEach
    void startAcog(DataSource dataSource) {
        acog = Acog.builder().dataSource(dataSource).jobRetryPolicy(IMMEDIATE).build();
        fixtures = new AcogFixtures(acog);
    }

    private static ConditionFactory patiently() {
        return Awaitility.await()
                .atMost(Duration.ofMinutes(5))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50));
    }

    /**
     * The offline voice under another name, so the audio stage's provider differs from the rest;
     * its first {@code buggy} calls throw what no provider should (an adapter's bug).
     */
    private static VoiceSynthesizer voiceNamed(String name, VoiceSynthesizer offline, int buggy) {
        AtomicInteger calls = new AtomicInteger();
        return new VoiceSynthesizer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean serves(String requested) {
                return true; // whatever the fixture channel names; registered before the offline one
            }

            @Override
            public Speech synthesize(SpeechRequest request, io.acog.spi.ProviderCall call) {
                if (calls.incrementAndGet() <= buggy) {
                    throw new IllegalStateException("a bug in the " + name + " adapter");
                }
                return offline.synthesize(request, call);
            }
        };
    }

    private EpisodePipeline pipeline(OfflineProviders offline, VoiceSynthesizer voice, AcogMetrics metrics) {
        return offline.installInto(EpisodePipeline.builder(acog).voiceSynthesizer(voice))
                .assetStorage(new LocalFileStorage(storage))
                .listener(metrics.pipelineListener())
                .build();
    }

    private List<Job> jobsOf(List<Episode> episodes) {
        List<Job> jobs = new ArrayList<>();
        for (Episode episode : episodes) {
            jobs.addAll(acog.jobs()
                    .list(JobQuery.builder().episode(episode.id()).limit(500).build())
                    .items());
        }
        return jobs;
    }

    private void runToRest(EpisodePipeline pipeline, AcogMetrics metrics, List<Episode> episodes, int ends) {
        try (JobWorker worker =
                pipeline.worker("w").threads(2).listener(metrics.jobListener()).start()) {
            for (Episode episode : episodes) {
                patiently()
                        .until(() -> Set.of(EpisodeStatus.PUBLISHED, EpisodeStatus.FAILED)
                                .contains(acog.episodes().get(episode.id()).status()));
            }
            patiently().until(() -> jobsOf(episodes).stream().noneMatch(job -> !job.finished()));
            // the worker's recorders tell their listener after the handlers return
            patiently()
                    .until(() -> count(registry, AcogMeters.JOBS_COMPLETED, "stage", "upload")
                                    + count(registry, AcogMeters.JOBS_FAILED)
                            == ends);
        }
    }

    private static double completedJobs(List<Job> jobs, PipelineStage stage) {
        return jobs.stream()
                .filter(job -> job.stage() == stage && job.status() == JobStatus.COMPLETED)
                .count();
    }

    @Test
    void episodesRunToPublishedAreCountedPerStageTimedPerProviderAndCostedPerChannel() {
        OfflineProviders offline = OfflineProviders.builder()
                .media(OfflineProviders.MediaMode.PLACEHOLDER)
                .build();
        AcogMetrics metrics =
                AcogMetrics.builder(acog).refreshEvery(Duration.ofMillis(1)).build();
        metrics.bindTo(registry);
        metrics.bindTo(second);
        metrics.bindTo(registry); // bound again: nothing is counted twice
        EpisodePipeline pipeline = pipeline(offline, voiceNamed("tone", offline.voiceSynthesizer(), 0), metrics);
        Channel cosmos = fixtures.channel().slug("cosmos").create();
        Channel oceans = fixtures.channel().slug("oceans").create();
        List<Episode> episodes = List.of(
                fixtures.episode().channel(cosmos).create(),
                fixtures.episode().channel(cosmos).title("Neutron stars").create(),
                fixtures.episode().channel(oceans).create());
        episodes.forEach(episode -> pipeline.start(episode.id()));

        // queued, no worker yet: the gauges show the planning jobs waiting
        assertThat(gauge(registry, AcogMeters.QUEUE_DEPTH, "stage", "planning", "status", "queued"))
                .isEqualTo(3);
        for (PipelineStage stage : PipelineStage.values()) {
            assertThat(gauge(registry, AcogMeters.QUEUE_DEPTH, "stage", stage.label(), "status", "running"))
                    .as(stage.label())
                    .isZero();
            if (stage != PipelineStage.PLANNING) {
                assertThat(gauge(registry, AcogMeters.QUEUE_DEPTH, "stage", stage.label(), "status", "queued"))
                        .as(stage.label())
                        .isZero();
            }
        }
        assertThat(gauge(registry, AcogMeters.EPISODES, "status", "planning")).isEqualTo(3);
        assertThat(gauge(second, AcogMeters.EPISODES, "status", "planning")).isEqualTo(3);
        assertThat(gauge(registry, AcogMeters.EPISODES, "status", "idea")).isZero();
        assertThat(count(registry, AcogMeters.JOBS_ENQUEUED, "stage", "planning"))
                .isEqualTo(3);

        runToRest(pipeline, metrics, episodes, 3);

        List<Job> jobs = jobsOf(episodes);
        for (Episode episode : episodes) {
            assertThat(acog.episodes().get(episode.id()).status()).isEqualTo(EpisodeStatus.PUBLISHED);
        }
        // jobs: what the pipeline queued, the worker claimed and completed, as the database has them
        for (PipelineStage stage : PipelineStage.values()) {
            String label = stage.label();
            double done = completedJobs(jobs, stage);
            assertThat(done).as(label).isPositive();
            assertThat(count(registry, AcogMeters.JOBS_ENQUEUED, "stage", label))
                    .as(label)
                    .isEqualTo(done);
            assertThat(count(registry, AcogMeters.JOBS_COMPLETED, "stage", label))
                    .as(label)
                    .isEqualTo(done);
            assertThat(count(second, AcogMeters.JOBS_COMPLETED, "stage", label))
                    .as(label)
                    .isEqualTo(done);
            assertThat(count(registry, AcogMeters.JOBS_CLAIMED, "stage", label))
                    .as(label)
                    .isEqualTo(done + count(registry, AcogMeters.JOBS_RESCHEDULED, "stage", label));
        }
        assertThat(count(registry, AcogMeters.JOBS_COMPLETED, "stage", "upload"))
                .isEqualTo(3);
        assertThat(count(registry, AcogMeters.JOBS_COMPLETED, "stage", "broll"))
                .isEqualTo(episodes.stream()
                        .mapToInt(e ->
                                acog.episodes().get(e.id()).scriptMetadata().brollSegments())
                        .sum());
        for (String none : List.of(
                AcogMeters.JOBS_RETRIED, AcogMeters.JOBS_FAILED, AcogMeters.JOBS_CANCELLED, AcogMeters.LEASES_LOST)) {
            assertThat(count(registry, none)).as(none).isZero();
        }

        // each stage completed once per episode, timed under its provider
        for (PipelineStage stage : PipelineStage.values()) {
            String provider = stage == PipelineStage.AUDIO ? "tone" : "offline";
            assertThat(timers(registry, AcogMeters.STAGE_DURATION, "stage", stage.label()))
                    .as(stage.label())
                    .singleElement()
                    .satisfies(timer -> {
                        assertThat(timer.getId().getTag("provider")).isEqualTo(provider);
                        assertThat(timer.count()).isEqualTo(3);
                    });
        }

        // every provider call answered; one stage call per completed job, one poll per render
        assertThat(timers(registry, AcogMeters.PROVIDER_CALLS))
                .isNotEmpty()
                .allSatisfy(timer -> assertThat(timer.getId().getTag("outcome")).isEqualTo(ProviderCall.SUCCEEDED));
        for (PipelineStage stage : PipelineStage.values()) {
            String provider = stage == PipelineStage.AUDIO ? "tone" : "offline";
            assertThat(timed(
                            registry,
                            AcogMeters.PROVIDER_CALLS,
                            "stage",
                            stage.label(),
                            "kind",
                            "call",
                            "provider",
                            provider))
                    .as(stage.label())
                    .isEqualTo((long) completedJobs(jobs, stage));
            boolean render = stage == PipelineStage.AVATAR || stage == PipelineStage.BROLL;
            assertThat(timed(registry, AcogMeters.PROVIDER_CALLS, "stage", stage.label(), "kind", "poll"))
                    .as(stage.label())
                    .isEqualTo(render ? (long) completedJobs(jobs, stage) : 0);
        }

        // cost: per channel, what the pipeline reports for the month; per provider, its stages
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        for (Channel channel : List.of(cosmos, oceans)) {
            BigDecimal reported = pipeline.cost(channel.id(), month).totalUsd();
            assertThat(reported).isPositive();
            assertThat(count(registry, AcogMeters.PROVIDER_COST, "channel", channel.slug()))
                    .as(channel.slug())
                    .isCloseTo(reported.doubleValue(), within(1e-9));
        }
        BigDecimal audio = episodes.stream()
                .map(e -> pipeline.cost(e.id()).byStage().getOrDefault(PipelineStage.AUDIO, BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(audio).isPositive();
        assertThat(count(registry, AcogMeters.PROVIDER_COST, "provider", "tone"))
                .isCloseTo(audio.doubleValue(), within(1e-9));
        assertThat(registry.find(AcogMeters.PROVIDER_COST).counters()).allSatisfy(counter -> {
            assertThat(counter.getId().getBaseUnit()).isEqualTo("usd");
            assertThat(counter.getId().getTag("provider")).isIn("tone", "offline");
        });

        // the gauges once it all ran: everything published, nothing left in the queue
        assertThat(gauge(registry, AcogMeters.EPISODES, "status", "published")).isEqualTo(3);
        assertThat(gauge(registry, AcogMeters.EPISODES, "status", "planning")).isZero();
        for (PipelineStage stage : PipelineStage.values()) {
            for (String status : List.of("queued", "running")) {
                assertThat(gauge(registry, AcogMeters.QUEUE_DEPTH, "stage", stage.label(), "status", status))
                        .as(stage.label() + " " + status)
                        .isZero();
            }
        }

        assertNoIdInTags(registry, episodes, jobs);
        assertNoIdInTags(second, episodes, jobs);
    }

    @Test
    void failedCallsAreTaggedWithTheirReasonAndTheirJobsCountedAsRetriedOrFailed() {
        // metadata: rate limited once (retried); the voice: an adapter's bug once (retried);
        // assembly: rejected once (the stage, and its episode, fail for good); and one script is
        // sent back by its review, so it is written, and its cost counted, twice
        OfflineProviders offline = OfflineProviders.builder()
                .media(OfflineProviders.MediaMode.PLACEHOLDER)
                .fail("metadata", OfflineProviders.Failure.RETRYABLE, 1)
                .fail("assembly", OfflineProviders.Failure.PERMANENT, 1)
                .rejectReviews(1)
                .build();
        AcogMetrics metrics =
                AcogMetrics.builder(acog).refreshEvery(Duration.ofMillis(1)).build();
        metrics.bindTo(registry);
        EpisodePipeline pipeline = pipeline(offline, voiceNamed("tone", offline.voiceSynthesizer(), 1), metrics);
        List<Episode> episodes =
                List.of(fixtures.episode().create(), fixtures.episode().create());
        episodes.forEach(episode -> pipeline.start(episode.id()));

        runToRest(pipeline, metrics, episodes, 2);

        assertThat(timed(registry, AcogMeters.PROVIDER_CALLS, "stage", "metadata", "outcome", "rate_limited"))
                .isEqualTo(1);
        assertThat(timed(
                        registry,
                        AcogMeters.PROVIDER_CALLS,
                        "stage",
                        "audio",
                        "provider",
                        "tone",
                        "outcome",
                        ProviderCall.UNEXPECTED))
                .isEqualTo(1);
        assertThat(timed(
                        registry,
                        AcogMeters.PROVIDER_CALLS,
                        "stage",
                        "assembly",
                        "kind",
                        "call",
                        "outcome",
                        "content_rejected"))
                .isEqualTo(1);
        // no other failure
        assertThat(timers(registry, AcogMeters.PROVIDER_CALLS))
                .filteredOn(
                        timer -> !ProviderCall.SUCCEEDED.equals(timer.getId().getTag("outcome")))
                .extracting(Timer::count)
                .containsOnly(1L)
                .hasSize(3);

        assertThat(count(registry, AcogMeters.JOBS_RETRIED, "stage", "metadata"))
                .isEqualTo(1);
        assertThat(count(registry, AcogMeters.JOBS_RETRIED, "stage", "audio")).isEqualTo(1);
        assertThat(count(registry, AcogMeters.JOBS_RETRIED)).isEqualTo(2);
        assertThat(count(registry, AcogMeters.JOBS_FAILED, "stage", "assembly")).isEqualTo(1);
        assertThat(count(registry, AcogMeters.JOBS_FAILED)).isEqualTo(1);
        assertThat(count(registry, AcogMeters.JOBS_COMPLETED, "stage", "upload"))
                .isEqualTo(1);
        assertThat(count(registry, AcogMeters.JOBS_COMPLETED, "stage", "assembly"))
                .isEqualTo(1);

        assertThat(gauge(registry, AcogMeters.EPISODES, "status", "failed")).isEqualTo(1);
        assertThat(gauge(registry, AcogMeters.EPISODES, "status", "published")).isEqualTo(1);

        // every job queued ended completed or failed, and every claim in one thing heard
        List<Job> jobs = jobsOf(episodes);
        assertThat(count(registry, AcogMeters.JOBS_ENQUEUED, "stage", "scripting"))
                .isEqualTo(3);
        for (PipelineStage stage : PipelineStage.values()) {
            String label = stage.label();
            assertThat(count(registry, AcogMeters.JOBS_ENQUEUED, "stage", label))
                    .as(label)
                    .isEqualTo(jobs.stream().filter(job -> job.stage() == stage).count())
                    .isEqualTo(count(registry, AcogMeters.JOBS_COMPLETED, "stage", label)
                            + count(registry, AcogMeters.JOBS_FAILED, "stage", label));
            assertThat(count(registry, AcogMeters.JOBS_CLAIMED, "stage", label))
                    .as(label)
                    .isEqualTo(count(registry, AcogMeters.JOBS_COMPLETED, "stage", label)
                            + count(registry, AcogMeters.JOBS_FAILED, "stage", label)
                            + count(registry, AcogMeters.JOBS_RETRIED, "stage", label)
                            + count(registry, AcogMeters.JOBS_RESCHEDULED, "stage", label));
        }
        // what the channels cost: failed runs cost nothing, both scripts count
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        for (Episode episode : episodes) {
            Channel channel = acog.channels().get(episode.channelId());
            assertThat(count(registry, AcogMeters.PROVIDER_COST, "channel", channel.slug()))
                    .as(channel.slug())
                    .isCloseTo(pipeline.cost(channel.id(), month).totalUsd().doubleValue(), within(1e-9));
        }
        assertNoIdInTags(registry, episodes, jobs);
    }

    /** No tag value is an id: not an episode's, not a job's, nor anything shaped like one. */
    private static void assertNoIdInTags(MeterRegistry registry, List<Episode> episodes, List<Job> jobs) {
        Set<String> ids = new HashSet<>();
        episodes.forEach(episode -> ids.add(episode.id().toString()));
        jobs.forEach(job -> ids.add(job.id().toString()));
        List<String> values = tagValues(registry);
        assertThat(values).isNotEmpty();
        assertThat(values).doesNotContainAnyElementsOf(ids);
        assertThat(values).noneMatch(value -> UUID_SHAPE.matcher(value).find());
        assertThat(values).noneMatch(value -> ids.stream().anyMatch(value::contains));
    }
}
