package io.acog.core.internal.store;

import static io.acog.jooq.generated.Tables.ASSETS;
import static io.acog.jooq.generated.Tables.CHANNELS;
import static io.acog.jooq.generated.Tables.EPISODES;
import static io.acog.jooq.generated.Tables.PULSE_EVENTS;

import io.acog.core.ValidationException;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.db.Db;
import io.acog.core.maintenance.Maintenance;
import io.acog.core.maintenance.PurgeReport;
import io.acog.jooq.generated.DefaultSchema;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

public final class MaintenanceStore implements Maintenance {

    private final Db db;

    public MaintenanceStore(Db db) {
        this.db = db;
    }

    @Override
    public PurgeReport purgeSoftDeleted(Duration olderThan, int batchSize) {
        Checks.notNull("purge", "olderThan", olderThan);
        if (olderThan.isNegative()) {
            throw new ValidationException("purge", "olderThan", "is " + olderThan + ", must not be negative");
        }
        if (batchSize < 1) {
            throw new ValidationException("purge", "batchSize", "is " + batchSize + ", must be 1 or more");
        }
        OffsetDateTime cutoff = db.now().minus(olderThan);
        int assets = purge(ASSETS, ASSETS.ID, ASSETS.DELETED_AT.lt(cutoff), batchSize);
        int episodes = purge(EPISODES, EPISODES.ID, EPISODES.DELETED_AT.lt(cutoff), batchSize);
        int pulseEvents = purge(PULSE_EVENTS, PULSE_EVENTS.ID, PULSE_EVENTS.DELETED_AT.lt(cutoff), batchSize);
        Condition unreferenced =
                DSL.notExists(DSL.selectOne().from(EPISODES).where(EPISODES.CHANNEL_ID.eq(CHANNELS.ID)));
        int channels =
                purge(CHANNELS, CHANNELS.ID, CHANNELS.DELETED_AT.lt(cutoff).and(unreferenced), batchSize);
        int kept = db.read(dsl -> dsl.fetchCount(CHANNELS, CHANNELS.DELETED_AT.lt(cutoff)));
        return new PurgeReport(assets, episodes, pulseEvents, channels, kept);
    }

    /** Deletes matching rows, {@code batchSize} per transaction, until none is left. */
    private int purge(Table<?> table, Field<UUID> id, Condition old, int batchSize) {
        int total = 0;
        int deleted;
        do {
            deleted = db.write(dsl -> dsl.deleteFrom(table)
                    // inline: with a bound LIMIT the generic plan guesses a large batch and
                    // hash-joins against a scan of the whole table
                    .where(id.in(DSL.select(id).from(table).where(old).limit(DSL.inline(batchSize))))
                    .execute());
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }

    @Override
    public void vacuumAnalyze() {
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            db.read(dsl -> dsl.execute("VACUUM ANALYZE {0}", table));
        }
    }
}
