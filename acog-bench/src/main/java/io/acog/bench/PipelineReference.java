package io.acog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.core.episode.EpisodeLifecycle;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.Script;
import io.acog.core.episode.ScriptParser;
import io.acog.core.episode.ScriptSegment;
import io.acog.core.episode.SegmentKind;
import io.acog.core.internal.timeline.TimelineCodec;
import io.acog.core.internal.timeline.TimelinePlanner;
import io.acog.providers.offline.OfflineProviders;
import io.acog.spi.AssetStorage;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.ChannelBrief;
import io.acog.spi.ContentWriter;
import io.acog.spi.Media;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderCall;
import io.acog.spi.Publisher;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.spi.Timeline;
import io.acog.spi.Usage;
import io.acog.spi.VideoAssembler;
import io.acog.spi.VoiceSynthesizer;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The pipeline benchmark's reference: the same bookkeeping written by hand in plain JDBC, with
 * nothing ACOG's pipeline adds for its users (no listener events, no running marks, no leases or
 * heartbeats, no cancel checks, no budgets, no retries). Each thread claims a batch of jobs with
 * {@code SKIP LOCKED}, calls the same offline providers for each (storing media in the same
 * storage), then finishes the whole batch in one transaction: episodes locked in id order, jobs
 * completed, {@code pipeline_state[stage]} and the status written, plan, script, metadata and
 * assets stored, the next stages' jobs enqueued.
 */
final class PipelineReference {

    private static final int BATCH = 16;
    private static final String CLAIM = """
            WITH next AS (
                SELECT id FROM jobs WHERE status = 'queued' AND run_after <= now()
                ORDER BY priority DESC, run_after, created_at LIMIT ? FOR UPDATE SKIP LOCKED)
            UPDATE jobs j SET status = 'running', locked_by = 'reference',
                   locked_until = now() + interval '30 seconds', attempts = j.attempts + 1,
                   started_at = now()
            FROM next WHERE j.id = next.id
            RETURNING j.id, j.episode_id, j.stage, j.input_params::text""";
    private static final String READ = """
            SELECT id, idea::text, plan::text, script, metadata::text FROM episodes WHERE id = ANY (?)""";
    private static final String LOCK = """
            SELECT id, pipeline_state::text FROM episodes WHERE id = ANY (?)
            ORDER BY id FOR NO KEY UPDATE""";
    private static final String COMPLETE = """
            UPDATE jobs j SET status = 'completed', completed_at = now(), result = x.result::jsonb,
                   cost_usd = x.cost::numeric, tokens_used = x.tokens, locked_by = NULL, locked_until = NULL
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::int[]) AS x(id, result, cost, tokens)
            WHERE j.id = x.id""";
    private static final String UPDATE = """
            UPDATE episodes e SET pipeline_state = x.state::jsonb, status = x.status::episode_status,
                   plan = coalesce(x.plan::jsonb, e.plan), script = coalesce(x.script, e.script),
                   script_metadata = coalesce(x.script_metadata::jsonb, e.script_metadata),
                   metadata = coalesce(x.metadata::jsonb, e.metadata), title = coalesce(x.title, e.title),
                   published_url = coalesce(x.url, e.published_url),
                   published_at = coalesce(x.published_at::timestamptz, e.published_at)
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[])
                 AS x(id, state, status, plan, script, script_metadata, metadata, title, url, published_at)
            WHERE e.id = x.id""";
    private static final String DEMOTE = """
            UPDATE assets a SET is_primary = false FROM unnest(?::uuid[], ?::asset_type[]) AS x(episode, type)
            WHERE a.episode_id = ANY (?::uuid[]) AND a.episode_id = x.episode AND a.type = x.type
              AND a.is_primary AND a.deleted_at IS NULL""";
    private static final String ASSETS = """
            INSERT INTO assets (episode_id, type, name, uri, provider, provider_job_id, metadata,
                                mime_type, file_size_bytes, duration_ms, is_primary)
            SELECT episode, type::asset_type, name, uri, provider, job, metadata::jsonb, mime, size,
                   duration, is_primary
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::bigint[], ?::int[], ?::boolean[])
                 AS x(episode, type, name, uri, provider, job, metadata, mime, size, duration, is_primary)""";
    private static final String ENQUEUE = """
            INSERT INTO jobs (episode_id, stage, input_params, idempotency_key)
            SELECT episode, stage, input::jsonb, key FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[])
                 AS x(episode, stage, input, key)
            ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL
                AND status IN ('queued', 'running') DO NOTHING""";

    private final DataSource dataSource;
    private final ChannelBrief brief;
    private final AssetStorage storage;
    private final ContentWriter writer;
    private final VoiceSynthesizer voice;
    private final AvatarRenderer avatar;
    private final BrollGenerator broll;
    private final VideoAssembler assembler;
    private final Publisher publisher;
    private final ObjectMapper json = new ObjectMapper();

    PipelineReference(DataSource dataSource, OfflineProviders offline, AssetStorage storage, ChannelBrief brief) {
        this.dataSource = dataSource;
        this.brief = brief;
        this.storage = storage;
        this.writer = offline.contentWriter();
        this.voice = offline.voiceSynthesizer();
        this.avatar = offline.avatarRenderer();
        this.broll = offline.brollGenerator();
        this.assembler = offline.videoAssembler();
        this.publisher = offline.publisher();
    }

    /** Enqueues the episodes' planning jobs (not timed), then runs them all to published. */
    double[] run(List<UUID> episodes, int threads) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            List<Next> first = new ArrayList<>();
            for (UUID episode : episodes) {
                first.add(new Next(episode, "planning", "{}", "ref:" + episode + ":planning"));
            }
            enqueue(connection, first);
            try (PreparedStatement planning =
                    connection.prepareStatement("UPDATE episodes SET status = 'planning' WHERE id = ANY (?)")) {
                planning.setArray(1, connection.createArrayOf("uuid", episodes.toArray()));
                planning.executeUpdate();
            }
        }
        AtomicInteger published = new AtomicInteger();
        AtomicInteger executions = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        double[] cpuBefore = CpuMeter.now();
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                loops.add(pool.submit(() -> {
                    loop(episodes.size(), published, executions);
                    return null;
                }));
            }
            for (Future<?> loop : loops) {
                loop.get();
            }
        } finally {
            pool.shutdownNow(); // a failed loop must not keep the JVM alive
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] cpuAfter = CpuMeter.now();
        return new double[] {
            executions.get() / seconds,
            episodes.size() / seconds,
            executions.get(),
            seconds,
            (cpuAfter[0] - cpuBefore[0]) * 1000 / executions.get(),
            (cpuAfter[1] - cpuBefore[1]) * 1000 / executions.get()
        };
    }

    private void loop(int episodes, AtomicInteger published, AtomicInteger executions) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            while (published.get() < episodes) {
                List<Claimed> batch = claim(connection);
                if (batch.isEmpty()) {
                    Thread.sleep(1); // others hold what is left; their commits enqueue more
                    continue;
                }
                Map<UUID, EpisodeRow> rows = read(connection, batch);
                List<Done> done = new ArrayList<>();
                for (Claimed job : batch) {
                    done.add(call(job, rows.get(job.episode())));
                }
                published.addAndGet(finish(connection, done));
                executions.addAndGet(done.size());
            }
        }
    }

    private record Claimed(UUID id, UUID episode, String stage, JsonNode input) {}

    private record EpisodeRow(
            Map<String, Object> idea, Map<String, Object> plan, String script, Map<String, Object> metadata) {}

    /** What one job's provider call produced. */
    private record Done(
            Claimed job,
            String provider,
            String model,
            Usage usage,
            String result,
            Map<String, String> columns,
            List<Asset> assets,
            OffsetDateTime startedAt,
            String script) {}

    private record Asset(
            UUID episode,
            String type,
            String name,
            URI uri,
            String provider,
            String job,
            String metadata,
            Media media,
            long durationMs,
            boolean primary) {}

    private record Next(UUID episode, String stage, String input, String key) {}

    private List<Claimed> claim(Connection connection) throws SQLException, IOException {
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setInt(1, BATCH);
            try (ResultSet row = claim.executeQuery()) {
                while (row.next()) {
                    claimed.add(new Claimed(
                            row.getObject(1, UUID.class),
                            row.getObject(2, UUID.class),
                            row.getString(3),
                            json.readTree(row.getString(4))));
                }
            }
        }
        return claimed;
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, EpisodeRow> read(Connection connection, List<Claimed> batch) throws SQLException, IOException {
        Map<UUID, EpisodeRow> rows = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            read.setArray(
                    1,
                    connection.createArrayOf(
                            "uuid",
                            batch.stream().map(Claimed::episode).distinct().toArray()));
            try (ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    rows.put(
                            row.getObject(1, UUID.class),
                            new EpisodeRow(
                                    json.readValue(row.getString(2), Map.class),
                                            json.readValue(row.getString(3), Map.class),
                                    row.getString(4), json.readValue(row.getString(5), Map.class)));
                }
            }
        }
        return rows;
    }

    /** Calls the stage's provider for one job, outside any transaction. */
    private Done call(Claimed job, EpisodeRow episode) throws IOException {
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        ProviderCall call = new Call(job.id(), job.episode(), job.stage(), "ref-" + job.id(), storage, dataSource);
        Map<String, String> columns = new HashMap<>();
        List<Asset> assets = new ArrayList<>();
        switch (job.stage()) {
            case "planning" -> {
                ContentWriter.Plan plan = writer.plan(new ContentWriter.PlanRequest(brief, episode.idea()), call);
                columns.put("plan", json.writeValueAsString(plan.plan()));
                return new Done(
                        job,
                        writer.name(),
                        plan.model(),
                        plan.usage(),
                        "{}",
                        columns,
                        assets,
                        started,
                        episode.script());
            }
            case "scripting" -> {
                ContentWriter.Script script = writer.script(
                        new ContentWriter.ScriptRequest(brief, episode.idea(), episode.plan(), List.of()), call);
                Script parsed = ScriptParser.parse(script.script());
                ObjectNode metadata = json.createObjectNode()
                        .put("version", 1)
                        .put("word_count", parsed.wordCount())
                        .put(
                                "broll_segments",
                                parsed.segments(SegmentKind.BROLL).size());
                columns.put("script", script.script());
                columns.put("script_metadata", metadata.toString());
                return new Done(
                        job,
                        writer.name(),
                        script.model(),
                        script.usage(),
                        "{}",
                        columns,
                        assets,
                        started,
                        episode.script());
            }
            case "script_review" -> {
                ContentWriter.Review review =
                        writer.review(new ContentWriter.ReviewRequest(brief, episode.plan(), episode.script()), call);
                return new Done(
                        job,
                        writer.name(),
                        review.model(),
                        review.usage(),
                        "{}",
                        columns,
                        assets,
                        started,
                        episode.script());
            }
            case "metadata" -> {
                ContentWriter.Metadata metadata = writer.metadata(
                        new ContentWriter.MetadataRequest(brief, episode.idea(), episode.plan(), episode.script()),
                        call);
                columns.put("metadata", json.writeValueAsString(metadata.metadata()));
                columns.put("title", String.valueOf(metadata.metadata().get("final_title")));
                return new Done(
                        job,
                        writer.name(),
                        metadata.model(),
                        metadata.usage(),
                        "{}",
                        columns,
                        assets,
                        started,
                        episode.script());
            }
            case "audio" -> {
                List<ScriptSegment> segments =
                        ScriptParser.parse(episode.script()).segments();
                List<VoiceSynthesizer.Line> spoken = new ArrayList<>();
                for (int i = 0; i < segments.size(); i++) {
                    if (!segments.get(i).text().isBlank()) {
                        spoken.add(new VoiceSynthesizer.Line(i, segments.get(i).text()));
                    }
                }
                VoiceSynthesizer.Speech speech =
                        voice.synthesize(new VoiceSynthesizer.SpeechRequest(brief, spoken, 150), call);
                // the same timeline ACOG lays out, kept with the job's result
                Timeline timeline = TimelinePlanner.plan(segments, speech, 150);
                assets.add(new Asset(
                        job.episode(),
                        "audio",
                        "voice",
                        store(job, "audio", speech.audio()),
                        voice.name(),
                        speech.providerJobId(),
                        "{}",
                        speech.audio(),
                        timeline.durationMs(),
                        true));
                return new Done(
                        job,
                        voice.name(),
                        null,
                        speech.usage(),
                        "{\"timeline\": " + TimelineCodec.write(timeline) + "}",
                        columns,
                        assets,
                        started,
                        episode.script());
            }
            case "avatar" -> {
                List<Timeline.Cut> windows = new ArrayList<>();
                List<ScriptSegment> segments =
                        ScriptParser.parse(episode.script()).segments();
                for (int i = 0; i < segments.size(); i++) {
                    if (segments.get(i).kind() == SegmentKind.AVATAR) {
                        long at = windows.size() * 1000L;
                        windows.add(new Timeline.Cut(
                                i,
                                Timeline.Source.AVATAR,
                                at,
                                at + 1000,
                                -1,
                                at,
                                segments.get(i).text()));
                    }
                }
                RenderTask task = avatar.submit(
                        new AvatarRenderer.AvatarRequest(
                                brief, windows, URI.create("file:/audio"), null, OutputFormat.LANDSCAPE, null),
                        call);
                RenderProgress.Done done = (RenderProgress.Done) avatar.poll(task.taskId(), call);
                assets.add(new Asset(
                        job.episode(),
                        "avatar_video",
                        "avatar",
                        store(job, "avatar", done.media()),
                        avatar.name(),
                        task.taskId(),
                        "{}",
                        done.media(),
                        done.durationMs(),
                        true));
                return new Done(
                        job, avatar.name(), null, done.usage(), "{}", columns, assets, started, episode.script());
            }
            case "broll" -> {
                int clip = job.input().get("clip_index").asInt();
                RenderTask task = broll.submit(
                        new BrollGenerator.ClipRequest(
                                brief, job.input().get("description").asText(), clip, 5, 5000, OutputFormat.LANDSCAPE),
                        call);
                RenderProgress.Done done = (RenderProgress.Done) broll.poll(task.taskId(), call);
                assets.add(new Asset(
                        job.episode(),
                        "b_roll",
                        "clip " + clip,
                        store(job, "broll/" + clip, done.media()),
                        broll.name(),
                        task.taskId(),
                        "{\"clip_index\": " + clip + "}",
                        done.media(),
                        done.durationMs(),
                        false));
                return new Done(
                        job,
                        broll.name(),
                        null,
                        done.usage(),
                        "{\"clip_index\": " + clip + "}",
                        columns,
                        assets,
                        started,
                        episode.script());
            }
            case "assembly" -> {
                VideoAssembler.Video video = assembler.assemble(
                        new VideoAssembler.AssemblyRequest(
                                brief,
                                String.valueOf(episode.metadata().get("final_title")),
                                new Timeline(0, List.of(), List.of()),
                                OutputFormat.LANDSCAPE,
                                URI.create("file:/audio"),
                                new VideoAssembler.Part(URI.create("file:/avatar"), 0),
                                Map.of(),
                                null,
                                false),
                        call);
                assets.add(new Asset(
                        job.episode(),
                        "assembled_video",
                        "final",
                        store(job, "final", video.video()),
                        assembler.name(),
                        null,
                        "{}",
                        video.video(),
                        video.durationMs(),
                        true));
                return new Done(
                        job, assembler.name(), null, video.usage(), "{}", columns, assets, started, episode.script());
            }
            case "upload" -> {
                Publisher.Publication publication = publisher.publish(
                        new Publisher.PublishRequest(
                                brief,
                                URI.create("file:/final"),
                                String.valueOf(episode.metadata().get("final_title")),
                                null,
                                null,
                                null,
                                Publisher.Privacy.PRIVATE,
                                null,
                                false,
                                true,
                                null,
                                null,
                                null,
                                episode.metadata()),
                        call);
                columns.put("url", publication.url());
                columns.put("published_at", OffsetDateTime.now(ZoneOffset.UTC).toString());
                return new Done(
                        job,
                        publisher.name(),
                        null,
                        publication.usage(),
                        "{}",
                        columns,
                        assets,
                        started,
                        episode.script());
            }
            default -> throw new IllegalStateException("no stage " + job.stage());
        }
    }

    private URI store(Claimed job, String name, Media media) throws IOException {
        return storage.store("reference/" + job.episode() + "/" + name + "-" + media.fileName(), media);
    }

    /**
     * One transaction for the batch: lock its episodes, complete its jobs, write each episode's
     * state and status and outputs, store the assets, enqueue the next stages.
     *
     * @return how many episodes it published
     */
    private int finish(Connection connection, List<Done> batch) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try {
            Map<UUID, ObjectNode> states = new TreeMap<>();
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.setArray(
                        1,
                        connection.createArrayOf(
                                "uuid",
                                batch.stream()
                                        .map(done -> done.job().episode())
                                        .distinct()
                                        .sorted()
                                        .toArray()));
                try (ResultSet row = lock.executeQuery()) {
                    while (row.next()) {
                        states.put(row.getObject(1, UUID.class), (ObjectNode) json.readTree(row.getString(2)));
                    }
                }
            }
            Map<UUID, Map<String, String>> columns = new LinkedHashMap<>();
            List<Next> next = new ArrayList<>();
            List<Asset> assets = new ArrayList<>();
            for (Done done : batch) {
                UUID episode = done.job().episode();
                ObjectNode state = states.get(episode);
                columns.computeIfAbsent(episode, id -> new HashMap<>()).putAll(done.columns());
                assets.addAll(done.assets());
                next.addAll(advance(state, done));
            }
            int published = 0;
            Map<UUID, String> statuses = new LinkedHashMap<>();
            for (Map.Entry<UUID, ObjectNode> entry : states.entrySet()) {
                String status = status(entry.getValue());
                statuses.put(entry.getKey(), status);
                if (status.equals("published")) {
                    published++;
                }
            }
            complete(connection, batch);
            update(connection, states, statuses, columns);
            store(connection, assets);
            enqueue(connection, next);
            connection.commit();
            return published;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Records a finished job in its episode's state, and returns the stages it lets start. */
    private List<Next> advance(ObjectNode state, Done done) {
        String stage = done.job().stage();
        UUID episode = done.job().episode();
        ObjectNode entry = state.has(stage) ? (ObjectNode) state.get(stage) : state.putObject(stage);
        if (!entry.has("started_at")) {
            entry.put("started_at", done.startedAt().toString());
        }
        entry.put("attempts", 1).put("provider", done.provider());
        if (done.model() != null) {
            entry.put("model_used", done.model());
        }
        if (done.usage() != null && done.usage().tokens() != null) {
            entry.put("tokens_used", done.usage().tokens());
        }
        if (done.usage() != null && done.usage().costUsd() != null) {
            entry.put("cost_usd", done.usage().costUsd());
        }
        List<Next> next = new ArrayList<>();
        if (stage.equals("broll")) {
            ArrayNode clips =
                    entry.has("clips_done") ? (ArrayNode) entry.get("clips_done") : entry.putArray("clips_done");
            clips.add(done.job().input().get("clip_index").asInt());
            if (clips.size() < entry.get("clips_total").asInt()) {
                entry.put("status", "running");
                return next;
            }
        }
        entry.put("status", "completed")
                .put("completed_at", OffsetDateTime.now(ZoneOffset.UTC).toString());
        switch (stage) {
            case "planning" -> next.add(job(state, episode, "scripting"));
            case "scripting" -> next.add(job(state, episode, "script_review"));
            case "script_review" -> {
                next.add(job(state, episode, "metadata"));
                next.add(job(state, episode, "audio"));
            }
            case "audio" -> {
                next.add(job(state, episode, "avatar"));
                List<ScriptSegment> clips = ScriptParser.parse(done.script()).segments(SegmentKind.BROLL);
                ObjectNode brollEntry =
                        state.putObject("broll").put("status", "pending").put("clips_total", clips.size());
                for (int i = 0; i < clips.size(); i++) {
                    next.add(new Next(
                            episode,
                            "broll",
                            json.createObjectNode()
                                    .put("clip_index", i)
                                    .put("description", clips.get(i).brollDescription())
                                    .put("seconds", 5)
                                    .toString(),
                            "ref:" + episode + ":broll:" + i));
                }
                if (clips.isEmpty()) {
                    brollEntry.put("status", "skipped");
                }
            }
            case "assembly" -> next.add(job(state, episode, "upload"));
            default -> {}
        }
        if (List.of("metadata", "avatar", "broll").contains(stage)
                && done(state, "metadata")
                && done(state, "avatar")
                && done(state, "broll")
                && !state.has("assembly")) {
            next.add(job(state, episode, "assembly"));
        }
        return next;
    }

    private Next job(ObjectNode state, UUID episode, String stage) {
        state.putObject(stage).put("status", "pending");
        return new Next(episode, stage, "{}", "ref:" + episode + ":" + stage);
    }

    private static boolean done(ObjectNode state, String stage) {
        JsonNode entry = state.get(stage);
        return entry != null
                && (entry.path("status").asText().equals("completed")
                        || entry.path("status").asText().equals("skipped"));
    }

    /** The earliest unfinished stage's status; published once uploaded. */
    private static String status(ObjectNode state) {
        for (PipelineStage stage : PipelineStage.values()) {
            if (stage != PipelineStage.UPLOAD && !done(state, stage.label())) {
                return EpisodeLifecycle.statusOf(stage).label();
            }
        }
        return done(state, "upload") ? "published" : "publishing";
    }

    private void complete(Connection connection, List<Done> batch) throws SQLException {
        int n = batch.size();
        Object[] ids = new Object[n];
        String[] results = new String[n];
        String[] costs = new String[n];
        Integer[] tokens = new Integer[n];
        for (int i = 0; i < n; i++) {
            Done done = batch.get(i);
            ids[i] = done.job().id();
            results[i] = done.result();
            costs[i] = done.usage() == null || done.usage().costUsd() == null
                    ? null
                    : done.usage().costUsd().toPlainString();
            tokens[i] = done.usage() == null || done.usage().tokens() == null
                    ? null
                    : done.usage().tokens().intValue();
        }
        try (PreparedStatement complete = connection.prepareStatement(COMPLETE)) {
            complete.setArray(1, connection.createArrayOf("uuid", ids));
            complete.setArray(2, connection.createArrayOf("text", results));
            complete.setArray(3, connection.createArrayOf("text", costs));
            complete.setArray(4, connection.createArrayOf("int4", tokens));
            complete.executeUpdate();
        }
    }

    private void update(
            Connection connection,
            Map<UUID, ObjectNode> states,
            Map<UUID, String> statuses,
            Map<UUID, Map<String, String>> columns)
            throws SQLException {
        int n = states.size();
        Object[] ids = new Object[n];
        String[][] text = new String[9][n];
        int i = 0;
        for (Map.Entry<UUID, ObjectNode> entry : states.entrySet()) {
            Map<String, String> produced = columns.getOrDefault(entry.getKey(), Map.of());
            ids[i] = entry.getKey();
            text[0][i] = entry.getValue().toString();
            text[1][i] = statuses.get(entry.getKey());
            text[2][i] = produced.get("plan");
            text[3][i] = produced.get("script");
            text[4][i] = produced.get("script_metadata");
            text[5][i] = produced.get("metadata");
            text[6][i] = produced.get("title");
            text[7][i] = produced.get("url");
            text[8][i] = produced.get("published_at");
            i++;
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setArray(1, connection.createArrayOf("uuid", ids));
            for (int c = 0; c < text.length; c++) {
                update.setArray(2 + c, connection.createArrayOf("text", text[c]));
            }
            update.executeUpdate();
        }
    }

    private void store(Connection connection, List<Asset> assets) throws SQLException {
        if (assets.isEmpty()) {
            return;
        }
        List<Asset> primaries = assets.stream().filter(Asset::primary).toList();
        try (PreparedStatement demote = connection.prepareStatement(DEMOTE)) {
            java.sql.Array episodes = connection.createArrayOf(
                    "uuid", primaries.stream().map(Asset::episode).toArray());
            demote.setArray(1, episodes);
            demote.setArray(
                    2,
                    connection.createArrayOf(
                            "text", primaries.stream().map(Asset::type).toArray()));
            demote.setArray(3, episodes);
            demote.executeUpdate();
        }
        int n = assets.size();
        Object[][] columns = new Object[11][n];
        for (int i = 0; i < n; i++) {
            Asset asset = assets.get(i);
            columns[0][i] = asset.episode();
            columns[1][i] = asset.type();
            columns[2][i] = asset.name();
            columns[3][i] = asset.uri().toString();
            columns[4][i] = asset.provider();
            columns[5][i] = asset.job();
            columns[6][i] = asset.metadata();
            columns[7][i] = asset.media().mimeType();
            columns[8][i] = asset.media().size() < 0 ? null : asset.media().size();
            columns[9][i] = asset.durationMs() <= 0 ? null : (int) asset.durationMs();
            columns[10][i] = asset.primary();
        }
        String[] types = {"uuid", "text", "text", "text", "text", "text", "text", "text", "int8", "int4", "bool"};
        try (PreparedStatement insert = connection.prepareStatement(ASSETS)) {
            for (int c = 0; c < columns.length; c++) {
                insert.setArray(1 + c, connection.createArrayOf(types[c], columns[c]));
            }
            insert.executeUpdate();
        }
    }

    private static void enqueue(Connection connection, List<Next> next) throws SQLException {
        if (next.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(ENQUEUE)) {
            insert.setArray(
                    1,
                    connection.createArrayOf(
                            "uuid", next.stream().map(Next::episode).toArray()));
            insert.setArray(
                    2,
                    connection.createArrayOf(
                            "text", next.stream().map(Next::stage).toArray()));
            insert.setArray(
                    3,
                    connection.createArrayOf(
                            "text", next.stream().map(Next::input).toArray()));
            insert.setArray(
                    4,
                    connection.createArrayOf(
                            "text", next.stream().map(Next::key).toArray()));
            insert.executeUpdate();
        }
    }

    /**
     * The reference's provider call: no cancels, no retries. A checkpoint the provider saves (the
     * publisher's, before it sends the video) is written to the job's row at once, as the provider
     * asks: a hand-written pipeline that dropped it would upload twice after a crash.
     */
    private record Call(
            UUID jobId,
            UUID episodeId,
            String stage,
            String idempotencyKey,
            AssetStorage storage,
            DataSource dataSource)
            implements ProviderCall {
        @Override
        public int attempt() {
            return 1;
        }

        @Override
        public Optional<String> checkpoint() {
            return Optional.empty(); // a reference run is never resumed
        }

        @Override
        public void saveCheckpoint(String checkpoint) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement save = connection.prepareStatement("UPDATE jobs SET input_params ="
                            + " input_params || jsonb_build_object('checkpoint', ?::text) WHERE id = ?")) {
                save.setString(1, checkpoint);
                save.setObject(2, jobId);
                save.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void progress(double fractionDone) {}

        @Override
        public boolean cancelRequested() {
            return false;
        }
    }
}
