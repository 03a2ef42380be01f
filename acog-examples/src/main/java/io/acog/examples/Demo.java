package io.acog.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.acog.core.Acog;
import io.acog.core.asset.Asset;
import io.acog.core.asset.AssetType;
import io.acog.core.channel.Channel;
import io.acog.core.channel.NewChannel;
import io.acog.core.channel.PlatformConfig;
import io.acog.core.channel.VoiceProfile;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeIdea;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.NewEpisode;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.job.JobWorker;
import io.acog.core.pipeline.EpisodeCost;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.core.pipeline.LocalFileStorage;
import io.acog.core.pipeline.PipelineListener;
import io.acog.core.pulse.NewPulseEvent;
import io.acog.core.pulse.PulseEvent;
import io.acog.core.pulse.PulsePayload;
import io.acog.jooq.AcogSchema;
import io.acog.jooq.SchemaMigration;
import io.acog.providers.ffmpeg.ContactSheet;
import io.acog.providers.ffmpeg.Ffmpeg;
import io.acog.providers.ffmpeg.FfmpegAssembler;
import io.acog.providers.ffmpeg.Fonts;
import io.acog.providers.ffmpeg.MediaProbe;
import io.acog.providers.offline.OfflineProviders;
import io.acog.spi.AssetStorage;
import io.acog.spi.ProviderConfig;
import io.acog.testkit.fixtures.SeedExamples;
import io.acog.testkit.postgres.PostgresServer;
import io.acog.testkit.postgres.TestDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The README's demo: a PostgreSQL with no setup, the ACOG schema, a channel with the seed's
 * example persona (Dr. Sarah Chen, cosmology), a few trend signals, the best one turned into an
 * episode, and that episode taken from idea to published through all nine stages by a pipeline
 * worker with the offline providers — all through the public API.
 *
 * <p>One episode is made with real media: the offline providers speak the script as a WAV of
 * tones and render an avatar card and b-roll clips with ffmpeg, and the ffmpeg assembler cuts the
 * final MP4 with captions and a thumbnail. The demo then reads the MP4 back and draws a contact
 * sheet of its cuts. Many episodes use placeholder files, to show throughput.
 *
 * <pre>
 * ./demo                      one episode, its progress stage by stage, then the video and a summary
 * ./demo --shorts             the same as a 9:16 Short
 * ./demo --episodes 200       many at once; prints throughput
 * ./demo --providers openai,elevenlabs,youtube,s3   those capabilities on the real adapters
 * ./demo --help               every option
 * </pre>
 *
 * Exits 0 only if every episode was published; 2 for a wrong command line ({@link DemoCommand}).
 */
public final class Demo {

    private Demo() {}

    public static void main(String[] args) {
        System.exit(DemoCommand.commandLine().execute(args));
    }

    /**
     * Runs the demo.
     *
     * @return whether every episode was published
     */
    static boolean run(Options options) throws Exception {
        return run(options, ProviderConfig.fromEnvironment());
    }

    /**
     * Runs the demo with these provider settings.
     *
     * @return whether every episode was published
     */
    static boolean run(Options options, ProviderConfig config) throws Exception {
        return run(options, config, (acog, pipeline, firstEpisode, assets) -> {});
    }

    /**
     * Runs the demo with these provider settings, and lets {@code finished} look at what it made
     * before its database is dropped.
     *
     * @return whether every episode was published
     */
    static boolean run(Options options, ProviderConfig config, Finished finished) throws Exception {
        PostgresServer server = PostgresServer.shared();
        System.out.println("PostgreSQL   " + server.description());
        boolean allPublished;
        Path storage = Path.of("target", "demo-assets").toAbsolutePath();
        deleteTree(storage); // the last run's files
        Files.createDirectories(storage);
        TestDatabase database = server.createEmptyDatabase();
        try {
            SchemaMigration migration = AcogSchema.migrate(database.dataSource());
            System.out.println("Schema       " + database.name() + " migrated to version "
                    + migration.currentVersion() + " (" + String.join(", ", migration.applied())
                    + ")");
            HikariConfig pool = new HikariConfig();
            pool.setDataSource(database.dataSource());
            pool.setMaximumPoolSize(options.threads + 4); // worker threads, its claimer, the rest
            pool.setPoolName("acog-demo");
            try (HikariDataSource dataSource = new HikariDataSource(pool)) {
                Acog acog = Acog.builder().dataSource(dataSource).build();
                Channel channel = channel(acog, options.shorts(), options.providers(), config);
                Episode first = episodeFromPulse(acog, channel);
                List<UUID> episodes = new ArrayList<>(List.of(first.id()));
                for (int i = 1; i < options.episodes; i++) {
                    episodes.add(acog.episodes()
                            .create(NewEpisode.builder(channel.id())
                                    .idea(EpisodeIdea.of(TOPICS.get(i % TOPICS.size()) + " (part " + i + ")"))
                                    .build())
                            .id());
                }
                Progress progress = new Progress(episodes.size());
                boolean real = options.media() == MediaKind.REAL;
                OfflineProviders.Builder providers = OfflineProviders.builder()
                        .config(config)
                        .media(real ? OfflineProviders.MediaMode.REAL : OfflineProviders.MediaMode.PLACEHOLDER)
                        .latency(Duration.ofMillis(options.latencyMs))
                        .renderPolls(progress.one ? 2 : 0, Duration.ofMillis(200)); // one: show the polls
                if (!progress.one) {
                    providers.audioSampleRate(1_000); // smaller sound, as long as the script
                }
                OfflineProviders offline = providers.build();
                EpisodePipeline.Builder builder = EpisodePipeline.builder(acog);
                if (real) {
                    Ffmpeg ffmpeg = Ffmpeg.locate(config);
                    System.out.println("Media        real, cut by " + ffmpeg.version() + " (" + ffmpeg.origin() + ": "
                            + ffmpeg.executable() + ")");
                    builder.videoAssembler(new FfmpegAssembler(config)); // registered first: it cuts the video
                }
                // real adapters first: the pipeline chooses them over the offline providers
                AssetStorage realStorage = RealProviders.install(builder, options.providers(), config);
                AssetStorage assets = realStorage != null ? realStorage : new LocalFileStorage(storage);
                WebhookEndpoint webhooks = webhooks(options, builder);
                EpisodePipeline pipeline = offline.installInto(builder)
                        .assetStorage(assets)
                        .listener(progress)
                        .build();
                try {
                    if (webhooks != null) {
                        webhooks.serve(pipeline);
                    }
                    allPublished = run(acog, pipeline, progress, options, episodes);
                } finally {
                    if (webhooks != null) {
                        System.out.println("Webhooks     " + webhooks.accepted() + " accepted, " + webhooks.rejected()
                                + " rejected");
                        webhooks.close();
                    }
                }
                summary(acog, pipeline, first.id(), storage, assets, options);
                if (real) {
                    video(acog, first.id(), storage, assets, config);
                }
                finished.inspect(acog, pipeline, first.id(), assets);
            }
        } finally {
            if (options.keep()) {
                database.keep();
                System.out.println("Kept         database " + database.name() + " on " + server.description()
                        + "; open it with: psql '" + psqlUri(database) + "'");
            } else {
                database.close();
            }
        }
        return allPublished;
    }

    /**
     * Starts the webhook endpoint the options ask for and points the pipeline's render callbacks
     * at it (one URL per provider); null when they ask for none.
     */
    private static WebhookEndpoint webhooks(Options options, EpisodePipeline.Builder builder)
            throws java.io.IOException {
        if (options.webhooks() == null) {
            return null;
        }
        WebhookEndpoint endpoint = WebhookEndpoint.start(
                new java.net.InetSocketAddress("localhost", options.webhooks().port()));
        java.net.URI base =
                options.webhooks().publicUrl() != null ? options.webhooks().publicUrl() : endpoint.localUrl();
        if (!base.getPath().endsWith("/")) {
            base = java.net.URI.create(base + "/");
        }
        builder.renderCallbackUrl(base);
        System.out.println(
                "Webhooks     render providers report to " + base + "<provider>; received on " + endpoint.localUrl());
        return endpoint;
    }

    /** A psql connection URI of the database (without the password: psql asks for it). */
    static String psqlUri(TestDatabase database) {
        String url = database.jdbcUrl().replaceFirst("^jdbc:", "").replaceFirst("\\?.*$", "");
        return url.replaceFirst("^postgresql://", "postgresql://" + database.user() + "@");
    }

    private static final List<String> TOPICS = List.of(
            "Why time slows near black holes",
            "The galaxy that should not exist",
            "How we weigh dark matter",
            "What the cosmic microwave background tells us",
            "Could we ever see the Big Bang?");

    private static Channel channel(Acog acog, boolean shorts, List<String> providers, ProviderConfig config) {
        VoiceProfile voice = SeedExamples.voiceProfile();
        if (providers.contains("elevenlabs")) {
            // the seed's voice is an example id: a real account speaks with one of its own voices
            Optional<String> id = config.get("elevenlabs.voice-id");
            voice = new VoiceProfile(
                    voice.provider(),
                    id.orElse(voice.voiceId()),
                    id.isPresent() ? null : voice.voiceName(),
                    config.get("elevenlabs.model").orElse(voice.model()),
                    voice.settings(),
                    voice.extra());
        }
        Channel channel = acog.channels()
                .create(NewChannel.builder("Cosmos with Dr. Sarah Chen", "cosmos-sarah-chen")
                        .niche("cosmology")
                        .platformConfig(PlatformConfig.empty()
                                .withExtra("format", shorts ? "shorts" : "landscape")
                                // Dr. Chen speaks English: a publisher that takes captions (YouTube) needs their
                                // language
                                .withExtra("language", "en"))
                        .persona(SeedExamples.persona())
                        .styleGuide(SeedExamples.styleGuide())
                        .avatarProfile(avatar(providers))
                        .voiceProfile(voice)
                        .cadence("3_per_week")
                        .build());
        System.out.println("Channel      " + channel.slug() + ": persona "
                + channel.persona().name() + ", niche " + channel.niche() + ", pacing "
                + channel.styleGuide().pacing() + ", voice "
                + channel.voiceProfile().provider()
                + ", avatar " + channel.avatarProfile().provider());
        return channel;
    }

    /** The seed's avatar (at HeyGen), at Synthesia when the demo renders there. */
    private static io.acog.core.channel.AvatarProfile avatar(List<String> providers) {
        io.acog.core.channel.AvatarProfile seed = SeedExamples.avatarProfile();
        if (!providers.contains("synthesia")) {
            return seed;
        }
        return new io.acog.core.channel.AvatarProfile(
                "synthesia",
                seed.avatarId(),
                seed.avatarName(),
                seed.framing(),
                seed.background(),
                seed.clothingStyle(),
                seed.gesturesEnabled(),
                seed.extra());
    }

    private static Episode episodeFromPulse(Acog acog, Channel channel) {
        List<PulseEvent> events = acog.pulseEvents()
                .ingest(List.of(
                        signal(
                                "youtube",
                                "yt-jwst-1",
                                "JWST spots a galaxy that should not exist",
                                "0.91",
                                "cosmology",
                                "jwst"),
                        signal(
                                "reddit",
                                "t3_bh42",
                                "Why time slows near black holes",
                                "0.87",
                                "black holes",
                                "relativity"),
                        signal(
                                "news",
                                "n-mars-7",
                                "Mars sample return delayed again",
                                "0.64",
                                "space exploration",
                                "mars"),
                        signal(
                                "youtube",
                                "yt-jwst-1",
                                "JWST spots a galaxy that should not exist",
                                "0.91",
                                "cosmology",
                                "jwst")))
                .created();
        long matched = acog
                .pulseEvents()
                .matchChannels(events.stream().map(PulseEvent::id).toList())
                .values()
                .stream()
                .filter(ids -> ids.contains(channel.id()))
                .count();
        System.out.println("Pulse        " + events.size() + " new trend signals (duplicates"
                + " skipped), " + matched + " matched to the channel by niche or persona"
                + " expertise");
        PulseEvent best = acog.pulseEvents().nextUnprocessed(1).get(0);
        Episode episode = acog.pulseEvents().createEpisode(best.id(), channel.id());
        acog.pulseEvents().markProcessed(List.of(best.id()));
        System.out.println("Episode      \"" + episode.title() + "\" from " + best.source()
                + " (score " + best.relevanceScore() + "), status "
                + episode.status().label());
        return episode;
    }

    /** Prints an episode's progress as it happens (one episode), or counts endings (many). */
    private static final class Progress implements PipelineListener {
        final boolean one;
        final CountDownLatch ended;
        final Map<UUID, EpisodeStatus> endings = new ConcurrentHashMap<>();
        final long started = System.nanoTime();
        /** Stages run (a b-roll stage once per clip). */
        final java.util.concurrent.atomic.LongAdder executions = new java.util.concurrent.atomic.LongAdder();

        final java.util.concurrent.atomic.AtomicInteger clips = new java.util.concurrent.atomic.AtomicInteger();

        Progress(int episodes) {
            this.one = episodes == 1;
            this.ended = new CountDownLatch(episodes);
        }

        @Override
        public void stageStarted(UUID episodeId, PipelineStage stage, int attempt) {
            executions.increment();
            if (one) {
                line(
                        started,
                        stage.label(),
                        stage == PipelineStage.BROLL
                                ? "clip " + clips.incrementAndGet() + " started"
                                : "started" + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
            }
        }

        @Override
        public void stageCompleted(UUID episodeId, PipelineStage stage) {
            if (one) {
                line(started, stage.label(), "completed");
            }
        }

        @Override
        public void stageFailed(UUID episodeId, PipelineStage stage, String error, boolean willRetry) {
            if (one || !willRetry) {
                line(started, stage.label(), "failed: " + error + (willRetry ? " (will retry)" : ""));
            }
        }

        /** The last tenth of a stage's progress printed, per stage. */
        final Map<PipelineStage, Integer> tenths = new ConcurrentHashMap<>();

        @Override
        public void stageProgress(UUID episodeId, PipelineStage stage, double fractionDone) {
            int tenth = (int) Math.floor(fractionDone * 10);
            if (one && tenth > tenths.getOrDefault(stage, 0)) {
                tenths.put(stage, tenth);
                line(started, stage.label(), String.format(Locale.ROOT, "%3d %%", tenth * 10));
            }
        }

        @Override
        public void statusChanged(UUID episodeId, EpisodeStatus from, EpisodeStatus to) {
            if (one) {
                line(started, "status", from.label() + " → " + to.label());
            }
            if ((to == EpisodeStatus.PUBLISHED || to == EpisodeStatus.FAILED || to == EpisodeStatus.CANCELLED)
                    && endings.putIfAbsent(episodeId, to) == null) {
                ended.countDown();
            }
        }
    }

    /** Starts the episodes, runs a worker until all are done or failed; whether all published. */
    private static boolean run(
            Acog acog, EpisodePipeline pipeline, Progress progress, Options options, List<UUID> episodes)
            throws InterruptedException {
        boolean one = progress.one;
        long started = progress.started;
        CountDownLatch ended = progress.ended;
        Map<UUID, EpisodeStatus> endings = progress.endings;
        System.out.println("Pipeline     " + episodes.size() + " episode(s); a worker with "
                + options.threads + " threads, "
                + (options.providers().isEmpty()
                        ? ""
                        : "real adapters (" + String.join(", ", options.providers()) + ") and the rest on ")
                + "offline providers (" + options.latencyMs + " ms a call)");
        for (UUID id : episodes) {
            pipeline.start(id);
        }
        long runStart = System.nanoTime();
        try (JobWorker worker = pipeline.worker("demo").threads(options.threads).start()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.timeoutSeconds);
            while (!ended.await(one ? 100 : 1000, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() > deadline) {
                    System.out.println("Timeout      " + ended.getCount() + " episode(s) not done" + " after "
                            + options.timeoutSeconds + " s");
                    break;
                }
                if (!one) {
                    line(started, "progress", endings.size() + "/" + episodes.size() + " episodes done");
                }
            }
        }
        double seconds = (System.nanoTime() - runStart) / 1e9;
        long published = endings.values().stream()
                .filter(EpisodeStatus.PUBLISHED::equals)
                .count();
        if (!one) {
            long executions = progress.executions.sum();
            System.out.printf(
                    Locale.ROOT,
                    "Throughput   episodes=%d published=%d seconds=%.2f"
                            + " episodes_per_s=%.1f stage_executions=%d stage_executions_per_s=%.0f%n",
                    episodes.size(),
                    published,
                    seconds,
                    published / seconds,
                    executions,
                    executions / seconds);
            for (UUID id : episodes) {
                Episode episode = acog.episodes().get(id);
                if (episode.status() != EpisodeStatus.PUBLISHED) {
                    System.out.println(
                            "Not done     " + id + " " + episode.status().label()
                                    + (episode.lastError() == null ? "" : ": " + episode.lastError()));
                }
            }
        }
        return published == episodes.size();
    }

    private static void line(long since, String what, String text) {
        System.out.printf(Locale.ROOT, "  %6.2f s  %-14s %s%n", (System.nanoTime() - since) / 1e9, what, text);
    }

    /** Each stage with duration, attempts, provider and cost; each asset; the final status. */
    private static void summary(
            Acog acog, EpisodePipeline pipeline, UUID episodeId, Path storage, AssetStorage assets, Options options) {
        Episode episode = acog.episodes().get(episodeId);
        EpisodeCost cost = pipeline.cost(episodeId);
        System.out.println();
        System.out.println("Summary of \"" + episode.title() + "\""
                + (options.episodes > 1 ? " (the first of " + options.episodes + ")" : ""));
        System.out.printf(
                Locale.ROOT,
                "  %-14s %-10s %8s %9s %-9s %10s%n",
                "stage",
                "status",
                "attempts",
                "duration",
                "provider",
                "cost_usd");
        for (PipelineStage stage : PipelineStage.values()) {
            StageState state = episode.pipelineState().stage(stage).orElse(null);
            if (state == null) {
                System.out.printf(Locale.ROOT, "  %-14s %-10s%n", stage.label(), "-");
                continue;
            }
            String duration = state.startedAt() == null || state.completedAt() == null
                    ? "-"
                    : String.format(
                            Locale.ROOT,
                            "%.2f s",
                            Duration.between(state.startedAt(), state.completedAt())
                                            .toMillis()
                                    / 1000.0);
            BigDecimal stageCost = cost.byStage().getOrDefault(stage, BigDecimal.ZERO);
            System.out.printf(
                    Locale.ROOT,
                    "  %-14s %-10s %8s %9s %-9s %10s%n",
                    stage.label(),
                    state.status() == null ? "-" : state.status().label(),
                    attempts(state),
                    duration,
                    state.provider() == null ? "-" : state.provider(),
                    stageCost.toPlainString());
        }
        System.out.println(
                "  total cost   " + cost.totalUsd().toPlainString() + " USD, " + cost.tokens() + " LLM tokens");
        System.out.println(
                "Assets (stored " + (assets instanceof LocalFileStorage ? "under " + storage : "in " + assets) + ")");
        for (Asset asset : acog.assets().list(episodeId)) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-16s %-8s %8s bytes  %s%n",
                    asset.type().label(),
                    asset.primary() ? "primary" : "",
                    asset.fileSizeBytes() == null ? "-" : asset.fileSizeBytes(),
                    asset.uri());
        }
        System.out.println("Status       " + episode.status().label()
                + (episode.publishedUrl() == null ? "" : " at " + episode.publishedUrl())
                + (episode.lastError() == null ? "" : " — " + episode.lastError()));
    }

    /**
     * What a person opens first: the final MP4 as read back from the file (duration, size, codecs),
     * its thumbnail and captions, and a contact sheet of a frame in each cut.
     */
    private static void video(Acog acog, UUID episodeId, Path storage, AssetStorage assets, ProviderConfig config)
            throws java.io.IOException {
        Episode episode = acog.episodes().get(episodeId);
        List<Asset> finals = acog.assets().list(episodeId, AssetType.ASSEMBLED_VIDEO);
        if (finals.isEmpty()) {
            System.out.println("Video        none: the episode was not assembled");
            return;
        }
        Ffmpeg ffmpeg = Ffmpeg.locate(config);
        Path video = local(assets, URI.create(finals.get(0).uri()), storage);
        System.out.println();
        System.out.println("Video        " + video);
        System.out.println("  probe      " + MediaProbe.probe(ffmpeg, video).probeLine());
        for (AssetType type : List.of(AssetType.THUMBNAIL, AssetType.CAPTIONS)) {
            for (Asset asset : acog.assets().list(episodeId, type)) {
                System.out.printf(
                        Locale.ROOT, "  %-10s %s%n", type.label(), local(assets, URI.create(asset.uri()), storage));
            }
        }
        List<Long> cuts = episode.timeline().cuts().stream()
                .filter(cut -> cut.lengthMs() > 0)
                .map(cut -> (cut.startMs() + cut.endMs()) / 2)
                .toList();
        Path sheet = storage.resolve("contact-sheet.png");
        ContactSheet.write(ffmpeg, Fonts.locate(config), video, cuts, sheet);
        System.out.println("  contact    " + sheet + " (a frame in each of the " + cuts.size() + " cuts)");
    }

    /**
     * The file of a stored asset: itself when the storage keeps files, else a copy fetched from the
     * storage (S3, say) into {@code dir}.
     */
    private static Path local(AssetStorage assets, URI uri, Path dir) throws java.io.IOException {
        if ("file".equals(uri.getScheme())) {
            return Path.of(uri);
        }
        String path = uri.getPath();
        Path copy = dir.resolve("fetched").resolve(path.substring(path.lastIndexOf('/') + 1));
        Files.createDirectories(copy.getParent());
        try (var in = assets.open(uri)) {
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    /** A stage's attempts; for b-roll, which runs a job per clip, the clips. */
    private static String attempts(StageState state) {
        Object clips = state.extra().get("clips_total");
        return state.attempts() != null ? state.attempts().toString() : clips != null ? clips + " clips" : "-";
    }

    private static NewPulseEvent signal(String source, String id, String title, String score, String... tags) {
        return NewPulseEvent.builder(source, id)
                .payload(PulsePayload.of(title, null))
                .topicTags(tags)
                .relevanceScore(score)
                .build();
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** What a test looks at once the demo has run, while its database is still there. */
    @FunctionalInterface
    interface Finished {
        /**
         * Looks at the run.
         *
         * @param acog the demo's ACOG
         * @param pipeline its pipeline
         * @param firstEpisode the episode made from the trend signal (the one made with real media)
         * @param assets where the pipeline stored its files
         */
        void inspect(Acog acog, EpisodePipeline pipeline, UUID firstEpisode, AssetStorage assets) throws Exception;
    }

    /** What the command line asked for ({@link DemoCommand}). */
    record Options(
            int episodes,
            int threads,
            long latencyMs,
            long timeoutSeconds,
            boolean keep,
            boolean shorts,
            MediaKind media,
            List<String> providers,
            Webhooks webhooks) {

        Options {
            providers = List.copyOf(providers);
        }

        Options(
                int episodes,
                int threads,
                long latencyMs,
                long timeoutSeconds,
                boolean keep,
                boolean shorts,
                MediaKind media,
                List<String> providers) {
            this(episodes, threads, latencyMs, timeoutSeconds, keep, shorts, media, providers, null);
        }

        /** These options, with render webhooks received at {@code webhooks}. */
        Options withWebhooks(Webhooks webhooks) {
            return new Options(episodes, threads, latencyMs, timeoutSeconds, keep, shorts, media, providers, webhooks);
        }
    }

    /**
     * Where the demo receives render webhooks: a local port, and the URL the providers call, which
     * forwards to it (a tunnel, for real providers), or null for the port on this machine.
     */
    record Webhooks(int port, java.net.URI publicUrl) {}

    /** What the providers make: real media, or placeholder files (no ffmpeg). */
    enum MediaKind {
        REAL,
        PLACEHOLDER
    }
}
