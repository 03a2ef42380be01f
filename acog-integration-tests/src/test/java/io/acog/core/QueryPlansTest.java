package io.acog.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.channel.ChannelQuery;
import io.acog.core.episode.EpisodeQuery;
import io.acog.core.episode.EpisodeStatus;
import io.acog.testkit.postgres.AcogPostgres;
import io.acog.testkit.postgres.QueryPlans;
import io.acog.testkit.postgres.TestDatabase;
import java.time.Duration;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With 50,000 episodes, 150,000 assets and 100,000 jobs, every dashboard and worker query of the
 * public API is planned without a sequential scan of episodes, jobs or assets. The plans are
 * recorded from the API's own statements (see {@link QueryPlans}), with their real parameters, as
 * the generic plans the server settles on for prepared statements.
 */
@AcogPostgres
class QueryPlansTest {

    private static final QueryPlans PLANS = new QueryPlans();
    private static Acog acog;
    private static UUID channel;
    private static UUID episode;

    @BeforeAll
    static void load(DSLContext db, TestDatabase database) {
        db.execute("""
                INSERT INTO channels (name, slug, niche)
                SELECT 'Channel ' || i, 'channel-' || i, 'niche-' || (i % 10)
                FROM generate_series(1, 100) i""");
        db.execute("""
                INSERT INTO episodes (channel_id, title, status, priority, created_at, deleted_at)
                SELECT c.id, 'Episode ' || i,
                       (CASE WHEN i % 10 = 0 THEN 'audio' WHEN i % 10 = 1 THEN 'idea'
                             ELSE 'published' END)::episode_status,
                       i % 7, now() - (i % 400) * interval '1 day',
                       CASE WHEN i % 50 = 0 THEN now() END
                FROM generate_series(1, 50000) i
                JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM channels) c
                  ON c.n = i % 100""");
        db.execute("""
                INSERT INTO assets (episode_id, type, uri, is_primary)
                SELECT e.id, (ARRAY['audio', 'avatar_video', 'b_roll'])[n]::asset_type,
                       's3://acog/' || e.id || '/' || n, true
                FROM episodes e, generate_series(1, 3) n""");
        db.execute("""
                INSERT INTO jobs (episode_id, stage, status)
                SELECT e.id, s, 'completed'
                FROM episodes e, unnest(ARRAY['planning', 'scripting']) s""");
        db.execute("VACUUM ANALYZE");
        channel = db.fetchOne("SELECT channel_id FROM episodes WHERE status = 'audio' LIMIT 1")
                .get(0, UUID.class);
        episode = db.fetchOne("SELECT id FROM episodes WHERE deleted_at IS NULL LIMIT 1")
                .get(0, UUID.class);
        acog = Acog.builder().dataSource(PLANS.wrap(database.dataSource())).build();
    }

    private static void assertNoTableScans(String query) {
        assertThat(PLANS.plans()).as("plans recorded for %s", query).isNotEmpty();
        for (QueryPlans.Plan plan : PLANS.plans()) {
            assertThat(plan.generic())
                    .as("generic plan of %s:%n%s", query, plan)
                    .isTrue();
            assertThat(plan.sequentialScans()).as("%s:%n%s", query, plan).doesNotContain("episodes", "jobs", "assets");
        }
        PLANS.clear();
    }

    @Test
    void dashboardQueries() {
        PLANS.clear();
        assertThat(acog.episodes().latestWithAssetCounts(channel, 50)).hasSize(50);
        assertNoTableScans("latestWithAssetCounts");

        assertThat(acog.episodes().statusOverview(channel, Duration.ofDays(30))).isNotEmpty();
        assertNoTableScans("statusOverview");

        assertThat(acog.episodes().getWithAssets(episode).assets()).hasSize(3);
        assertNoTableScans("getWithAssets");

        assertThat(acog.episodes().getWithJobs(episode).jobs()).hasSize(2);
        assertNoTableScans("getWithJobs");

        acog.channels().listByNiche("niche-3");
        acog.channels().list(ChannelQuery.builder().niche("niche-3").build());
        assertNoTableScans("channels");

        assertThat(acog.episodes()
                        .list(EpisodeQuery.builder(channel)
                                .status(EpisodeStatus.AUDIO)
                                .build())
                        .items())
                .isNotEmpty();
        assertNoTableScans("list by channel and status");

        assertThat(acog.assets().list(episode)).hasSize(3);
        acog.assets().primary(episode, io.acog.core.asset.AssetType.AUDIO);
        assertNoTableScans("assets of an episode");
    }

    @Test
    void workerQueries() {
        PLANS.clear();
        assertThat(acog.episodes().processNext((tx, next) -> next.id())).isPresent();
        assertNoTableScans("processNext");

        acog.pulseEvents().nextUnprocessed(10);
        assertNoTableScans("nextUnprocessed");
    }
}
