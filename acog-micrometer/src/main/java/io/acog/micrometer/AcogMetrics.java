package io.acog.micrometer;

import io.acog.core.Acog;
import io.acog.core.job.JobListener;
import io.acog.core.pipeline.PipelineListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Objects;

/**
 * ACOG's meters for Micrometer, with or without Spring (the Spring Boot starter binds them when
 * the application has a {@link MeterRegistry}):
 *
 * <pre>{@code
 * AcogMetrics metrics = AcogMetrics.builder(acog).build();
 * metrics.bindTo(registry);                                   // the queue and episode gauges
 * EpisodePipeline pipeline = EpisodePipeline.builder(acog)
 *         .listener(metrics.pipelineListener())               // jobs queued, stages, provider calls, costs
 *         ...
 *         .build();
 * pipeline.worker("worker-1").listener(metrics.jobListener()).start();  // jobs claimed, completed, ...
 * }</pre>
 *
 * <p>The meters, their tags and units are listed in {@link AcogMeters} and the module's README.
 * Events are recorded into every registry bound so far ({@link #bindTo} may be called for several
 * registries); bind before the workers start, or the events before are not counted. The gauges
 * of the queue and the episodes read one cached reading of the database, refreshed at most every
 * {@link Builder#refreshEvery refreshEvery}; when the database cannot be read they keep their last
 * values (a warning is logged once) and never throw.
 *
 * <p>Thread-safe: one instance serves every pipeline and worker of an {@link Acog}.
 */
public final class AcogMetrics implements MeterBinder {

    private final BoundRegistries registries = new BoundRegistries();
    private final QueueReadings readings;
    private final PipelineMeters pipelineMeters;
    private final JobMeters jobMeters;

    private AcogMetrics(Builder builder) {
        this.readings = new QueueReadings(builder.acog, builder.refreshEvery);
        this.pipelineMeters = new PipelineMeters(registries, new ChannelSlugs(builder.acog.channels()));
        this.jobMeters = new JobMeters(registries);
    }

    /**
     * Starts building the meters of {@code acog}.
     *
     * @param acog whose queue, episodes and channels the meters read
     * @return a new builder
     * @throws NullPointerException when {@code acog} is null
     */
    public static Builder builder(Acog acog) {
        return new Builder(acog);
    }

    /**
     * Returns the listener to give the pipeline's builder ({@link
     * io.acog.core.pipeline.EpisodePipeline.Builder#listener}): it counts jobs queued, times
     * completed stages and provider calls, and adds up what stages cost per provider and channel.
     * The same listener each time.
     *
     * @return the listener
     */
    public PipelineListener pipelineListener() {
        return pipelineMeters;
    }

    /**
     * Returns the listener to give each worker's builder ({@link
     * io.acog.core.job.JobWorker.Builder#listener}): it counts jobs claimed, completed, retried,
     * failed, cancelled and rescheduled, and leases that ran out or were lost. A worker has one
     * listener: a host that wants its own as well calls both from one. The same listener each
     * time.
     *
     * @return the listener
     */
    public JobListener jobListener() {
        return jobMeters;
    }

    /**
     * Registers the gauges of the queue and the episodes in {@code registry}, and records the
     * listeners' events into it from now on (as into every registry bound before). Binding the
     * same registry again does nothing. Reads nothing from the database: the gauges read when
     * they are first read.
     *
     * @param registry the registry
     * @throws NullPointerException when {@code registry} is null
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        if (registries.add(registry)) {
            QueueGauges.register(registry, readings);
        }
    }

    @Override
    public String toString() {
        return "AcogMetrics";
    }

    /** Builds {@link AcogMetrics}. Not thread-safe. */
    public static final class Builder {

        private final Acog acog;
        private Duration refreshEvery = Duration.ofSeconds(10);

        private Builder(Acog acog) {
            this.acog = Objects.requireNonNull(acog, "acog");
        }

        /**
         * Sets how old the gauges' reading of the queue and the episodes may be before a gauge
         * reads again (one read for all of them, by the {@link Acog#clock() Acog's clock}); 10 s
         * by default. A failed read is tried again no sooner either.
         *
         * @param refreshEvery positive
         * @return this builder
         * @throws NullPointerException when {@code refreshEvery} is null
         * @throws IllegalArgumentException when it is zero or negative
         */
        public Builder refreshEvery(Duration refreshEvery) {
            Objects.requireNonNull(refreshEvery, "refreshEvery");
            if (refreshEvery.isZero() || refreshEvery.isNegative()) {
                throw new IllegalArgumentException("refreshEvery must be positive, got " + refreshEvery);
            }
            this.refreshEvery = refreshEvery;
            return this;
        }

        /**
         * Builds the meters; nothing is registered until {@link AcogMetrics#bindTo}.
         *
         * @return the meters
         */
        public AcogMetrics build() {
            return new AcogMetrics(this);
        }
    }
}
