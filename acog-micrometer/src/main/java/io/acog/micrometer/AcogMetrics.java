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
 *         .listener(metrics.pipelineListener())               // stages, provider calls, costs
 *         ...
 *         .build();
 * pipeline.worker("worker-1").listener(metrics.jobListener()).start();  // jobs
 * }</pre>
 *
 * <p>SKELETON: the meters are being written (issue 14); the names and tags are listed in the
 * module's README.
 */
public final class AcogMetrics implements MeterBinder {

    private final Acog acog;
    private final Duration refreshEvery;

    private AcogMetrics(Builder builder) {
        this.acog = builder.acog;
        this.refreshEvery = builder.refreshEvery;
    }

    /**
     * Starts building the meters of {@code acog}.
     *
     * @param acog whose queue and episodes the gauges read
     * @return a new builder
     */
    public static Builder builder(Acog acog) {
        return new Builder(acog);
    }

    /**
     * Returns the listener to give the pipeline's builder: it records stages, provider calls and
     * costs.
     *
     * @return the listener
     */
    public PipelineListener pipelineListener() {
        return new PipelineListener() {};
    }

    /**
     * Returns the listener to give each worker's builder: it records jobs claimed, completed,
     * retried and failed, and leases that ran out.
     *
     * @return the listener
     */
    public JobListener jobListener() {
        return new JobListener() {};
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
    }

    /** Builds {@link AcogMetrics}. */
    public static final class Builder {

        private final Acog acog;
        private Duration refreshEvery = Duration.ofSeconds(10);

        private Builder(Acog acog) {
            this.acog = Objects.requireNonNull(acog, "acog");
        }

        /**
         * Sets how old the gauges' reading of the queue and the episodes may be before a gauge
         * reads again (one query for all of them); 10 s by default.
         *
         * @param refreshEvery positive
         * @return this builder
         */
        public Builder refreshEvery(Duration refreshEvery) {
            this.refreshEvery = Objects.requireNonNull(refreshEvery, "refreshEvery");
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
