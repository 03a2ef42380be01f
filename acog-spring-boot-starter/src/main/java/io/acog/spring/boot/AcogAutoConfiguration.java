package io.acog.spring.boot;

import io.acog.core.Acog;
import io.acog.core.asset.AssetRepository;
import io.acog.core.channel.ChannelRepository;
import io.acog.core.episode.EpisodeRepository;
import io.acog.core.job.JobListener;
import io.acog.core.job.JobTracker;
import io.acog.core.maintenance.Maintenance;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.core.pipeline.LocalFileStorage;
import io.acog.core.pipeline.PipelineListener;
import io.acog.core.pulse.PulseEventRepository;
import io.acog.spi.AssetStorage;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderPlugin;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.ServiceLoader;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * ACOG in a Spring Boot application, from its {@link DataSource} and the {@code acog.*} properties
 * ({@link AcogProperties}): ACOG's tables migrated at start-up; {@link Acog}, the repositories,
 * {@link JobTracker}, {@link Maintenance} and the {@link EpisodePipeline} as beans, each replaced
 * by the application's own bean of that type; a worker started with the context and drained when
 * it closes; the {@code acog} health indicator; ACOG's meters when there is a {@code
 * MeterRegistry}; and, when enabled, the webhook endpoint for render providers.
 *
 * <p>Applies when the application has one {@code DataSource} (or a primary one) and {@code
 * acog.enabled} is not false. Exclude it as any auto-configuration: {@code
 * spring.autoconfigure.exclude=io.acog.spring.boot.AcogAutoConfiguration}.
 */
@AutoConfiguration(
        afterName = {
            // Boot 3.5 and Boot 4.0 names of the DataSource and of the meter registry it binds to
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(prefix = "acog", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(AcogProperties.class)
@Import({
    AcogMetricsConfiguration.class,
    OfflineProvidersConfiguration.class,
    Boot3HealthConfiguration.class,
    Boot4HealthConfiguration.class,
    AcogWebhookConfiguration.class
})
public final class AcogAutoConfiguration {

    /** Created by Spring Boot's auto-configuration. */
    public AcogAutoConfiguration() {}

    /**
     * Migrates ACOG's tables after the application's own database initialization (its Flyway or
     * Liquibase, its SQL scripts): ACOG's migration starts a history of its own in a schema that
     * already holds tables, while the application's Flyway refuses a non-empty schema it has no
     * history for, so ACOG goes second.
     */
    @Bean
    @DependsOnDatabaseInitialization
    AcogSchemaSetup acogSchemaSetup(DataSource dataSource, AcogProperties properties) {
        return new AcogSchemaSetup(
                dataSource, properties.getSchema(), properties.getMigration().isEnabled());
    }

    /**
     * ACOG on the application's DataSource, with the application's {@link Clock} bean if it has
     * one.
     *
     * @param dataSource the application's DataSource
     * @param schema ready before ACOG is used
     * @param clock the application's clock, if any
     * @return the entry point
     */
    @Bean
    @ConditionalOnMissingBean
    Acog acog(DataSource dataSource, AcogSchemaSetup schema, ObjectProvider<Clock> clock) {
        Acog.Builder builder = Acog.builder().dataSource(dataSource);
        Clock own = clock.getIfUnique();
        if (own != null) {
            builder.clock(own);
        }
        return builder.build();
    }

    /**
     * The channels.
     *
     * @param acog the entry point
     * @return {@link Acog#channels()}
     */
    @Bean
    @ConditionalOnMissingBean
    ChannelRepository channelRepository(Acog acog) {
        return acog.channels();
    }

    /**
     * The episodes.
     *
     * @param acog the entry point
     * @return {@link Acog#episodes()}
     */
    @Bean
    @ConditionalOnMissingBean
    EpisodeRepository episodeRepository(Acog acog) {
        return acog.episodes();
    }

    /**
     * The assets.
     *
     * @param acog the entry point
     * @return {@link Acog#assets()}
     */
    @Bean
    @ConditionalOnMissingBean
    AssetRepository assetRepository(Acog acog) {
        return acog.assets();
    }

    /**
     * The pulse events.
     *
     * @param acog the entry point
     * @return {@link Acog#pulseEvents()}
     */
    @Bean
    @ConditionalOnMissingBean
    PulseEventRepository pulseEventRepository(Acog acog) {
        return acog.pulseEvents();
    }

    /**
     * The job queue.
     *
     * @param acog the entry point
     * @return {@link Acog#jobs()}
     */
    @Bean
    @ConditionalOnMissingBean
    JobTracker jobTracker(Acog acog) {
        return acog.jobs();
    }

    /**
     * The housekeeping.
     *
     * @param acog the entry point
     * @return {@link Acog#maintenance()}
     */
    @Bean
    @ConditionalOnMissingBean
    Maintenance maintenance(Acog acog) {
        return acog.maintenance();
    }

    /**
     * The pipeline: the {@code acog.pipeline.*} settings; the provider plugins on the class path,
     * set up with {@code acog.providers.*}; the offline providers when enabled; every {@link
     * PipelineListener} bean; the {@link AssetStorage} bean; every {@link AcogPipelineCustomizer}
     * bean in order; and, when no storage was set by then, a {@link LocalFileStorage} at {@code
     * acog.storage.local-directory}.
     *
     * @param acog the entry point
     * @param properties the {@code acog.*} properties
     * @param environment where provider settings are read
     * @param installed providers parts of the starter install
     * @param listeners the listener beans
     * @param storage the application's storage bean, if any
     * @param customizers the customizer beans
     * @return the pipeline
     */
    @Bean
    @ConditionalOnMissingBean
    EpisodePipeline episodePipeline(
            Acog acog,
            AcogProperties properties,
            Environment environment,
            ObjectProvider<PipelineProviders> installed,
            ObjectProvider<PipelineListener> listeners,
            ObjectProvider<AssetStorage> storage,
            ObjectProvider<AcogPipelineCustomizer> customizers) {
        AcogProperties.Pipeline settings = properties.getPipeline();
        EpisodePipeline.Builder builder = EpisodePipeline.builder(acog);
        if (settings.getMaxRetries() != null) {
            builder.maxRetries(settings.getMaxRetries());
        }
        builder.providerLimitWait(settings.getProviderLimitWait());
        if (settings.getRunningAfter() != null) {
            builder.runningAfter(settings.getRunningAfter());
        }
        if (settings.getRenderCallbackUrl() != null) {
            builder.renderCallbackUrl(settings.getRenderCallbackUrl());
        }
        builder.monthlyBudgetUsd(settings.getMonthlyBudgetUsd());

        List<PipelineProviders> parts = installed.orderedStream().toList();
        parts.stream().filter(PipelineProviders::beforePlugins).forEach(part -> part.installInto(builder));
        ProviderConfig config = new SpringProviderConfig(properties.getProviders(), environment);
        if (anyPlugin()) {
            builder.plugins(config);
        }
        parts.stream().filter(part -> !part.beforePlugins()).forEach(part -> part.installInto(builder));

        listeners.orderedStream().forEach(builder::listener);
        AssetStorage own = storage.getIfUnique();
        if (own != null) {
            builder.assetStorage(own);
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        builder.defaultAssetStorage(
                new LocalFileStorage(Path.of(properties.getStorage().getLocalDirectory())));
        return builder.build();
    }

    /**
     * Whether a provider plugin is on the class path: without one, {@code plugins(config)} would
     * warn that none was found, which is no news to an application that registers providers in
     * code. Reads the service files without instantiating a plugin.
     */
    private static boolean anyPlugin() {
        return ServiceLoader.load(ProviderPlugin.class, Thread.currentThread().getContextClassLoader()).stream()
                .findAny()
                .isPresent();
    }

    @Bean
    @ConditionalOnProperty(prefix = "acog.worker", name = "enabled", matchIfMissing = true)
    AcogWorkerLifecycle acogWorker(
            EpisodePipeline pipeline,
            AcogProperties properties,
            Environment environment,
            ObjectProvider<JobListener> listeners) {
        AcogProperties.Worker settings = properties.getWorker();
        String name = settings.getName() != null ? settings.getName() : defaultWorkerName(environment);
        return new AcogWorkerLifecycle(
                pipeline,
                settings,
                name,
                new CompositeJobListener(listeners.orderedStream().toList()));
    }

    /** {@code <spring.application.name or "acog">-<host>-<pid>}, within locked_by's 255 characters. */
    static String defaultWorkerName(Environment environment) {
        String application = environment.getProperty("spring.application.name", "acog");
        if (application.isBlank()) {
            application = "acog";
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        String name =
                application.strip() + "-" + host + "-" + ProcessHandle.current().pid();
        return name.length() <= 255 ? name : name.substring(0, 255);
    }
}
