package io.acog.jooq;

import static io.acog.jooq.generated.Tables.ASSETS;
import static io.acog.jooq.generated.Tables.CHANNELS;
import static io.acog.jooq.generated.Tables.EPISODES;
import static io.acog.jooq.generated.Tables.JOBS;
import static io.acog.jooq.generated.Tables.PULSE_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.jooq.generated.enums.AssetType;
import io.acog.testkit.postgres.AcogPostgres;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the seed's constraints, indexes and triggers do to rows. */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class SchemaBehaviourTest {

    private static final OffsetDateTime LONG_AGO = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(strings = {"channels", "episodes", "jobs", "assets", "pulse_events"})
    void updateSetsUpdatedAtToTheTransactionTime(String table, DSLContext db) {
        Rows rows = new Rows(db);
        UUID id = switch (table) {
            case "channels" -> rows.channel("c");
            case "episodes" -> rows.episode(rows.channel("c"), "e");
            case "jobs" -> rows.job(rows.episode(rows.channel("c"), "e"));
            case "assets" -> rows.asset(rows.episode(rows.channel("c"), "e"), AssetType.AUDIO, false);
            default -> rows.pulseEvent("reddit", "t3_1");
        };

        // The update tries to set an old value; the trigger must overwrite it with now().
        Record2<OffsetDateTime, OffsetDateTime> after = db.transactionResult(tx -> tx.dsl()
                .resultQuery(
                        "UPDATE " + table + " SET updated_at = {0} WHERE id = {1}" + " RETURNING updated_at, now()",
                        DSL.val(LONG_AGO),
                        DSL.val(id))
                .coerce(DSL.field("updated_at", OffsetDateTime.class), DSL.field("now", OffsetDateTime.class))
                .fetchOne());

        assertThat(after.value1()).isEqualTo(after.value2()).isAfter(LONG_AGO);
    }

    @Test
    void episodeSlugIsUniquePerChannelAmongLiveRowsAndFreeAgainAfterSoftDelete(DSLContext db) {
        Rows rows = new Rows(db);
        UUID cosmos = rows.channel("cosmos");
        UUID finance = rows.channel("finance");
        UUID first = rows.episode(cosmos, "black-holes");

        assertThatThrownBy(() -> rows.episode(cosmos, "black-holes"))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23505"))
                .hasMessageContaining("idx_episodes_slug_per_channel");
        rows.episode(finance, "black-holes"); // another channel may use the same slug
        rows.episode(cosmos, null);
        rows.episode(cosmos, null); // episodes without a slug do not collide

        db.update(EPISODES)
                .set(EPISODES.DELETED_AT, DSL.currentOffsetDateTime())
                .where(EPISODES.ID.eq(first))
                .execute();
        rows.episode(cosmos, "black-holes");

        assertThat(db.fetchCount(EPISODES, EPISODES.SLUG.eq("black-holes"))).isEqualTo(3);
    }

    @Test
    void channelSlugIsGloballyUniqueEvenAfterSoftDelete(DSLContext db) {
        Rows rows = new Rows(db);
        UUID cosmos = rows.channel("cosmos");
        db.update(CHANNELS)
                .set(CHANNELS.DELETED_AT, DSL.currentOffsetDateTime())
                .where(CHANNELS.ID.eq(cosmos))
                .execute();

        assertThatThrownBy(() -> rows.channel("cosmos"))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23505"))
                .hasMessageContaining("channels_slug_key");
    }

    @Test
    void deletingAChannelWithEpisodesIsRestricted(DSLContext db) {
        Rows rows = new Rows(db);
        UUID channel = rows.channel("cosmos");
        rows.episode(channel, "e");

        assertThatThrownBy(() ->
                        db.deleteFrom(CHANNELS).where(CHANNELS.ID.eq(channel)).execute())
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23503"))
                .hasMessageContaining("episodes_channel_id_fkey");
        assertThat(db.fetchCount(CHANNELS)).isEqualTo(1);
    }

    @Test
    void deletingAnEpisodeCascadesToItsJobsAndAssets(DSLContext db) {
        Rows rows = new Rows(db);
        UUID channel = rows.channel("cosmos");
        UUID doomed = rows.episode(channel, "doomed");
        UUID kept = rows.episode(channel, "kept");
        rows.job(doomed);
        rows.asset(doomed, AssetType.AUDIO, true);
        rows.job(kept);
        rows.asset(kept, AssetType.AUDIO, true);

        db.deleteFrom(EPISODES).where(EPISODES.ID.eq(doomed)).execute();

        assertThat(db.fetchCount(JOBS, JOBS.EPISODE_ID.eq(doomed))).isZero();
        assertThat(db.fetchCount(ASSETS, ASSETS.EPISODE_ID.eq(doomed))).isZero();
        assertThat(db.fetchCount(JOBS, JOBS.EPISODE_ID.eq(kept))).isEqualTo(1);
        assertThat(db.fetchCount(ASSETS, ASSETS.EPISODE_ID.eq(kept))).isEqualTo(1);
    }

    @Test
    void deletingAPulseEventSetsItsEpisodesLinkToNull(DSLContext db) {
        Rows rows = new Rows(db);
        UUID event = rows.pulseEvent("youtube", "abc");
        UUID episode = rows.episode(rows.channel("cosmos"), "from-trend");
        db.update(EPISODES)
                .set(EPISODES.PULSE_EVENT_ID, event)
                .where(EPISODES.ID.eq(episode))
                .execute();

        db.deleteFrom(PULSE_EVENTS).where(PULSE_EVENTS.ID.eq(event)).execute();

        assertThat(db.fetchValue(EPISODES.PULSE_EVENT_ID, EPISODES.ID.eq(episode)))
                .isNull();
        assertThat(db.fetchCount(EPISODES)).isEqualTo(1);
    }

    @Test
    void onePrimaryAssetPerEpisodeAndTypeAmongLiveAssets(DSLContext db) {
        Rows rows = new Rows(db);
        UUID episode = rows.episode(rows.channel("cosmos"), "e");
        UUID primary = rows.asset(episode, AssetType.AUDIO, true);
        rows.asset(episode, AssetType.AUDIO, false);
        rows.asset(episode, AssetType.THUMBNAIL, true);

        assertThatThrownBy(() -> rows.asset(episode, AssetType.AUDIO, true))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23505"))
                .hasMessageContaining("idx_assets_primary_unique");

        db.update(ASSETS)
                .set(ASSETS.DELETED_AT, DSL.currentOffsetDateTime())
                .where(ASSETS.ID.eq(primary))
                .execute();
        rows.asset(episode, AssetType.AUDIO, true);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "UPDATE episodes SET status = 'rendering'",
                "UPDATE episodes SET idea_source = 'rss'",
                "UPDATE jobs SET status = 'paused'",
                "UPDATE assets SET type = 'gif'",
                "SELECT 'rendering'::pipeline_stage"
            })
    void enumsRejectUnknownLabels(String sql, DSLContext db) {
        Rows rows = new Rows(db);
        UUID episode = rows.episode(rows.channel("cosmos"), "e");
        rows.job(episode);
        rows.asset(episode, AssetType.AUDIO, false);

        assertThatThrownBy(() -> db.execute(sql))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("22P02"))
                .hasMessageContaining("invalid input value for enum");
    }

    static String sqlState(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return error instanceof DataAccessException access ? access.sqlState() : null;
    }
}
