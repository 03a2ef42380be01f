package io.acog.spring.boot;

import io.acog.core.Acog;
import io.acog.core.job.JobListener;
import io.acog.core.pipeline.PipelineListener;
import io.acog.micrometer.AcogMetrics;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * ACOG's meters when the application has a {@code MeterRegistry}: the {@link AcogMetrics} bean, a
 * {@code MeterBinder} that Spring Boot binds to the registry, and its listeners as beans, which the
 * pipeline and the worker take up as they take every listener bean.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {"io.micrometer.core.instrument.MeterRegistry", "io.acog.micrometer.AcogMetrics"})
@ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
class AcogMetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AcogMetrics acogMetrics(Acog acog) {
        return AcogMetrics.builder(acog).build();
    }

    @Bean
    PipelineListener acogMetricsPipelineListener(AcogMetrics metrics) {
        return metrics.pipelineListener();
    }

    @Bean
    JobListener acogMetricsJobListener(AcogMetrics metrics) {
        return metrics.jobListener();
    }
}
