package io.acog.jooq;

import static io.acog.jooq.generated.Tables.ASSETS;
import static io.acog.jooq.generated.Tables.CHANNELS;
import static io.acog.jooq.generated.Tables.EPISODES;
import static io.acog.jooq.generated.Tables.JOBS;
import static io.acog.jooq.generated.Tables.PULSE_EVENTS;

import io.acog.jooq.generated.enums.AssetType;
import java.util.UUID;
import org.jooq.DSLContext;

/** Minimal valid rows straight through jOOQ, for tests of the schema itself. */
final class Rows {
    private final DSLContext db;

    Rows(DSLContext db) {
        this.db = db;
    }

    UUID channel(String slug) {
        return db.insertInto(CHANNELS, CHANNELS.NAME, CHANNELS.SLUG)
                .values("Channel " + slug, slug)
                .returning(CHANNELS.ID)
                .fetchOne(CHANNELS.ID);
    }

    UUID episode(UUID channel, String slug) {
        return db.insertInto(EPISODES, EPISODES.CHANNEL_ID, EPISODES.SLUG)
                .values(channel, slug)
                .returning(EPISODES.ID)
                .fetchOne(EPISODES.ID);
    }

    UUID job(UUID episode) {
        return db.insertInto(JOBS, JOBS.EPISODE_ID, JOBS.STAGE)
                .values(episode, "planning")
                .returning(JOBS.ID)
                .fetchOne(JOBS.ID);
    }

    UUID asset(UUID episode, AssetType type, boolean primary) {
        return db.insertInto(ASSETS, ASSETS.EPISODE_ID, ASSETS.TYPE, ASSETS.URI, ASSETS.IS_PRIMARY)
                .values(episode, type, "s3://acog/" + UUID.randomUUID(), primary)
                .returning(ASSETS.ID)
                .fetchOne(ASSETS.ID);
    }

    UUID pulseEvent(String source, String sourceId) {
        return db.insertInto(PULSE_EVENTS, PULSE_EVENTS.SOURCE, PULSE_EVENTS.SOURCE_ID)
                .values(source, sourceId)
                .returning(PULSE_EVENTS.ID)
                .fetchOne(PULSE_EVENTS.ID);
    }
}
