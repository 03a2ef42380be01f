package io.acog.core.internal;

import io.acog.core.Acog;
import io.acog.core.asset.AssetRepository;
import io.acog.core.channel.ChannelRepository;
import io.acog.core.episode.EpisodeRepository;
import io.acog.core.maintenance.Maintenance;
import io.acog.core.pulse.PulseEventRepository;
import java.sql.Connection;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/** The {@link Acog} for one scope: the data source, a transaction, or a host's connection. */
final class AcogImpl implements Acog {

    private final Db db;
    private final ChannelStore channels;
    private final EpisodeStore episodes;
    private final AssetStore assets;
    private final PulseEventStore pulseEvents;
    private final MaintenanceImpl maintenance;

    AcogImpl(DSLContext dsl, Clock clock) {
        this.db = new Db(dsl, clock);
        this.channels = new ChannelStore(db);
        this.episodes = new EpisodeStore(db, scoped -> new AcogImpl(scoped, clock));
        this.assets = new AssetStore(db);
        this.pulseEvents = new PulseEventStore(db, episodes);
        this.maintenance = new MaintenanceImpl(db);
    }

    @Override
    public ChannelRepository channels() {
        return channels;
    }

    @Override
    public EpisodeRepository episodes() {
        return episodes;
    }

    @Override
    public AssetRepository assets() {
        return assets;
    }

    @Override
    public PulseEventRepository pulseEvents() {
        return pulseEvents;
    }

    @Override
    public Maintenance maintenance() {
        return maintenance;
    }

    @Override
    public Clock clock() {
        return db.clock();
    }

    @Override
    public <T> T transactionResult(Function<Acog, T> work) {
        Objects.requireNonNull(work, "work");
        try {
            return db.dsl().transactionResult(configuration ->
                    work.apply(new AcogImpl(configuration.dsl(), db.clock())));
        } catch (DataAccessException e) {
            throw Db.translate(e);
        }
    }

    @Override
    public void transaction(Consumer<Acog> work) {
        Objects.requireNonNull(work, "work");
        transactionResult(acog -> {
            work.accept(acog);
            return null;
        });
    }

    @Override
    public Acog joining(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        return new AcogImpl(DSL.using(new DefaultConfiguration()
                .set(connection)
                .set(SQLDialect.POSTGRES)
                .set(new JoinedTransactionProvider(connection))), db.clock());
    }

    @Override
    public Acog joining(DSLContext transaction) {
        Objects.requireNonNull(transaction, "transaction");
        if (transaction.dialect().family() != SQLDialect.POSTGRES) {
            throw new IllegalArgumentException("ACOG runs on PostgreSQL; the DSLContext's dialect"
                    + " is " + transaction.dialect());
        }
        return new AcogImpl(transaction, db.clock());
    }

    @Override
    public String toString() {
        return "Acog[" + db.dsl().dialect() + "]";
    }
}
