package io.acog.spring.boot;

import io.acog.core.pipeline.EpisodePipeline;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code acog.webhooks.enabled=true} in a Spring MVC application: the webhook endpoint render
 * providers report finished renders to.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnProperty(name = "acog.webhooks.enabled", havingValue = "true")
class AcogWebhookConfiguration {

    @Bean
    AcogWebhookController acogWebhookController(EpisodePipeline pipeline) {
        return new AcogWebhookController(pipeline);
    }
}
