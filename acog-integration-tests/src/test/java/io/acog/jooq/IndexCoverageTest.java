package io.acog.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.testkit.postgres.AcogPostgres;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With a few thousand rows per table (50,000 pulse events, so that a GIN index can beat a scan of
 * the table) and VACUUM ANALYZE, as the seed's maintenance notes run it, every query of the seed's
 * "Common Queries Reference" and every row of its "Query Patterns and Index Coverage" table is
 * planned with the index the seed names and without scanning any table whole. Where the planner
 * takes another index, the case says why. (VACUUM rather than ANALYZE alone: new GIN entries sit in
 * the index's pending list until vacuumed, and the planner prices that list in.)
 */
@AcogPostgres
class IndexCoverageTest {

    private static final Pattern INDEX =
            Pattern.compile("(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\\w+)");
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");

    private static UUID channel;
    private static UUID episode;
    private static String slug;

    @BeforeAll
    static void load(DSLContext db) {
        db.execute("""
                INSERT INTO channels (name, slug, niche, is_active, deleted_at, created_at)
                SELECT 'Channel ' || i, 'channel-' || i, 'niche-' || (i % 40), i % 10 <> 0,
                       CASE WHEN i % 20 = 0 THEN now() END, now() - i * interval '1 hour'
                FROM generate_series(1, 2000) i""");
        db.execute("""
                INSERT INTO pulse_events (source, source_id, topic_tags, relevance_score, is_processed,
                                          deleted_at, created_at)
                SELECT 'reddit', 't3_' || i,
                       ARRAY['tag-' || (i % 1000), 'tag-' || ((i * 7) % 1000), 'tag-' || ((i * 13) % 1000)],
                       (i % 10000) / 10000.0, i % 10 <> 0, CASE WHEN i % 50 = 0 THEN now() END,
                       now() - i * interval '1 minute'
                FROM generate_series(1, 50000) i""");
        db.execute("""
                INSERT INTO episodes (channel_id, pulse_event_id, title, slug, status, priority,
                                      deleted_at, created_at)
                SELECT c.id,
                       CASE WHEN i % 5 = 0 THEN (SELECT id FROM pulse_events ORDER BY id OFFSET i % 5000 LIMIT 1) END,
                       'Episode ' || i, 'episode-' || i,
                       (ARRAY['published','published','published','published','published','published',
                              'idea','planning','scripting','script_review','audio','avatar','broll',
                              'assembly','ready','failed','cancelled','publishing'])[1 + i % 18]::episode_status,
                       i % 10, CASE WHEN i % 25 = 0 THEN now() END, now() - (i % 90) * interval '1 day'
                FROM generate_series(1, 8000) i
                JOIN LATERAL (SELECT id FROM channels ORDER BY id OFFSET (i % 200) LIMIT 1) c ON true""");
        db.execute("""
                INSERT INTO assets (episode_id, type, uri, provider, is_primary, deleted_at)
                SELECT e.id, (ARRAY['script','audio','avatar_video','b_roll','assembled_video',
                                    'thumbnail','plan','metadata'])[1 + (n + e.rn) % 8]::asset_type,
                       's3://acog/' || e.id || '/' || n, 'provider-' || (n % 4), false,
                       CASE WHEN n = 3 THEN now() END
                FROM (SELECT id, row_number() OVER (ORDER BY id) rn FROM episodes) e,
                     generate_series(1, 3) n""");
        db.execute("""
                INSERT INTO jobs (episode_id, stage, status, celery_task_id, created_at)
                SELECT e.id, (ARRAY['planning','scripting','script_review','metadata'])[n],
                       CASE WHEN e.rn <= 100 THEN 'queued'
                            WHEN e.rn <= 200 THEN 'running'
                            ELSE 'completed' END::job_status,
                       'task-' || e.rn || '-' || n, now() - e.rn * interval '1 minute'
                FROM (SELECT id, row_number() OVER (ORDER BY id) rn FROM episodes) e,
                     generate_series(1, 4) n""");
        db.execute("VACUUM ANALYZE");
        // Every channel has 40 episodes; those of 8 of the 200 channels are all soft-deleted
        // (i % 25 = 0 holds for all i of a channel when it holds for one), so pick among live ones.
        channel = db.fetchOne(
                        "SELECT channel_id FROM episodes WHERE deleted_at IS NULL GROUP BY channel_id ORDER BY count(*) DESC, channel_id LIMIT 1")
                .get(0, UUID.class);
        episode = db.fetchOne("SELECT id FROM episodes WHERE deleted_at IS NULL ORDER BY id LIMIT 1")
                .get(0, UUID.class);
        slug = db.fetchOne("SELECT slug FROM episodes WHERE channel_id = ? AND deleted_at IS NULL LIMIT 1", channel)
                .get(0, String.class);
    }

    record Plan(Set<String> indexes, Set<String> seqScans, String text) {}

    static Plan explain(DSLContext db, String sql) {
        List<String> lines = db.fetch("EXPLAIN " + sql).getValues(0, String.class);
        Set<String> indexes = new LinkedHashSet<>();
        Set<String> seqScans = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher index = INDEX.matcher(line);
            while (index.find()) {
                indexes.add(index.group(1));
            }
            Matcher seq = SEQ_SCAN.matcher(line);
            while (seq.find()) {
                seqScans.add(seq.group(1));
            }
        }
        return new Plan(indexes, seqScans, String.join("\n", lines));
    }

    /**
     * One row of the seed's "Common Queries Reference" or "Query Patterns and Index Coverage".
     *
     * @param uses every set must have one of its indexes in the plan
     * @param why where the planner takes another index than the seed names, why that is right
     */
    record Case(String pattern, String sql, List<Set<String>> uses, String why) {
        @Override
        public String toString() {
            return pattern;
        }
    }

    static List<Case> seedQueries() {
        return List.of(
                new Case(
                        "dashboard: episodes of a channel with asset counts (latest 50)",
                        """
                        SELECT e.id, e.title, e.status, e.created_at, e.updated_at, COUNT(a.id) as asset_count
                        FROM episodes e
                        LEFT JOIN assets a ON a.episode_id = e.id AND a.deleted_at IS NULL
                        WHERE e.channel_id = '%channel%' AND e.deleted_at IS NULL
                        GROUP BY e.id ORDER BY e.created_at DESC LIMIT 50""",
                        List.of(
                                Set.of(
                                        "idx_episodes_channel_id",
                                        "idx_episodes_channel_status",
                                        "idx_episodes_channel_created"),
                                Set.of("idx_assets_episode_id", "idx_assets_episode_type")),
                        REDUNDANT_CHANNEL_INDEX),
                new Case(
                        "dashboard: status overview of the last 30 days",
                        """
                        SELECT status, COUNT(*) as count FROM episodes
                        WHERE channel_id = '%channel%' AND deleted_at IS NULL
                          AND created_at > NOW() - INTERVAL '30 days'
                        GROUP BY status""",
                        List.of(Set.of(
                                "idx_episodes_channel_id",
                                "idx_episodes_channel_status",
                                "idx_episodes_channel_created")),
                        REDUNDANT_CHANNEL_INDEX),
                new Case(
                        "dashboard: episode with all assets",
                        """
                        SELECT e.*, json_agg(json_build_object('id', a.id, 'type', a.type, 'uri', a.uri,
                               'provider', a.provider, 'is_primary', a.is_primary))
                               FILTER (WHERE a.id IS NOT NULL) as assets
                        FROM episodes e
                        LEFT JOIN assets a ON a.episode_id = e.id AND a.deleted_at IS NULL
                        WHERE e.id = '%episode%' AND e.deleted_at IS NULL
                        GROUP BY e.id""",
                        List.of(Set.of("episodes_pkey"), Set.of("idx_assets_episode_id", "idx_assets_episode_type")),
                        ""),
                new Case(
                        "dashboard: episode with active jobs",
                        """
                        SELECT e.*, json_agg(json_build_object('id', j.id, 'stage', j.stage,
                               'status', j.status, 'started_at', j.started_at,
                               'completed_at', j.completed_at))
                               FILTER (WHERE j.id IS NOT NULL) as jobs
                        FROM episodes e
                        LEFT JOIN jobs j ON j.episode_id = e.id
                        WHERE e.id = '%episode%' AND e.deleted_at IS NULL
                        GROUP BY e.id""",
                        List.of(Set.of("episodes_pkey"), Set.of("idx_jobs_episode_id", "idx_jobs_episode_stage")),
                        REDUNDANT_JOB_INDEX),
                new Case("dashboard: channels by niche", """
                        SELECT * FROM channels
                        WHERE niche = 'niche-7' AND is_active = true AND deleted_at IS NULL
                        ORDER BY name""", List.of(Set.of("idx_channels_niche")), ""),
                new Case(
                        "worker: next episode to process by priority",
                        """
                        SELECT * FROM episodes
                        WHERE status IN ('idea', 'planning', 'scripting', 'script_review', 'audio',
                                         'avatar', 'broll', 'assembly')
                          AND deleted_at IS NULL
                        ORDER BY priority DESC, created_at ASC
                        LIMIT 1 FOR UPDATE SKIP LOCKED""",
                        List.of(Set.of("idx_episodes_priority")),
                        ""),
                new Case(
                        "worker: queued jobs for processing",
                        """
                        SELECT j.*, e.channel_id FROM jobs j
                        JOIN episodes e ON e.id = j.episode_id
                        WHERE j.status = 'queued'
                        ORDER BY j.created_at ASC
                        LIMIT 10 FOR UPDATE SKIP LOCKED""",
                        List.of(Set.of("idx_jobs_status", "idx_jobs_created_at"), Set.of("episodes_pkey")),
                        "idx_jobs_status is keyed on status alone, so it cannot return queued jobs"
                                + " in created_at order: the planner walks idx_jobs_created_at"
                                + " and filters out every finished job it meets (here 31,600 rows"
                                + " for 10), a cost that grows with the jobs table. The job queue"
                                + " gets a partial index on queued jobs in its claim order."),
                new Case(
                        "worker: unprocessed pulse events above 0.7 by score",
                        """
                        SELECT * FROM pulse_events
                        WHERE is_processed = false AND deleted_at IS NULL AND relevance_score > 0.7
                        ORDER BY relevance_score DESC LIMIT 10""",
                        List.of(Set.of("idx_pulse_events_score")),
                        "the seed lists idx_pulse_events_is_processed for unprocessed events, but for"
                                + " its own query idx_pulse_events_score is the better index: its"
                                + " predicate holds only unprocessed live rows and it is ordered by"
                                + " score, so the LIMIT stops after 10 entries"),
                new Case("index table: filter episodes by status", """
                        SELECT id FROM episodes WHERE status = 'audio' AND deleted_at IS NULL""", List.of(Set.of("idx_episodes_status")), ""),
                new Case(
                        "index table: channel + status combo",
                        """
                        SELECT id FROM episodes
                        WHERE channel_id = '%channel%' AND status = 'published' AND deleted_at IS NULL""",
                        List.of(Set.of("idx_episodes_channel_status", "idx_episodes_channel_created")),
                        "V4's idx_episodes_channel_created carries id and status, so for a query"
                                + " that selects only id the planner may answer from it alone"
                                + " (index-only scan) rather than use idx_episodes_channel_status and"
                                + " read the heap"),
                new Case("index table: episode assets by type", """
                        SELECT * FROM assets
                        WHERE episode_id = '%episode%' AND type = 'audio' AND deleted_at IS NULL""", List.of(Set.of("idx_assets_episode_type")), ""),
                new Case(
                        "index table: unprocessed pulse events",
                        """
                        SELECT id FROM pulse_events WHERE is_processed = false AND deleted_at IS NULL""",
                        List.of(Set.of("idx_pulse_events_is_processed", "idx_pulse_events_score")),
                        "idx_pulse_events_score's predicate (unprocessed, live) matches this query"
                                + " exactly, so the planner may scan it whole instead"),
                new Case("index table: high-score pulse events", """
                        SELECT id FROM pulse_events
                        WHERE is_processed = false AND deleted_at IS NULL
                        ORDER BY relevance_score DESC LIMIT 20""", List.of(Set.of("idx_pulse_events_score")), ""),
                new Case(
                        "index table: topic-based search (contains)",
                        """
                        SELECT id FROM pulse_events
                        WHERE topic_tags @> ARRAY['tag-7'] AND deleted_at IS NULL""",
                        List.of(Set.of("idx_pulse_events_topic_tags")),
                        ""),
                new Case(
                        "index table: topic-based search (overlap)",
                        """
                        SELECT id FROM pulse_events
                        WHERE topic_tags && ARRAY['tag-7', 'tag-9'] AND deleted_at IS NULL""",
                        List.of(Set.of("idx_pulse_events_topic_tags")),
                        ""),
                new Case("index table: priority queue", """
                        SELECT id FROM episodes
                        WHERE status IN ('idea', 'planning', 'scripting', 'script_review', 'audio',
                                         'avatar', 'broll', 'assembly')
                          AND deleted_at IS NULL
                        ORDER BY priority DESC, created_at ASC LIMIT 5""", List.of(Set.of("idx_episodes_priority")), ""),
                new Case("index table: active jobs", """
                        SELECT id FROM jobs WHERE status IN ('queued', 'running')""", List.of(Set.of("idx_jobs_status")), ""),
                new Case(
                        "index table: jobs by episode",
                        """
                        SELECT * FROM jobs WHERE episode_id = '%episode%'""",
                        List.of(Set.of("idx_jobs_episode_id", "idx_jobs_episode_stage")),
                        REDUNDANT_JOB_INDEX),
                new Case("index table: job by Celery task", """
                        SELECT * FROM jobs WHERE celery_task_id = 'task-100-2'""", List.of(Set.of("idx_jobs_celery_task")), ""),
                new Case("index table: channels by niche", """
                        SELECT id FROM channels WHERE niche = 'niche-3' AND deleted_at IS NULL""", List.of(Set.of("idx_channels_niche")), ""),
                new Case("index table: episodes by slug", """
                        SELECT * FROM episodes
                        WHERE channel_id = '%channel%' AND slug = '%slug%' AND deleted_at IS NULL""", List.of(Set.of("idx_episodes_slug_per_channel")), ""));
    }

    private static final String REDUNDANT_CHANNEL_INDEX = "idx_episodes_channel_status (channel_id,"
            + " status) serves every lookup by channel that idx_episodes_channel_id (channel_id)"
            + " does, with the same predicate; the planner takes either at equal cost, so"
            + " idx_episodes_channel_id only costs writes. V4's idx_episodes_channel_created"
            + " (channel_id, created_at DESC, id DESC) INCLUDE (status) serves these two dashboard"
            + " queries best once a channel has many episodes";
    private static final String REDUNDANT_JOB_INDEX = "idx_jobs_episode_stage (episode_id, stage)"
            + " serves every lookup by episode that idx_jobs_episode_id does; the planner takes"
            + " either, so idx_jobs_episode_id only costs writes";

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedQueries")
    void seedQueryUsesItsIndexAndScansNoTableWhole(Case query, DSLContext db) {
        String sql = query.sql()
                .replace("%channel%", channel.toString())
                .replace("%episode%", episode.toString())
                .replace("%slug%", slug);

        Plan plan = explain(db, sql);

        assertThat(plan.seqScans()).as("sequential scans in\n%s", plan.text()).isEmpty();
        for (Set<String> oneOf : query.uses()) {
            assertThat(plan.indexes())
                    .as("indexes of\n%s\n(%s)", plan.text(), query.why())
                    .containsAnyElementsOf(oneOf);
        }
    }
}
