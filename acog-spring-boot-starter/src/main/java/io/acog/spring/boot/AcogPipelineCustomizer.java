package io.acog.spring.boot;

import io.acog.core.pipeline.EpisodePipeline;

/**
 * Changes the auto-configured {@link EpisodePipeline} before it is built: a host application that
 * registers providers in code declares one as a bean.
 *
 * <pre>{@code
 * @Bean
 * AcogPipelineCustomizer heygen(HeyGenClient client) {
 *     return pipeline -> pipeline.avatarRenderer(new MyAvatarRenderer(client));
 * }
 * }</pre>
 *
 * <p>The starter first applies the {@code acog.pipeline.*} settings, the provider plugins found
 * with {@code acog.providers.*}, the offline providers (when enabled), every {@link
 * io.acog.core.pipeline.PipelineListener} bean and the application's {@link io.acog.spi.AssetStorage}
 * bean; then the customizers, in {@link org.springframework.core.annotation.Order} (or {@link
 * org.springframework.core.Ordered}) order; then, if no storage was set by then, a local directory
 * ({@code acog.storage.local-directory}). Providers registered first serve channels that name none,
 * so a customizer's come after the plugins'. Not used when the application declares its own
 * {@code EpisodePipeline} bean.
 */
@FunctionalInterface
public interface AcogPipelineCustomizer {

    /**
     * Changes the pipeline's builder: registers providers, listeners, settings.
     *
     * @param pipeline the builder the starter is about to build
     */
    void customize(EpisodePipeline.Builder pipeline);
}
