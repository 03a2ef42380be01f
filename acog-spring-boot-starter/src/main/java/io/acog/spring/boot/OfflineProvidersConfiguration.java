package io.acog.spring.boot;

import io.acog.core.pipeline.EpisodePipeline;
import io.acog.providers.offline.OfflineProviders;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@code acog.providers.offline.enabled=true}: the offline providers serve the pipeline (no
 * network, no keys), for a development profile or tests. {@code acog.providers.offline.media}
 * chooses real videos made with ffmpeg (the default) or placeholders; {@code
 * acog.providers.offline.latency} how long each call takes. With placeholders they go before the
 * provider plugins, as ffmpeg's assembler (a plugin that comes with them) cannot cut placeholders;
 * with real media after them, so configured adapters serve first and ffmpeg cuts the video.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.acog.providers.offline.OfflineProviders")
@ConditionalOnProperty(name = "acog.providers.offline.enabled", havingValue = "true")
class OfflineProvidersConfiguration {

    static final String MEDIA = "acog.providers.offline.media";
    static final String LATENCY = "acog.providers.offline.latency";

    @Bean
    @ConditionalOnMissingBean
    OfflineProviders acogOfflineProviders(AcogProperties properties, Environment environment) {
        Binder binder = Binder.get(environment);
        Duration latency = binder.bind(LATENCY, Duration.class).orElse(Duration.ZERO);
        if (latency.isNegative()) {
            throw new IllegalArgumentException(
                    LATENCY + " is " + environment.getProperty(LATENCY) + "; it must be zero or more");
        }
        return OfflineProviders.builder()
                .config(new SpringProviderConfig(properties.getProviders(), environment))
                .media(media(environment))
                .latency(latency)
                .build();
    }

    @Bean
    PipelineProviders acogOfflineProvidersInstall(OfflineProviders offline, Environment environment) {
        boolean placeholders = media(environment) == OfflineProviders.MediaMode.PLACEHOLDER;
        return new PipelineProviders() {
            @Override
            public boolean beforePlugins() {
                return placeholders;
            }

            @Override
            public void installInto(EpisodePipeline.Builder pipeline) {
                offline.installInto(pipeline);
            }
        };
    }

    private static OfflineProviders.MediaMode media(Environment environment) {
        return Binder.get(environment)
                .bind(MEDIA, OfflineProviders.MediaMode.class)
                .orElse(OfflineProviders.MediaMode.REAL);
    }
}
