package io.acog.core;

import io.acog.core.asset.AssetRepository;
import io.acog.core.channel.ChannelRepository;
import io.acog.core.episode.EpisodeRepository;
import io.acog.core.internal.AcogFactory;
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

/**
 * The entry point of the ACOG domain API: hands out the repositories over one PostgreSQL database
 * that {@link io.acog.jooq.AcogSchema#migrate(DataSource)} has migrated.
 *
 * <pre>{@code
 * Acog acog = Acog.builder().dataSource(dataSource).build();
 * Channel channel = acog.channels().create(NewChannel.builder("Cosmos", "cosmos").build());
 * }</pre>
 *
 * <p>Every repository method is atomic: it commits all of its writes or none. To make several
 * calls one unit, run them in {@link #transaction(Consumer)}; to make them part of a transaction
 * the host application already has open, use {@link #joining(Connection)} (or, for a jOOQ
 * transaction, {@link io.acog.core.jooq.AcogJooq#joining}).
 *
 * <p>Thread-safe; build one per database and share it. It holds no connections of its own: each
 * operation borrows one from the data source and returns it.
 */
public interface Acog {

    /**
     * Starts building an {@code Acog}.
     *
     * @return a new builder
     */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the channels: the brands, with persona, style guide, voice and avatar profiles.
     *
     * @return the channel repository, bound like this {@code Acog} (to its transaction, if any)
     */
    ChannelRepository channels();

    /**
     * Returns the episodes: the videos moving through the pipeline, their scripts and life cycle.
     *
     * @return the episode repository
     */
    EpisodeRepository episodes();

    /**
     * Returns the assets: the files the stages produce.
     *
     * @return the asset repository
     */
    AssetRepository assets();

    /**
     * Returns the pulse events: trend signals that seed episode ideas.
     *
     * @return the pulse event repository
     */
    PulseEventRepository pulseEvents();

    /**
     * Returns the housekeeping: purging old soft-deleted rows, VACUUM ANALYZE.
     *
     * @return the maintenance operations
     */
    Maintenance maintenance();

    /**
     * Returns the job queue every pipeline stage runs through, and its workers.
     *
     * @return the job tracker
     */
    JobTracker jobs();

    /**
     * Returns the clock this instance stamps soft deletes, processing times and pipeline steps
     * with.
     *
     * @return the clock given to {@link Builder#clock(Clock)}, else the system clock in UTC
     */
    Clock clock();

    /**
     * Runs {@code work} in one database transaction and returns its result: the calls it makes on
     * the {@code Acog} it receives commit together, or roll back together when it throws (the
     * exception propagates). Calls inside nest as savepoints. Use only the {@code Acog} passed in:
     * calls on this one run outside the transaction.
     *
     * @param <T> the result's type
     * @param work what to do, with an {@code Acog} bound to the transaction
     * @return what {@code work} returned
     * @throws ConflictException when PostgreSQL aborted the transaction for a serialization failure
     *     or deadlock; nothing was written, run it again
     * @throws AcogException when the database fails or cannot be reached
     */
    <T> T transactionResult(Function<Acog, T> work);

    /**
     * Runs {@code work} in one database transaction, as {@link #transactionResult(Function)}
     * without a result.
     *
     * @param work what to do, with an {@code Acog} bound to the transaction
     * @throws ConflictException when PostgreSQL aborted the transaction for a serialization failure
     *     or deadlock
     * @throws AcogException when the database fails or cannot be reached
     */
    void transaction(Consumer<Acog> work);

    /**
     * Returns an {@code Acog} whose operations run on the host application's {@code connection},
     * inside the transaction the host has open on it. ACOG then neither commits nor rolls back that
     * transaction: each operation is a savepoint within it, rolled back alone if it fails. On a
     * connection in auto-commit mode each operation commits on its own. The view is valid while the
     * connection is; it is not thread-safe beyond what the connection is.
     *
     * @param connection the host's connection; ACOG does not close it
     * @return a view of this {@code Acog} on that connection
     */
    Acog joining(Connection connection);

    /**
     * Starts building an {@link EpisodePipeline} that runs on this {@code Acog}'s database; the
     * same as {@link EpisodePipeline#builder(Acog)}. A decorator of {@code Acog} hands this on to
     * the {@code Acog} it wraps.
     *
     * @return a new pipeline builder
     */
    EpisodePipeline.Builder pipeline();

    /** Builds an {@link Acog}. Not thread-safe; the built instance is. */
    final class Builder {
        private DataSource dataSource;
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;

        private Builder() {}

        /**
         * Sets the database, migrated with {@link io.acog.jooq.AcogSchema}. Required.
         *
         * @param dataSource where connections come from; a pool in production
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * Sets the clock for the timestamps ACOG writes itself (soft deletes, processing, pipeline
         * steps, creation) and for time windows in queries. Defaults to the system clock in UTC;
         * tests pass a fixed or adjustable one. {@code updated_at} stays the database's time: a
         * trigger sets it.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how long failed jobs wait before they are retried; {@link RetryPolicy#DEFAULT} if
         * unset.
         *
         * @param retryPolicy the backoff of failed jobs
         * @return this builder
         */
        public Builder jobRetryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Builds the {@code Acog}. Nothing touches the database yet.
         *
         * @return the {@code Acog}, thread-safe
         * @throws IllegalStateException when no data source was given
         */
        public Acog build() {
            if (dataSource == null) {
                throw new IllegalStateException("Acog.builder() needs a dataSource(...)");
            }
            return AcogFactory.create(dataSource, clock, retryPolicy);
        }
    }
}
