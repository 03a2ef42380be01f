package io.acog.spring.boot;

import io.acog.core.pipeline.EpisodePipeline;

/**
 * Providers a part of the starter installs on the pipeline (the offline providers), without the
 * auto-configuration naming their types: their module is optional.
 */
interface PipelineProviders {

    /**
     * Tells whether these go before the provider plugins, and so serve channels that name no
     * provider in their place.
     */
    boolean beforePlugins();

    /** Registers them. */
    void installInto(EpisodePipeline.Builder pipeline);
}
