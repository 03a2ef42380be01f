package io.acog.core.pipeline;

import static io.acog.jooq.generated.Tables.JOBS;
import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.Acog;
import io.acog.core.channel.Channel;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.job.JobStatus;
import io.acog.core.job.JobWorker;
import io.acog.core.job.RetryPolicy;
import io.acog.providers.offline.OfflineProviders;
import io.acog.testing.Jooq;
import io.acog.testing.KilledWorkers;
import io.acog.testing.Waiting;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import io.acog.testkit.postgres.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline worker process killed with SIGKILL in the middle of its stages (the avatar's submit at
 * the provider, b-roll clips half done): once its leases run out a worker in another process takes the
 * episodes to published, running again only what the dead worker had not committed, and nothing
 * is stored twice.
 */
@AcogPostgres
class PipelineWorkerKilledTest {

    private static final int EPISODES = 3;
    private static final Set<EpisodeStatus> SETTLED =
            Set.of(EpisodeStatus.PUBLISHED, EpisodeStatus.FAILED, EpisodeStatus.CANCELLED);

    @TempDir
    Path storage;

    @Test
    void aWorkerInAnotherProcessFinishesTheEpisodesOfAKilledPipelineWorker(
            DataSource dataSource, TestDatabase database, DSLContext db) throws Exception {
        Acog acog = Acog.builder()
                .dataSource(dataSource)
                .jobRetryPolicy(new RetryPolicy(Duration.ZERO, Duration.ZERO, 0))
                .build();
        AcogFixtures fixtures = new AcogFixtures(acog);
        OfflineProviders offline =
                PipelineTesting.offline().renderPolls(1, Duration.ofMillis(10)).build();
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog))
                .assetStorage(new LocalFileStorage(storage))
                .build();
        Channel channel = fixtures.channel().create();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < EPISODES; i++) {
            UUID id = fixtures.episode().channel(channel).create().id();
            pipeline.start(id);
            ids.add(id);
        }

        Path log = Files.createTempFile("doomed-pipeline-worker", ".log");
        Process doomed = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DoomedPipelineWorkerMain.class.getName(),
                        database.jdbcUrl(),
                        database.user(),
                        storage.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        String doomedName = DoomedPipelineWorkerMain.NAME;
        Map<UUID, Set<Integer>> clipsDoneAtKill;
        List<UUID> heldByDoomed;
        long killedAt;
        try {
            // The kill comes while every episode's avatar submit sleeps at the provider, some
            // b-roll clips are stored and others are being submitted.
            Waiting.patiently()
                    .until(() -> !doomed.isAlive()
                            || (avatarAtProvider(acog, db, ids, doomedName) && clipsHalfDone(db, doomedName)));
            assertThat(doomed.isAlive())
                    .as("doomed worker in the middle of its stages; its output: %s", read(log))
                    .isTrue();
            KilledWorkers.kill(doomed, db);
            killedAt = System.nanoTime();
            heldByDoomed = db.select(JOBS.ID)
                    .from(JOBS)
                    .where(JOBS.LOCKED_BY.eq(doomedName))
                    .fetch(JOBS.ID);
            clipsDoneAtKill = clipsDone(db, ids);
        } finally {
            doomed.destroyForcibly();
            Files.deleteIfExists(log);
        }
        // Every episode's avatar submit sleeps at the provider until the kill, so the dead worker
        // held those; the b-roll clips it held when the kill was decided may have ended before the
        // kill landed (a loaded machine), so they are not counted on: what the survivor runs is
        // checked against the clips stored by then, whatever their number.
        assertThat(heldByDoomed).hasSizeGreaterThanOrEqualTo(EPISODES);
        System.out.printf(
                "killed the doomed worker holding %d job(s); clips stored by then: %s%n",
                heldByDoomed.size(), clipsDoneAtKill);

        try (JobWorker survivor = pipeline.worker("survivor")
                .threads(2)
                .lease(Duration.ofSeconds(4))
                .start()) {
            Waiting.until(
                    () -> "episodes settled; they are "
                            + ids.stream()
                                    .map(id -> acog.episodes().get(id).status())
                                    .toList(),
                    () -> ids.stream()
                            .allMatch(id ->
                                    SETTLED.contains(acog.episodes().get(id).status())));
        }
        System.out.printf(
                "the survivor finished %d episodes %d ms after the kill%n",
                EPISODES, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));

        Map<UUID, Map<PipelineStage, List<OfflineProviders.Call>>> calls = PipelineConcurrencyTest.mainCalls(offline);
        Map<UUID, Integer> clipOfJob = new HashMap<>();
        db.select(JOBS.ID, DSL.field("({0} ->> 'clip_index')::int", Integer.class, JOBS.INPUT_PARAMS))
                .from(JOBS)
                .where(JOBS.STAGE.eq(PipelineStage.BROLL.label()))
                .forEach(row -> clipOfJob.put(row.value1(), row.value2()));
        for (UUID id : ids) {
            Episode episode = acog.episodes().get(id);
            assertThat(episode.status())
                    .as("episode %s (%s)", id, episode.lastError())
                    .isEqualTo(EpisodeStatus.PUBLISHED);
            assertThat(PipelineConcurrencyTest.assetsOnce(acog, episode, true)).isEmpty();

            // the avatar ran twice: once in the dead worker (its submit never recorded), once here
            StageState avatar =
                    episode.pipelineState().stage(PipelineStage.AVATAR).orElseThrow();
            assertThat(avatar.attempts())
                    .as("avatar attempts in pipeline_state")
                    .isGreaterThanOrEqualTo(2);
            Record avatarJob = db.select(JOBS.ATTEMPTS, JOBS.RETRY_COUNT, JOBS.STATUS)
                    .from(JOBS)
                    .where(JOBS.EPISODE_ID.eq(id), JOBS.STAGE.eq(PipelineStage.AVATAR.label()))
                    .fetchSingle();
            assertThat(avatarJob.get(JOBS.ATTEMPTS)).isGreaterThanOrEqualTo(2);
            assertThat(avatarJob.get(JOBS.RETRY_COUNT)).isEqualTo(1);
            assertThat(avatarJob.get(JOBS.STATUS)).isEqualTo(Jooq.db(JobStatus.COMPLETED));

            // here, only what the dead worker had not committed ran again
            Map<PipelineStage, List<OfflineProviders.Call>> mine = calls.getOrDefault(id, Map.of());
            for (PipelineStage stage : List.of(
                    PipelineStage.PLANNING,
                    PipelineStage.SCRIPTING,
                    PipelineStage.SCRIPT_REVIEW,
                    PipelineStage.AUDIO)) {
                assertThat(mine.getOrDefault(stage, List.of()))
                        .as(stage.label())
                        .isEmpty();
            }
            for (PipelineStage stage : List.of(PipelineStage.AVATAR, PipelineStage.ASSEMBLY, PipelineStage.UPLOAD)) {
                assertThat(mine.getOrDefault(stage, List.of()))
                        .as(stage.label())
                        .hasSize(1);
            }
            List<Integer> clipsHere = mine.getOrDefault(PipelineStage.BROLL, List.of()).stream()
                    .map(call ->
                            clipOfJob.get(UUID.fromString(call.idempotencyKey().substring("acog-".length()))))
                    .toList();
            Set<Integer> doneThere = clipsDoneAtKill.getOrDefault(id, Set.of());
            assertThat(clipsHere)
                    .as("clips submitted by the survivor")
                    .doesNotHaveDuplicates()
                    .noneMatch(doneThere::contains);
            Set<Integer> all = new TreeSet<>(clipsHere);
            all.addAll(doneThere);
            assertThat(all).hasSize(episode.scriptMetadata().brollSegments());
        }
        assertThat(PipelineConcurrencyTest.liveJobs(db)).isZero();
        assertThat(db.fetchCount(JOBS, JOBS.LOCKED_BY.isNotNull())).isZero();
        assertThat(db.fetchCount(JOBS, JOBS.STATUS.ne(Jooq.db(JobStatus.COMPLETED))))
                .isZero();
    }

    /** Whether every episode's avatar job is held by the worker and its stage has begun. */
    private static boolean avatarAtProvider(Acog acog, DSLContext db, List<UUID> ids, String worker) {
        if (db.fetchCount(
                        JOBS,
                        JOBS.STAGE.eq(PipelineStage.AVATAR.label()),
                        JOBS.STATUS.eq(Jooq.db(JobStatus.RUNNING)),
                        JOBS.LOCKED_BY.eq(worker))
                < ids.size()) {
            return false;
        }
        return ids.stream()
                .allMatch(id -> acog.episodes()
                                .get(id)
                                .pipelineState()
                                .stage(PipelineStage.AVATAR)
                                .map(StageState::attempts)
                                .orElse(0)
                        >= 1);
    }

    /**
     * Whether an episode has b-roll clips stored and others in the worker's hands (being
     * submitted, or claimed and waiting for a thread).
     */
    private static boolean clipsHalfDone(DSLContext db, String worker) {
        return db.fetchExists(db.select(JOBS.EPISODE_ID)
                .from(JOBS)
                .where(JOBS.STAGE.eq(PipelineStage.BROLL.label()))
                .groupBy(JOBS.EPISODE_ID)
                .having(
                        DSL.count()
                                .filterWhere(JOBS.STATUS.eq(Jooq.db(JobStatus.COMPLETED)))
                                .ge(1),
                        DSL.count()
                                .filterWhere(JOBS.STATUS
                                        .eq(Jooq.db(JobStatus.RUNNING))
                                        .and(JOBS.LOCKED_BY.eq(worker)))
                                .ge(1)));
    }

    /** The b-roll clips whose jobs completed, by episode. */
    private static Map<UUID, Set<Integer>> clipsDone(DSLContext db, List<UUID> ids) {
        Map<UUID, Set<Integer>> done = new HashMap<>();
        ids.forEach(id -> done.put(id, new TreeSet<>()));
        db.select(JOBS.EPISODE_ID, DSL.field("({0} ->> 'clip_index')::int", Integer.class, JOBS.INPUT_PARAMS))
                .from(JOBS)
                .where(JOBS.STAGE.eq(PipelineStage.BROLL.label()), JOBS.STATUS.eq(Jooq.db(JobStatus.COMPLETED)))
                .forEach(row -> done.get(row.value1()).add(row.value2()));
        return done.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
