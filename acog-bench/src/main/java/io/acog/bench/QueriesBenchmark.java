package io.acog.bench;

import io.acog.core.Acog;
import io.acog.core.pulse.NewPulseEvent;
import io.acog.core.pulse.PulsePayload;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@code acog-bench/run queries}: loads 1,000 channels, 1,000,000 episodes and 3,000,000 assets
 * with COPY, then times each of the seed's dashboard and worker queries through the public API
 * (pooled connections, as a host has them), and pulse ingestion. Targets on a 2-core machine:
 * load within 2 minutes, dashboard p95 ≤ 5 ms, worker p95 ≤ 2 ms, ingest ≥ 10,000 events/s.
 */
final class QueriesBenchmark {

    private static final int CHANNELS = 1_000;
    private static final int EPISODES = 1_000_000;
    private static final int ASSETS_PER_EPISODE = 3;
    private static final int NICHES = 20;
    private static final int WARMUP = 200;
    private static final int SAMPLES = 2_000;
    private static final String[] STATUSES = {
        "published",
        "published",
        "published",
        "published",
        "published",
        "published",
        "idea",
        "planning",
        "scripting",
        "script_review",
        "audio",
        "avatar",
        "broll",
        "assembly",
        "ready",
        "failed",
        "cancelled",
        "publishing"
    };
    private static final String[] ASSET_TYPES = {"audio", "avatar_video", "b_roll"};

    private QueriesBenchmark() {}

    static void run(String[] args) throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        try (BenchDatabase database = new BenchDatabase(4)) {
            UUID[] channels = new UUID[CHANNELS];
            UUID[] episodes = new UUID[EPISODES];
            long start = System.nanoTime();
            load(database, random, channels, episodes);
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            Acog acog = Acog.builder().dataSource(database.pooled()).build();
            long vacuum = System.nanoTime();
            acog.maintenance().vacuumAnalyze();
            System.out.printf(
                    Locale.ROOT,
                    "load_seconds=%.1f channels=%d episodes=%d assets=%d" + " vacuum_analyze_seconds=%.1f%n",
                    loadSeconds,
                    CHANNELS,
                    EPISODES,
                    EPISODES * ASSETS_PER_EPISODE,
                    (System.nanoTime() - vacuum) / 1e9);

            double ingestRate = ingest(acog, random);
            System.out.printf(Locale.ROOT, "pulse_ingest_events_per_s=%.0f%n", ingestRate);

            List<Double> dashboard = new ArrayList<>();
            List<Double> worker = new ArrayList<>();
            dashboard.add(time(
                    "latest_episodes_with_asset_counts",
                    random,
                    r -> acog.episodes().latestWithAssetCounts(pick(r, channels), 50)));
            dashboard.add(time(
                    "status_overview_30_days",
                    random,
                    r -> acog.episodes().statusOverview(pick(r, channels), Duration.ofDays(30))));
            dashboard.add(time(
                    "episode_with_assets",
                    random,
                    r -> acog.episodes()
                            .find(pick(r, episodes))
                            .ifPresent(e -> acog.episodes().getWithAssets(e.id()))));
            dashboard.add(time(
                    "episode_with_jobs",
                    random,
                    r -> acog.episodes()
                            .find(pick(r, episodes))
                            .ifPresent(e -> acog.episodes().getWithJobs(e.id()))));
            dashboard.add(
                    time("channels_by_niche", random, r -> acog.channels().listByNiche("niche-" + r.nextInt(NICHES))));
            worker.add(time(
                    "next_episode_to_process",
                    random,
                    r -> acog.episodes().processNext((tx, episode) -> episode.id())));
            worker.add(time(
                    "unprocessed_pulse_events", random, r -> acog.pulseEvents().nextUnprocessed(10)));

            double dashboardP95 =
                    dashboard.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double workerP95 =
                    worker.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            System.out.printf(
                    Locale.ROOT,
                    "targets load_seconds<=120:%s dashboard_p95_ms<=5:%s"
                            + " worker_p95_ms<=2:%s pulse_ingest_events_per_s>=10000:%s%n",
                    loadSeconds <= 120 ? "met" : "MISSED",
                    dashboardP95 <= 5 ? "met" : "MISSED",
                    workerP95 <= 2 ? "met" : "MISSED",
                    ingestRate >= 10_000 ? "met" : "MISSED");
        }
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Runs the query WARMUP times, then SAMPLES times timed; prints and returns its p95. */
    private static double time(String name, SplittableRandom random, Consumer<SplittableRandom> query) {
        for (int i = 0; i < WARMUP; i++) {
            query.accept(random);
        }
        Latencies latencies = new Latencies(SAMPLES);
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            query.accept(random);
            latencies.add(System.nanoTime() - start);
        }
        double p95 = latencies.percentileMillis(95);
        System.out.println("query=" + name + " p50_ms=" + Latencies.millis(latencies.percentileMillis(50)) + " p95_ms="
                + Latencies.millis(p95));
        return p95;
    }

    /**
     * Ingests 50,000 new events through the API in batches of 1,000, after 10,000 to warm up;
     * returns events per second.
     */
    private static double ingest(Acog acog, SplittableRandom random) {
        for (List<NewPulseEvent> events : events(random, 1_000_000, 10_000)) {
            acog.pulseEvents().ingest(events);
        }
        int total = 50_000;
        List<List<NewPulseEvent>> batches = events(random, 0, total);
        long start = System.nanoTime();
        int created = 0;
        for (List<NewPulseEvent> events : batches) {
            created += acog.pulseEvents().ingest(events).created().size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (created != total) {
            throw new IllegalStateException("ingested " + created + " of " + total);
        }
        return total / seconds;
    }

    private static List<List<NewPulseEvent>> events(SplittableRandom random, int first, int total) {
        int batch = 1_000;
        List<List<NewPulseEvent>> batches = new ArrayList<>();
        for (int from = first; from < first + total; from += batch) {
            List<NewPulseEvent> events = new ArrayList<>(batch);
            for (int i = from; i < from + batch; i++) {
                events.add(NewPulseEvent.builder("reddit", "t3_" + i)
                        .sourceUrl("https://reddit.com/r/space/comments/" + i)
                        .payload(PulsePayload.of("Trend " + i, "Discussion about topic " + i))
                        .topicTags("niche-" + random.nextInt(NICHES), "tag-" + random.nextInt(500))
                        .relevanceScore(BigDecimal.valueOf(random.nextInt(10_001), 4))
                        .build());
            }
            batches.add(events);
        }
        return batches;
    }

    private static void load(BenchDatabase database, SplittableRandom random, UUID[] channels, UUID[] episodes)
            throws SQLException, IOException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = database.direct().getConnection();
                Statement statement = connection.createStatement()) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            // Bulk-load practice: build the secondary indexes once after the COPY instead of
            // updating them row by row during it. Keys and constraints stay (the foreign key from
            // assets needs episodes_pkey).
            statement.execute("SET maintenance_work_mem = '512MB'");
            List<String> indexes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT indexname, indexdef FROM pg_indexes"
                    + " WHERE tablename IN ('episodes', 'assets') AND indexname LIKE 'idx\\_%'")) {
                while (rows.next()) {
                    indexes.add(rows.getString(2));
                    try (Statement drop = connection.createStatement()) {
                        drop.execute("DROP INDEX " + rows.getString(1));
                    }
                }
            }
            copy(pg, "COPY channels (id, name, slug, niche, persona, created_at) FROM STDIN", CHANNELS, (i, row) -> {
                channels[i] = UUID.randomUUID();
                row.append(channels[i])
                        .append('\t')
                        .append("Channel ")
                        .append(i)
                        .append('\t')
                        .append("channel-")
                        .append(i)
                        .append("\tniche-")
                        .append(i % NICHES)
                        .append("\t{\"expertise_areas\": [\"tag-")
                        .append(i % 500)
                        .append("\"]}\t")
                        .append(now.minusDays(400))
                        .append('\n');
            });
            copy(
                    pg,
                    "COPY episodes (id, channel_id, title, slug, status, priority, created_at,"
                            + " deleted_at) FROM STDIN",
                    EPISODES,
                    (i, row) -> {
                        episodes[i] = UUID.randomUUID();
                        row.append(episodes[i])
                                .append('\t')
                                .append(channels[i % CHANNELS])
                                .append("\tEpisode ")
                                .append(i)
                                .append("\tepisode-")
                                .append(i)
                                .append('\t')
                                .append(STATUSES[random.nextInt(STATUSES.length)])
                                .append('\t')
                                .append(random.nextInt(10))
                                .append('\t')
                                .append(now.minusMinutes(random.nextInt(365 * 24 * 60)))
                                .append('\t')
                                .append(random.nextInt(50) == 0 ? now.toString() : "\\N")
                                .append('\n');
                    });
            copy(
                    pg,
                    "COPY assets (episode_id, type, uri, is_primary, mime_type) FROM STDIN",
                    EPISODES * ASSETS_PER_EPISODE,
                    (i, row) -> {
                        UUID episode = episodes[i / ASSETS_PER_EPISODE];
                        String type = ASSET_TYPES[i % ASSETS_PER_EPISODE];
                        row.append(episode)
                                .append('\t')
                                .append(type)
                                .append("\ts3://acog-bench/")
                                .append(episode)
                                .append('/')
                                .append(type)
                                .append("\tt\t")
                                .append(type.equals("audio") ? "audio/mpeg" : "video/mp4")
                                .append('\n');
                    });
            for (String index : indexes) {
                statement.execute(index);
            }
        }
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(int index, StringBuilder row);
    }

    private static void copy(PGConnection pg, String sql, int rows, RowWriter writer) throws SQLException {
        CopyIn copy = pg.getCopyAPI().copyIn(sql);
        try {
            StringBuilder chunk = new StringBuilder(1 << 20);
            for (int i = 0; i < rows; i++) {
                writer.write(i, chunk);
                if (chunk.length() > (1 << 20) - 512) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    chunk.setLength(0);
                }
            }
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
