package io.acog.core.internal;

import io.acog.core.Acog;
import io.acog.core.asset.AssetRepository;
import io.acog.core.channel.ChannelRepository;
import io.acog.core.episode.EpisodeRepository;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.db.JoinedTransactionProvider;
import io.acog.core.internal.pipeline.PipelineBuilder;
import io.acog.core.internal.queue.JobStore;
import io.acog.core.internal.store.AssetStore;
import io.acog.core.internal.store.ChannelStore;
import io.acog.core.internal.store.EpisodeStore;
import io.acog.core.internal.store.MaintenanceStore;
import io.acog.core.internal.store.PulseEventStore;
import io.acog.core.job.JobTracker;
import io.acog.core.job.RetryPolicy;
import io.acog.core.maintenance.Maintenance;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.core.pulse.PulseEventRepository;
import java.sql.Connection;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
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
    private final MaintenanceStore maintenance;
    private final JobStore jobs;
    private final RetryPolicy retryPolicy;

    /**
     * @param dataSource the data source of a root instance (workers open connections of their
     *     own from it); null for transactional and joined views
     */
    AcogImpl(DSLContext dsl, Clock clock, RetryPolicy retryPolicy, DataSource dataSource) {
        this.db = new Db(dsl, clock);
        this.retryPolicy = retryPolicy;
        this.channels = new ChannelStore(db);
        this.episodes = new EpisodeStore(db, this::scoped);
        this.assets = new AssetStore(db);
        this.pulseEvents = new PulseEventStore(db, episodes);
        this.maintenance = new MaintenanceStore(db);
        this.jobs = new JobStore(db, retryPolicy, dataSource);
    }

    /** The same configuration in another scope (a transaction, a joined connection). */
    private AcogImpl scoped(DSLContext dsl) {
        return new AcogImpl(dsl, db.clock(), retryPolicy, null);
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
    public JobTracker jobs() {
        return jobs;
    }

    @Override
    public Clock clock() {
        return db.clock();
    }

    @Override
    public <T> T transactionResult(Function<Acog, T> work) {
        Objects.requireNonNull(work, "work");
        try {
            return db.dsl().transactionResult(configuration -> work.apply(scoped(configuration.dsl())));
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
        return scoped(DSL.using(new DefaultConfiguration()
                .set(connection)
                .set(SQLDialect.POSTGRES)
                .set(new JoinedTransactionProvider(connection))));
    }

    @Override
    public EpisodePipeline.Builder pipeline() {
        return new PipelineBuilder(db, jobs, episodes);
    }

    @Override
    public String toString() {
        return "Acog[" + db.dsl().dialect() + "]";
    }
}
