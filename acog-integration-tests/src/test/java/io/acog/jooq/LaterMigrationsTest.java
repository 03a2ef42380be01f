package io.acog.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.testing.Jooq;
import io.acog.testkit.postgres.AcogPostgres;
import io.acog.testkit.postgres.PostgresServer;
import io.acog.testkit.postgres.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the migrations after V1 add to the seed, object for object: the whole schema minus V1's.
 * They only add (a released migration is never edited, and nothing of the seed is dropped).
 */
@AcogPostgres
class LaterMigrationsTest {

    private static SchemaCatalog seed;
    private static SchemaCatalog latest;

    @BeforeAll
    static void migrate(DSLContext db, PostgresServer server) {
        latest = SchemaCatalog.read(db, "public");
        try (TestDatabase v1 = server.createEmptyDatabase()) {
            MigrationScripts.version(1).applyTo(Jooq.dsl(v1));
            seed = SchemaCatalog.read(Jooq.dsl(v1), "public");
        }
    }

    private static List<String> added(List<String> before, List<String> after) {
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        return added;
    }

    @Test
    void nothingOfTheSeedIsChangedOrDropped() {
        assertThat(latest.tables()).containsAll(seed.tables());
        assertThat(latest.columns()).containsAll(seed.columns());
        assertThat(latest.constraints()).containsAll(seed.constraints());
        assertThat(latest.indexes()).containsAll(seed.indexes());
        // an enum may gain values at its end (V7); none is removed, renamed or moved
        assertThat(latest.enums()).hasSameSizeAs(seed.enums());
        for (int i = 0; i < seed.enums().size(); i++) {
            String before = seed.enums().get(i);
            assertThat(latest.enums().get(i))
                    .satisfiesAnyOf(
                            after -> assertThat(after).isEqualTo(before),
                            after -> assertThat(after).startsWith(before + ", "));
        }
        assertThat(latest.functions()).containsExactlyElementsOf(seed.functions());
        assertThat(latest.triggers()).containsExactlyElementsOf(seed.triggers());
        assertThat(latest.comments()).containsAll(seed.comments());
    }

    @Test
    void v2MakesPulseIngestIdempotentAndBoundsTheScore() {
        assertThat(added(seed.indexes(), latest.indexes()))
                .contains("CREATE UNIQUE INDEX idx_pulse_events_source_unique ON pulse_events USING btree"
                        + " (source, source_id)");
        assertThat(added(seed.constraints(), latest.constraints()))
                .contains("pulse_events: chk_pulse_events_relevance_score CHECK (((relevance_score >="
                        + " (0)::numeric) AND (relevance_score <= (1)::numeric)))");
    }

    @Test
    void v3LinksDerivedEpisodesToTheirSource() {
        assertThat(added(seed.columns(), latest.columns())).contains("episodes.source_episode_id uuid");
        assertThat(added(seed.constraints(), latest.constraints()))
                .contains("episodes: episodes_source_episode_id_fkey FOREIGN KEY (source_episode_id)"
                        + " REFERENCES episodes(id) ON DELETE SET NULL");
        assertThat(added(seed.indexes(), latest.indexes()))
                .contains("CREATE INDEX idx_episodes_source_episode ON episodes USING btree"
                        + " (source_episode_id) WHERE ((source_episode_id IS NOT NULL) AND"
                        + " (deleted_at IS NULL))");
        assertThat(added(seed.comments(), latest.comments()))
                .contains("episodes.source_episode_id: The episode this one continues (idea_source series"
                        + " or followup) or repurposes");
    }

    @Test
    void v7AddsCaptionsToTheAssetTypes() {
        assertThat(latest.enums())
                .contains("asset_type: script, audio, avatar_video, b_roll, assembled_video, thumbnail, plan, metadata,"
                        + " captions");
    }

    @Test
    void v8GivesTheTimelineAColumnAndMovesStoredTimelinesIntoIt(PostgresServer server) {
        assertThat(added(seed.columns(), latest.columns())).contains("episodes.timeline jsonb");
        try (TestDatabase v7 = server.createEmptyDatabase()) {
            DSLContext db = Jooq.dsl(v7);
            for (int version = 1; version <= 7; version++) {
                MigrationScripts.version(version).applyTo(db);
            }
            db.execute("INSERT INTO channels (id, name, slug, niche) VALUES"
                    + " ('00000000-0000-0000-0000-0000000000c1', 'Night Sky', 'night-sky', 'astronomy')");
            db.execute("INSERT INTO episodes (id, channel_id, slug, status, pipeline_state) VALUES"
                    + " ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000c1', 'laid-out',"
                    + " 'avatar', '{\"audio\": {\"status\": \"completed\", \"timeline\": {\"duration_ms\": 4000,"
                    + " \"cuts\": [], \"captions\": []}}, \"avatar\": {\"status\": \"running\"}}'),"
                    + " ('00000000-0000-0000-0000-0000000000e2', '00000000-0000-0000-0000-0000000000c1', 'not-yet',"
                    + " 'scripting', '{\"planning\": {\"status\": \"completed\"}}')");

            MigrationScripts.version(8).applyTo(db);

            assertThat(db.fetch("SELECT slug, timeline::text, pipeline_state::text FROM episodes ORDER BY slug")
                            .map(row -> row.get(0) + " | " + row.get(1) + " | " + row.get(2)))
                    .containsExactly(
                            "laid-out | {\"cuts\": [], \"captions\": [], \"duration_ms\": 4000}"
                                    + " | {\"audio\": {\"status\": \"completed\"}, \"avatar\": {\"status\": \"running\"}}",
                            "not-yet | null | {\"planning\": {\"status\": \"completed\"}}");
        }
    }

    @Test
    void v6LeavesRoomOnEpisodePagesForSamePageUpdates(DSLContext db) {
        assertThat(db.fetchValue("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'episodes'"))
                .isEqualTo("fillfactor=60");
    }

    @Test
    void v4GivesTheChannelDashboardATimelineIndex() {
        assertThat(added(seed.indexes(), latest.indexes()))
                .contains("CREATE INDEX idx_episodes_channel_created ON episodes USING btree (channel_id,"
                        + " created_at DESC, id DESC) INCLUDE (status) WHERE (deleted_at IS NULL)");
    }

    @Test
    void v5TurnsTheJobsTableIntoAQueue(DSLContext db) {
        assertThat(added(seed.columns(), latest.columns()))
                .contains(
                        "jobs.priority integer NOT NULL DEFAULT 0",
                        "jobs.run_after timestamp with time zone NOT NULL DEFAULT now()",
                        "jobs.locked_by character varying(255)",
                        "jobs.locked_until timestamp with time zone",
                        "jobs.attempts integer NOT NULL DEFAULT 0",
                        "jobs.idempotency_key character varying(255)",
                        "jobs.cancel_requested boolean NOT NULL DEFAULT false");
        assertThat(added(seed.constraints(), latest.constraints()))
                .contains(
                        "jobs: chk_jobs_priority CHECK ((priority >= 0))",
                        "jobs: chk_jobs_retries CHECK (((max_retries >= 0) AND (retry_count >= 0)))");
        assertThat(added(seed.indexes(), latest.indexes()))
                .contains(
                        "CREATE INDEX idx_jobs_claim ON jobs USING btree (priority DESC, run_after,"
                                + " created_at) WHERE (status = 'queued'::job_status)",
                        "CREATE UNIQUE INDEX idx_jobs_idempotency ON jobs USING btree (idempotency_key)"
                                + " WHERE ((idempotency_key IS NOT NULL) AND (status = ANY"
                                + " (ARRAY['queued'::job_status, 'running'::job_status])))",
                        "CREATE INDEX idx_jobs_finished ON jobs USING btree (completed_at) WHERE"
                                + " (status = ANY (ARRAY['completed'::job_status, 'failed'::job_status,"
                                + " 'cancelled'::job_status]))");
        assertThat(db.fetchValue("SELECT array_to_string(reloptions, ',') FROM pg_class" + " WHERE relname = 'jobs'"))
                .isEqualTo("autovacuum_vacuum_scale_factor=0.01,"
                        + "autovacuum_vacuum_threshold=1000,autovacuum_analyze_scale_factor=0.02,"
                        + "autovacuum_vacuum_insert_scale_factor=0.05,fillfactor=80");
    }
}
