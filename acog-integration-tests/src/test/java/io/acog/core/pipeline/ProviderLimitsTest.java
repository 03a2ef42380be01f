package io.acog.core.pipeline;

import static io.acog.jooq.generated.Tables.JOBS;
import static io.acog.jooq.generated.Tables.PROVIDER_SLOTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.Acog;
import io.acog.core.channel.Channel;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.JobStatus;
import io.acog.core.job.JobWorker;
import io.acog.providers.offline.OfflineProviders;
import io.acog.spi.ProviderLimits;
import io.acog.testing.Jooq;
import io.acog.testing.Waiting;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import io.acog.testkit.postgres.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider's declared limits hold across the fleet: with workers in this JVM and another process
 * on one database, a voice limited to two calls in flight never has three at its service, every
 * episode still gets its speech exactly once, and waiting spends no attempt; uploads beyond a
 * publisher's day wait for its next quota day.
 */
@AcogPostgres
class ProviderLimitsTest {

    private static final int EPISODES = 10;

    @TempDir
    Path storage;

    @Test
    void callsInFlightStayWithinTheLimitAcrossWorkersAndProcesses(
            DataSource dataSource, TestDatabase database, DSLContext db) throws Exception {
        Acog acog = Acog.builder().dataSource(dataSource).build();
        AcogFixtures fixtures = new AcogFixtures(acog);
        Channel channel = fixtures.channel().create();
        String voice = channel.voiceProfile().provider();
        try (LimitedProviders.CountingService service =
                new LimitedProviders.CountingService(LimitedProviders.VOICE_CALLS_IN_FLIGHT, Duration.ofSeconds(1))) {
            Path log = Files.createTempFile("limited-worker", ".log");
            Process other = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            LimitedWorkerMain.class.getName(),
                            database.jdbcUrl(),
                            database.user(),
                            storage.toString(),
                            voice,
                            service.url().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try {
                Waiting.until(
                        () -> "the other process's worker running; its output: " + read(log),
                        () -> read(log).contains("limited pipeline worker running") || !other.isAlive());
                assertThat(other.isAlive())
                        .as("the other process; its output: %s", read(log))
                        .isTrue();

                EpisodePipeline pipeline =
                        LimitedProviders.pipeline(acog, storage, voice, service.url(), "this-process", null);
                List<UUID> ids = new ArrayList<>();
                for (int i = 0; i < EPISODES; i++) {
                    UUID id = fixtures.episode().channel(channel).create().id();
                    pipeline.start(id);
                    ids.add(id);
                }
                // the other process speaks first, so that both take part: this one's workers start
                // when it has, and the rest of the calls are shared out by the queue
                Waiting.until(
                        () -> "a voice call from the other process; its output: " + read(log),
                        () -> service.callers.contains(LimitedWorkerMain.CALLER));
                try (JobWorker first = pipeline.worker("here-1").threads(4).start();
                        JobWorker second = pipeline.worker("here-2").threads(4).start()) {
                    Waiting.until(
                            () -> "every episode published; they are "
                                    + ids.stream()
                                            .map(id -> acog.episodes().get(id).status() + " ("
                                                    + acog.episodes().get(id).lastError() + ")")
                                            .toList(),
                            () -> ids.stream()
                                    .allMatch(id -> acog.episodes().get(id).status() == EpisodeStatus.PUBLISHED));
                }
                System.out.printf(
                        "voice calls: %d, most in flight at once: %d, by %s%n",
                        service.episodes.size(), service.most(), new HashSet<>(service.callers));

                assertThat(service.most())
                        .as("the most calls the service held at once")
                        .isEqualTo(LimitedProviders.VOICE_CALLS_IN_FLIGHT);
                assertThat(service.episodes)
                        .as("one voice call per episode, none lost, none twice")
                        .hasSize(EPISODES)
                        .doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(
                                ids.stream().map(UUID::toString).toList());
                assertThat(service.callers).as("callers").contains(LimitedWorkerMain.CALLER, "this-process");
                assertThat(db.select(JOBS.RETRY_COUNT)
                                .from(JOBS)
                                .where(JOBS.STAGE.eq(PipelineStage.AUDIO.label()))
                                .fetch(JOBS.RETRY_COUNT))
                        .as("audio jobs' retries: waiting for a slot spends none")
                        .hasSize(EPISODES)
                        .containsOnly(0);
                assertThat(db.fetchCount(PROVIDER_SLOTS, PROVIDER_SLOTS.JOB_ID.isNotNull()))
                        .as("slots still held")
                        .isZero();
            } finally {
                other.destroyForcibly();
                other.waitFor(30, TimeUnit.SECONDS);
                Files.deleteIfExists(log);
            }
        }
    }

    @Test
    void uploadsBeyondTheDaysLimitWaitForTheNextQuotaDayWithoutSpendingAnAttempt(DataSource dataSource, DSLContext db)
            throws Exception {
        ZoneId pacific = ZoneId.of("America/Los_Angeles");
        ShiftedClock clock = new ShiftedClock();
        Acog acog = Acog.builder().dataSource(dataSource).clock(clock).build();
        AcogFixtures fixtures = new AcogFixtures(acog);
        Channel channel = fixtures.channel().create();
        OfflineProviders offline = PipelineTesting.offline().build();
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog)
                        .publisher(new LimitedProviders.DailyPublisher(
                                "daily-publisher", // the channel names no platform: the first publisher serves it
                                offline.publisher(),
                                ProviderLimits.none().withRequestsPerDay(2).withQuotaDay(pacific))))
                .assetStorage(new LocalFileStorage(storage))
                .build();
        // noon in the quota day's zone: the test is over long before the day would end by itself
        Instant now = Instant.now();
        clock.shift(Duration.between(
                now,
                now.atZone(pacific).truncatedTo(ChronoUnit.DAYS).plusHours(12).toInstant()));
        OffsetDateTime nextDay = clock.instant()
                .atZone(pacific)
                .truncatedTo(ChronoUnit.DAYS)
                .plusDays(1)
                .toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);

        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = fixtures.episode().channel(channel).create().id();
            pipeline.start(id);
            ids.add(id);
        }
        try (JobWorker worker = pipeline.worker("daily").threads(4).start()) {
            Waiting.until(
                    () -> "two episodes published and the third's upload waiting for the next day; uploads "
                            + offline.uploads().size() + ", upload jobs "
                            + db.select(JOBS.STATUS, JOBS.RUN_AFTER, JOBS.RETRY_COUNT)
                                    .from(JOBS)
                                    .where(JOBS.STAGE.eq(PipelineStage.UPLOAD.label()))
                                    .fetch(),
                    () -> published(acog, ids) == 2
                            && db.fetchCount(
                                            JOBS,
                                            JOBS.STAGE.eq(PipelineStage.UPLOAD.label()),
                                            JOBS.STATUS.eq(Jooq.db(JobStatus.QUEUED)),
                                            JOBS.RUN_AFTER.ge(nextDay))
                                    == 1);
            assertThat(offline.uploads()).hasSize(2);
            assertThat(db.select(JOBS.RUN_AFTER, JOBS.RETRY_COUNT)
                            .from(JOBS)
                            .where(
                                    JOBS.STAGE.eq(PipelineStage.UPLOAD.label()),
                                    JOBS.STATUS.eq(Jooq.db(JobStatus.QUEUED)))
                            .fetchSingle())
                    .satisfies(job -> {
                        assertThat(job.value1()).as("run after").isBetween(nextDay, nextDay.plusMinutes(1));
                        assertThat(job.value2()).as("retries spent").isZero();
                    });

            clock.shift(Duration.between(clock.instant(), nextDay.toInstant()).plusSeconds(1));
            Waiting.until(() -> "the third episode published on the next day", () -> published(acog, ids) == 3);
        }
        assertThat(offline.uploads()).hasSize(3);
    }

    @Test
    void aRendersStatusRequestsCountAgainstItsProvidersRateLimit(DataSource dataSource, DSLContext db)
            throws Exception {
        ShiftedClock clock = new ShiftedClock();
        Acog acog = Acog.builder().dataSource(dataSource).clock(clock).build();
        // two pending answers, then done: a submit and three polls, at two requests a minute
        OfflineProviders offline =
                PipelineTesting.offline().renderPolls(2, Duration.ZERO).build();
        CountingAvatar avatar = new CountingAvatar(
                offline.avatarRenderer(), ProviderLimits.none().withRequestsPerMinute(2));
        EpisodePipeline pipeline = offline.installInto(
                        EpisodePipeline.builder(acog).avatarRenderer(avatar))
                .assetStorage(new LocalFileStorage(storage))
                .build();
        // five seconds into a minute: the test's first minute does not end by itself
        Instant now = Instant.now();
        clock.shift(Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plusSeconds(65)));
        OffsetDateTime nextMinute = clock.instant()
                .truncatedTo(ChronoUnit.MINUTES)
                .plus(Duration.ofMinutes(1))
                .atOffset(ZoneOffset.UTC);
        UUID id = new AcogFixtures(acog).episode().create().id();
        pipeline.start(id);
        try (JobWorker worker = pipeline.worker("renders").threads(2).start()) {
            Waiting.until(
                    () -> "the avatar's third request waiting for the next minute; avatar calls " + avatar.calls
                            + ", avatar jobs "
                            + db.select(JOBS.STATUS, JOBS.RUN_AFTER, JOBS.RETRY_COUNT, JOBS.INPUT_PARAMS)
                                    .from(JOBS)
                                    .where(JOBS.STAGE.eq(PipelineStage.AVATAR.label()), JOBS.EPISODE_ID.eq(id))
                                    .fetch(),
                    () -> db.fetchCount(
                                    JOBS,
                                    JOBS.STAGE.eq(PipelineStage.AVATAR.label()),
                                    JOBS.EPISODE_ID.eq(id),
                                    JOBS.STATUS.eq(Jooq.db(JobStatus.QUEUED)),
                                    JOBS.RUN_AFTER.ge(nextMinute))
                            == 1);
            assertThat(avatar.calls).containsExactly("submit", "poll");
            assertThat(db.select(JOBS.RETRY_COUNT, JOBS.INPUT_PARAMS)
                            .from(JOBS)
                            .where(JOBS.STAGE.eq(PipelineStage.AVATAR.label()), JOBS.EPISODE_ID.eq(id))
                            .fetchSingle())
                    .satisfies(job -> {
                        assertThat(job.value1()).as("retries spent").isZero();
                        assertThat(job.value2().data())
                                .as("the render's task, stored")
                                .contains("task_id");
                    });

            clock.shift(
                    Duration.between(clock.instant(), nextMinute.toInstant()).plusSeconds(1));
            Waiting.until(
                    () -> "the avatar rendered in the next minute; avatar calls " + avatar.calls,
                    () -> db.fetchCount(
                                    JOBS,
                                    JOBS.STAGE.eq(PipelineStage.AVATAR.label()),
                                    JOBS.EPISODE_ID.eq(id),
                                    JOBS.STATUS.eq(Jooq.db(JobStatus.COMPLETED)))
                            == 1);
            // the class's tests share a database: nothing of this episode may run in the next one
            PipelineTesting.awaitRest(acog, id);
            PipelineTesting.awaitNoLiveJobs(acog, id);
        }
        assertThat(avatar.calls).containsExactly("submit", "poll", "poll", "poll");
    }

    /** An avatar renderer with declared limits that notes each call it gets. */
    private static final class CountingAvatar implements io.acog.spi.AvatarRenderer {

        private final io.acog.spi.AvatarRenderer avatar;
        private final ProviderLimits limits;
        final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

        CountingAvatar(io.acog.spi.AvatarRenderer avatar, ProviderLimits limits) {
            this.avatar = avatar;
            this.limits = limits;
        }

        @Override
        public String name() {
            return "counted-avatar";
        }

        @Override
        public boolean serves(String requested) {
            return true;
        }

        @Override
        public ProviderLimits limits() {
            return limits;
        }

        @Override
        public io.acog.spi.RenderTask submit(AvatarRequest request, io.acog.spi.ProviderCall call) {
            calls.add("submit");
            return avatar.submit(request, call);
        }

        @Override
        public io.acog.spi.RenderProgress poll(String taskId, io.acog.spi.ProviderCall call) {
            calls.add("poll");
            return avatar.poll(taskId, call);
        }

        @Override
        public io.acog.spi.Cancellation cancel(String taskId, io.acog.spi.ProviderCall call) {
            return avatar.cancel(taskId, call);
        }
    }

    private static long published(Acog acog, List<UUID> ids) {
        return ids.stream()
                .filter(id -> acog.episodes().get(id).status() == EpisodeStatus.PUBLISHED)
                .count();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** The system's clock moved by an offset the test sets: time goes on, from another day. */
    private static final class ShiftedClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        void shift(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a test clock in UTC");
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
