package io.acog.core.pipeline;

import static io.acog.jooq.generated.Tables.EPISODES;
import static io.acog.jooq.generated.Tables.JOBS;
import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.Acog;
import io.acog.core.InvalidTransitionException;
import io.acog.core.asset.Asset;
import io.acog.core.asset.AssetType;
import io.acog.core.channel.Channel;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.job.JobStatus;
import io.acog.core.job.JobWorker;
import io.acog.core.job.RetryPolicy;
import io.acog.providers.offline.OfflineProviders;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.Cancellation;
import io.acog.spi.ProviderCall;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.testing.Jooq;
import io.acog.testing.Waiting;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many episodes at once on several pipeline workers sharing one database: each episode is
 * published exactly once, every stage ran once (one provider call, one job, one attempt), and
 * nothing is stored twice; episodes cancelled while they run end cancelled, with their queued
 * work and their renders at the providers stopped.
 */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class PipelineConcurrencyTest {

    private static final int EPISODE_COUNT = 200;
    private static final int WORKERS = 4;
    private static final int THREADS = 2;
    private static final int CHANNELS = 10;
    private static final RetryPolicy IMMEDIATE = new RetryPolicy(Duration.ZERO, Duration.ZERO, 0);
    /** The stages whose provider is called once per episode (for avatar: one render submitted). */
    static final List<PipelineStage> ONCE = List.of(
            PipelineStage.PLANNING,
            PipelineStage.SCRIPTING,
            PipelineStage.SCRIPT_REVIEW,
            PipelineStage.METADATA,
            PipelineStage.AUDIO,
            PipelineStage.AVATAR,
            PipelineStage.ASSEMBLY,
            PipelineStage.UPLOAD);

    private static final Set<EpisodeStatus> SETTLED =
            Set.of(EpisodeStatus.PUBLISHED, EpisodeStatus.FAILED, EpisodeStatus.CANCELLED);

    private Acog acog;
    private AcogFixtures fixtures;
    private DSLContext db;

    @TempDir
    Path storage;

    @BeforeEach
    void setUp(DataSource dataSource, DSLContext db) {
        this.acog =
                Acog.builder().dataSource(dataSource).jobRetryPolicy(IMMEDIATE).build();
        this.fixtures = new AcogFixtures(acog);
        this.db = db;
    }

    @Test
    void twoHundredEpisodesOnFourWorkersArePublishedWithEveryStageRunOnce() throws Exception {
        OfflineProviders offline =
                PipelineTesting.offline().renderPolls(2, Duration.ofMillis(20)).build();
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog))
                .assetStorage(new LocalFileStorage(storage))
                .build();
        List<UUID> ids = createEpisodes();

        long began = System.nanoTime();
        List<JobWorker> workers = startWorkers(pipeline);
        try {
            startAll(pipeline, ids);
            awaitSettled(ids);
        } finally {
            workers.forEach(JobWorker::close);
        }
        System.out.printf(
                "%d episodes settled in %d ms on %d workers x %d threads%n",
                EPISODE_COUNT, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), WORKERS, THREADS);

        Map<UUID, Episode> episodes = load(ids);
        reportUnpublished(episodes.values());
        assertThat(episodes.values()).extracting(Episode::status).containsOnly(EpisodeStatus.PUBLISHED);
        Map<UUID, Map<PipelineStage, List<OfflineProviders.Call>>> calls = mainCalls(offline);
        List<String> problems = new ArrayList<>();
        for (Episode episode : episodes.values()) {
            problems.addAll(publishedOnce(acog, db, episode, calls.getOrDefault(episode.id(), Map.of())));
        }
        assertThat(problems).as("episodes not produced exactly once").isEmpty();
        assertThat(liveJobs(db)).as("jobs left queued or running").isZero();
        assertThat(offline.cancelledRenders()).isEmpty();
    }

    @Test
    void episodesCancelledWhileRunningEndCancelledAndTheirRendersAreCancelled() throws Exception {
        OfflineProviders offline =
                PipelineTesting.offline().renderPolls(4, Duration.ofMillis(150)).build();
        TrackingRenders renders = new TrackingRenders(offline);
        EpisodePipeline pipeline = EpisodePipeline.builder(acog)
                .contentWriter(offline.contentWriter())
                .voiceSynthesizer(offline.voiceSynthesizer())
                .avatarRenderer(renders.avatar)
                .brollGenerator(renders.broll)
                .videoAssembler(offline.videoAssembler())
                .publisher(offline.publisher())
                .assetStorage(new LocalFileStorage(storage))
                .build();
        List<UUID> ids = createEpisodes();
        // the first 10 are cancelled at staggered moments, whatever they are doing; up to 10 of
        // the others once their avatar render is under way at the provider
        List<UUID> early = ids.subList(0, 10);
        Set<UUID> candidates = new HashSet<>(ids.subList(10, ids.size()));
        Set<UUID> cancelled = ConcurrentHashMap.newKeySet();
        Set<UUID> publishedFirst = ConcurrentHashMap.newKeySet();
        Set<UUID> duringAvatar = new HashSet<>();

        List<JobWorker> workers = startWorkers(pipeline);
        ExecutorService canceller = Executors.newSingleThreadExecutor();
        try {
            startAll(pipeline, ids);
            Future<?> earlyCancels = canceller.submit(() -> {
                for (UUID id : early) {
                    sleep(150);
                    cancel(pipeline, id, cancelled, publishedFirst);
                }
                return null;
            });
            // cancel ten episodes caught while their avatar renders (or as many as there are)
            Waiting.within(Waiting.LONG_PATIENCE).until(() -> {
                for (UUID id : avatarRendersUnderWay(candidates)) {
                    if (duringAvatar.size() < 10 && candidates.remove(id)) {
                        duringAvatar.add(id);
                        cancel(pipeline, id, cancelled, publishedFirst);
                    }
                }
                return duringAvatar.size() >= 10 || settled(ids);
            });
            earlyCancels.get(Waiting.LONG_PATIENCE.toMinutes(), TimeUnit.MINUTES);
            awaitSettled(ids);
        } finally {
            canceller.shutdownNow();
            workers.forEach(JobWorker::close);
        }

        Map<UUID, Episode> episodes = load(ids);
        reportUnpublished(episodes.values().stream()
                .filter(episode -> !cancelled.contains(episode.id()))
                .toList());
        Map<EpisodeStatus, Long> byStatus = episodes.values().stream()
                .collect(Collectors.groupingBy(
                        Episode::status, () -> new EnumMap<>(EpisodeStatus.class), Collectors.counting()));
        System.out.printf(
                "cancel variant: %s; cancelled %d (%d during an avatar render),"
                        + " %d published before their cancel; renders cancelled at the provider:"
                        + " %d%n",
                byStatus,
                cancelled.size(),
                duringAvatar.stream().filter(cancelled::contains).count(),
                publishedFirst.size(),
                offline.cancelledRenders().size());

        assertThat(duringAvatar)
                .as("episodes caught during their avatar render")
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(byStatus.keySet()).containsOnly(EpisodeStatus.PUBLISHED, EpisodeStatus.CANCELLED);
        assertThat(byStatus.getOrDefault(EpisodeStatus.PUBLISHED, 0L)
                        + byStatus.getOrDefault(EpisodeStatus.CANCELLED, 0L))
                .isEqualTo(EPISODE_COUNT);
        assertThat(byStatus.getOrDefault(EpisodeStatus.CANCELLED, 0L)).isEqualTo(cancelled.size());
        assertThat(cancelled.size() + publishedFirst.size()).isEqualTo(early.size() + duringAvatar.size());

        Map<UUID, Map<PipelineStage, List<OfflineProviders.Call>>> calls = mainCalls(offline);
        Set<String> cancelledAtProvider = offline.cancelledRenders();
        List<String> problems = new ArrayList<>();
        int avatarRendersCancelled = 0;
        for (Episode episode : episodes.values()) {
            Map<PipelineStage, List<OfflineProviders.Call>> mine = calls.getOrDefault(episode.id(), Map.of());
            if (!cancelled.contains(episode.id())) {
                problems.addAll(publishedOnce(acog, db, episode, mine));
                continue;
            }
            String who = "cancelled episode " + episode.id();
            if (episode.status() != EpisodeStatus.CANCELLED) {
                problems.add(who + " is " + episode.status());
            }
            int live = db.fetchCount(
                    JOBS,
                    JOBS.EPISODE_ID.eq(episode.id()),
                    JOBS.STATUS.in(Jooq.db(JobStatus.QUEUED), Jooq.db(JobStatus.RUNNING)));
            if (live > 0) {
                problems.add(who + " has " + live + " queued or running job(s)");
            }
            problems.addAll(nothingTwice(acog, episode, mine));
            Set<String> stored = acog.assets().list(episode.id()).stream()
                    .map(Asset::providerJobId)
                    .collect(Collectors.toSet());
            for (String task : offline.renders(episode.id())) {
                boolean done = renders.done.contains(task) || stored.contains(task);
                boolean stopped = cancelledAtProvider.contains(task);
                if (!done && !stopped) {
                    problems.add(who + ": render " + task + " was in flight and never cancelled" + " at the provider");
                }
                if (stopped && task.contains("-avatar-")) {
                    avatarRendersCancelled++;
                }
            }
        }
        System.out.printf("avatar renders cancelled at the provider: %d%n", avatarRendersCancelled);
        assertThat(problems).as("problems").isEmpty();
        assertThat(avatarRendersCancelled)
                .as("avatar renders cancelled at the provider")
                .isGreaterThanOrEqualTo(1);
        assertThat(liveJobs(db)).as("jobs left queued or running").isZero();
        // renders of published episodes were never cancelled
        Set<String> publishedRenders = new HashSet<>();
        episodes.values().stream()
                .filter(e -> e.status() == EpisodeStatus.PUBLISHED)
                .forEach(e -> publishedRenders.addAll(offline.renders(e.id())));
        assertThat(cancelledAtProvider).doesNotContainAnyElementsOf(publishedRenders);
    }

    // ---- running ----------------------------------------------------------------------------

    private List<UUID> createEpisodes() {
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < CHANNELS; i++) {
            channels.add(fixtures.channel().create());
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < EPISODE_COUNT; i++) {
            ids.add(fixtures.episode()
                    .channel(channels.get(i % CHANNELS))
                    .title("Episode " + i + ": black holes and time dilation")
                    .create()
                    .id());
        }
        return ids;
    }

    private static List<JobWorker> startWorkers(EpisodePipeline pipeline) {
        List<JobWorker> workers = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            workers.add(pipeline.worker("w" + i).threads(THREADS).start());
        }
        return workers;
    }

    /** Starts every episode at once, from several threads. */
    private static void startAll(EpisodePipeline pipeline, List<UUID> ids) throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(8);
        try {
            List<Future<Episode>> started = new ArrayList<>();
            for (UUID id : ids) {
                started.add(starters.submit(() -> pipeline.start(id)));
            }
            for (Future<Episode> episode : started) {
                assertThat(episode.get(60, TimeUnit.SECONDS).status()).isNotEqualTo(EpisodeStatus.IDEA);
            }
        } finally {
            starters.shutdownNow();
        }
    }

    private static void cancel(EpisodePipeline pipeline, UUID id, Set<UUID> cancelled, Set<UUID> publishedFirst) {
        try {
            Episode episode = pipeline.cancel(id);
            assertThat(episode.status()).isEqualTo(EpisodeStatus.CANCELLED);
            cancelled.add(id);
        } catch (InvalidTransitionException e) {
            assertThat(e.getMessage()).contains("published");
            publishedFirst.add(id);
        }
    }

    /** Episodes among {@code among} whose avatar render was submitted and is not done. */
    private List<UUID> avatarRendersUnderWay(Set<UUID> among) {
        return db
                .selectDistinct(JOBS.EPISODE_ID)
                .from(JOBS)
                .where(
                        JOBS.STAGE.eq(PipelineStage.AVATAR.label()),
                        JOBS.STATUS.in(Jooq.db(JobStatus.QUEUED), Jooq.db(JobStatus.RUNNING)),
                        org.jooq.impl.DSL.condition("{0} ->> 'task_id' IS NOT NULL", JOBS.INPUT_PARAMS))
                .fetch(JOBS.EPISODE_ID)
                .stream()
                .filter(among::contains)
                .toList();
    }

    private boolean settled(List<UUID> ids) {
        return db.fetchCount(
                                EPISODES,
                                EPISODES.ID.in(ids),
                                EPISODES.STATUS.notIn(
                                        SETTLED.stream().map(Jooq::db).toList()))
                        == 0
                && liveJobs(db) == 0;
    }

    private void awaitSettled(List<UUID> ids) {
        Waiting.within(Waiting.LONG_PATIENCE).untilAsserted(() -> {
            if (!settled(ids)) {
                throw new AssertionError("not settled: episodes by status "
                        + db.select(EPISODES.STATUS, org.jooq.impl.DSL.count())
                                .from(EPISODES)
                                .where(EPISODES.ID.in(ids))
                                .groupBy(EPISODES.STATUS)
                                .fetchMap(EPISODES.STATUS, org.jooq.impl.DSL.count())
                        + ", live jobs "
                        + db.fetch("SELECT stage, status, count(*) FROM jobs"
                                + " WHERE status IN ('queued', 'running') GROUP BY 1, 2"));
            }
        });
    }

    static int liveJobs(DSLContext db) {
        return db.fetchCount(JOBS, JOBS.STATUS.in(Jooq.db(JobStatus.QUEUED), Jooq.db(JobStatus.RUNNING)));
    }

    private Map<UUID, Episode> load(List<UUID> ids) {
        Map<UUID, Episode> episodes = new HashMap<>();
        for (UUID id : ids) {
            episodes.put(id, acog.episodes().get(id));
        }
        return episodes;
    }

    private static void reportUnpublished(Iterable<Episode> episodes) {
        for (Episode episode : episodes) {
            if (episode.status() != EpisodeStatus.PUBLISHED) {
                System.out.printf("episode %s ended %s: %s%n", episode.id(), episode.status(), episode.lastError());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- checks ------------------------------------------------------------------------------

    /** The offline providers' main calls (calls and submits) by episode and stage. */
    static Map<UUID, Map<PipelineStage, List<OfflineProviders.Call>>> mainCalls(OfflineProviders offline) {
        Map<UUID, Map<PipelineStage, List<OfflineProviders.Call>>> byEpisode = new HashMap<>();
        for (OfflineProviders.Call call : offline.calls()) {
            if (call.episodeId() != null
                    && (call.operation().equals("call") || call.operation().equals("submit"))) {
                byEpisode
                        .computeIfAbsent(call.episodeId(), id -> new EnumMap<>(PipelineStage.class))
                        .computeIfAbsent(PipelineStage.fromLabel(call.stage()), stage -> new ArrayList<>())
                        .add(call);
            }
        }
        return byEpisode;
    }

    /**
     * What is wrong with a published episode that should have run every stage exactly once: its
     * status, pipeline state, assets, provider calls and jobs.
     */
    static List<String> publishedOnce(
            Acog acog, DSLContext db, Episode episode, Map<PipelineStage, List<OfflineProviders.Call>> calls) {
        List<String> problems = new ArrayList<>();
        String who = "episode " + episode.id();
        if (episode.status() != EpisodeStatus.PUBLISHED || episode.lastError() != null) {
            problems.add(who + " is " + episode.status() + " (" + episode.lastError() + ")");
            return problems;
        }
        for (PipelineStage stage : PipelineStage.values()) {
            StageState state = episode.pipelineState().stage(stage).orElse(null);
            if (state == null || state.status() != StageStatus.COMPLETED) {
                problems.add(who + ": " + stage.label() + " is " + (state == null ? null : state.status()));
            } else if (stage != PipelineStage.BROLL && !Integer.valueOf(1).equals(state.attempts())) {
                problems.add(who + ": " + stage.label() + " took " + state.attempts() + " attempts");
            }
        }
        int clips = episode.scriptMetadata().brollSegments();
        if (clips < 1) {
            problems.add(who + " has no b-roll segments");
        }
        problems.addAll(assetsOnce(acog, episode, true));
        for (PipelineStage stage : ONCE) {
            int n = calls.getOrDefault(stage, List.of()).size();
            if (n != 1) {
                problems.add(who + ": " + stage.label() + " provider called " + n + " times");
            }
        }
        List<OfflineProviders.Call> clipCalls = calls.getOrDefault(PipelineStage.BROLL, List.of());
        long distinctKeys = clipCalls.stream()
                .map(OfflineProviders.Call::idempotencyKey)
                .distinct()
                .count();
        if (clipCalls.size() != clips || distinctKeys != clips) {
            problems.add(who + ": " + clipCalls.size() + " b-roll submits (" + distinctKeys + " distinct keys) for "
                    + clips + " clips");
        }
        for (Record job : db.select(JOBS.STAGE, JOBS.STATUS, JOBS.ATTEMPTS, JOBS.RETRY_COUNT)
                .from(JOBS)
                .where(JOBS.EPISODE_ID.eq(episode.id()))
                .fetch()) {
            PipelineStage stage = PipelineStage.fromLabel(job.get(JOBS.STAGE));
            if (job.get(JOBS.STATUS) != Jooq.db(JobStatus.COMPLETED)
                    || job.get(JOBS.RETRY_COUNT) != 0
                    || (stage != PipelineStage.AVATAR && stage != PipelineStage.BROLL && job.get(JOBS.ATTEMPTS) != 1)) {
                problems.add(who + ": " + stage.label() + " job " + job.get(JOBS.STATUS)
                        + " after " + job.get(JOBS.ATTEMPTS) + " attempts, "
                        + job.get(JOBS.RETRY_COUNT) + " retries");
            }
        }
        Map<String, Integer> jobsByStage = db.select(JOBS.STAGE, org.jooq.impl.DSL.count())
                .from(JOBS)
                .where(JOBS.EPISODE_ID.eq(episode.id()))
                .groupBy(JOBS.STAGE)
                .fetchMap(JOBS.STAGE, org.jooq.impl.DSL.count());
        for (PipelineStage stage : PipelineStage.values()) {
            int expected = stage == PipelineStage.BROLL ? clips : 1;
            if (jobsByStage.getOrDefault(stage.label(), 0) != expected) {
                problems.add(who + ": " + jobsByStage.get(stage.label()) + " " + stage.label() + " job(s), expected "
                        + expected);
            }
        }
        return problems;
    }

    /**
     * What was made twice for an episode (or, when {@code complete}, is missing): one primary
     * asset of each type, one asset in all of audio, avatar and assembled video, one b-roll clip
     * per b-roll segment with distinct clip indexes.
     */
    static List<String> assetsOnce(Acog acog, Episode episode, boolean complete) {
        List<String> problems = new ArrayList<>();
        String who = "episode " + episode.id();
        List<Asset> assets = acog.assets().list(episode.id());
        Map<AssetType, Long> byType = assets.stream()
                .collect(Collectors.groupingBy(
                        Asset::type, () -> new EnumMap<>(AssetType.class), Collectors.counting()));
        Map<AssetType, Long> primaries = assets.stream()
                .filter(Asset::primary)
                .collect(Collectors.groupingBy(
                        Asset::type, () -> new EnumMap<>(AssetType.class), Collectors.counting()));
        List<AssetType> singles = List.of(AssetType.AUDIO, AssetType.AVATAR_VIDEO, AssetType.ASSEMBLED_VIDEO);
        Map<AssetType, Long> expected = new EnumMap<>(AssetType.class);
        if (complete) {
            singles.forEach(type -> expected.put(type, 1L));
            if (!primaries.equals(expected)) {
                problems.add(who + ": primary assets " + primaries);
            }
            Integer clips = episode.scriptMetadata() == null
                    ? null
                    : episode.scriptMetadata().brollSegments();
            expected.put(AssetType.B_ROLL, clips == null ? 0L : clips.longValue());
            if (!byType.equals(expected)) {
                problems.add(who + ": assets by type " + byType + ", expected " + expected);
            }
        } else {
            for (Map.Entry<AssetType, Long> entry : byType.entrySet()) {
                if (entry.getKey() != AssetType.B_ROLL && entry.getValue() > 1) {
                    problems.add(who + ": " + entry.getValue() + " " + entry.getKey() + " assets");
                }
            }
        }
        List<Object> indexes = assets.stream()
                .filter(a -> a.type() == AssetType.B_ROLL)
                .map(a -> a.metadata() == null ? null : a.metadata().extra().get("clip_index"))
                .toList();
        Set<Object> distinct = new TreeSet<>(java.util.Comparator.comparing(String::valueOf));
        distinct.addAll(indexes);
        if (distinct.size() != indexes.size() || indexes.contains(null)) {
            problems.add(who + ": b-roll clip indexes " + indexes);
        }
        return problems;
    }

    /** What a cancelled episode ran or stored twice. */
    private static List<String> nothingTwice(
            Acog acog, Episode episode, Map<PipelineStage, List<OfflineProviders.Call>> calls) {
        List<String> problems = new ArrayList<>(assetsOnce(acog, episode, false));
        for (PipelineStage stage : ONCE) {
            int n = calls.getOrDefault(stage, List.of()).size();
            if (n > 1) {
                problems.add("cancelled episode " + episode.id() + ": " + stage.label() + " provider called " + n
                        + " times");
            }
        }
        long clipKeys = calls.getOrDefault(PipelineStage.BROLL, List.of()).stream()
                .map(OfflineProviders.Call::idempotencyKey)
                .distinct()
                .count();
        if (clipKeys != calls.getOrDefault(PipelineStage.BROLL, List.of()).size()) {
            problems.add("cancelled episode " + episode.id() + ": a b-roll clip submitted twice");
        }
        return problems;
    }

    // ---- renders, watched --------------------------------------------------------------------

    /**
     * The offline avatar renderer and b-roll generator, remembering which renders the pipeline
     * saw finish (a render done at the provider needs no cancelling).
     */
    private static final class TrackingRenders {
        final Set<String> done = ConcurrentHashMap.newKeySet();
        final AvatarRenderer avatar;
        final BrollGenerator broll;

        TrackingRenders(OfflineProviders offline) {
            AvatarRenderer avatars = offline.avatarRenderer();
            BrollGenerator clips = offline.brollGenerator();
            this.avatar = new AvatarRenderer() {
                @Override
                public String name() {
                    return avatars.name();
                }

                @Override
                public boolean serves(String requested) {
                    return avatars.serves(requested);
                }

                @Override
                public RenderTask submit(AvatarRequest request, ProviderCall call) {
                    return avatars.submit(request, call);
                }

                @Override
                public RenderProgress poll(String taskId, ProviderCall call) {
                    return watched(taskId, avatars.poll(taskId, call));
                }

                @Override
                public Cancellation cancel(String taskId, ProviderCall call) {
                    return avatars.cancel(taskId, call);
                }
            };
            this.broll = new BrollGenerator() {
                @Override
                public String name() {
                    return clips.name();
                }

                @Override
                public RenderTask submit(ClipRequest request, ProviderCall call) {
                    return clips.submit(request, call);
                }

                @Override
                public RenderProgress poll(String taskId, ProviderCall call) {
                    return watched(taskId, clips.poll(taskId, call));
                }

                @Override
                public Cancellation cancel(String taskId, ProviderCall call) {
                    return clips.cancel(taskId, call);
                }
            };
        }

        private RenderProgress watched(String taskId, RenderProgress progress) {
            if (progress instanceof RenderProgress.Done) {
                done.add(taskId);
            }
            return progress;
        }
    }
}
