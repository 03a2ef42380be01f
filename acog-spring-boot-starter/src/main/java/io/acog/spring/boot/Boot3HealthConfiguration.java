package io.acog.spring.boot;

import io.acog.core.Acog;
import io.acog.core.pipeline.EpisodePipeline;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code acog} health indicator on Spring Boot 3.5, whose health types are in {@code
 * org.springframework.boot.actuate.health}. Read only when that class is present, so this class is
 * never loaded on Boot 4.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
@ConditionalOnProperty(prefix = "management.health.acog", name = "enabled", matchIfMissing = true)
class Boot3HealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "acogHealthIndicator")
    HealthIndicator acogHealthIndicator(
            DataSource dataSource,
            AcogProperties properties,
            Acog acog,
            ObjectProvider<EpisodePipeline> pipeline,
            ObjectProvider<AcogWorkerLifecycle> worker) {
        AcogHealthCheck check = new AcogHealthCheck(dataSource, properties.getSchema(), acog, pipeline, worker);
        return () -> {
            AcogHealthCheck.Reading reading = check.read();
            return (reading.up() ? Health.up() : Health.down())
                    .withDetails(reading.details())
                    .build();
        };
    }
}
