package io.acog.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.Acog;
import io.acog.core.asset.AssetRepository;
import io.acog.core.channel.ChannelRepository;
import io.acog.core.episode.EpisodeRepository;
import io.acog.core.job.JobTracker;
import io.acog.core.maintenance.Maintenance;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.core.pipeline.LocalFileStorage;
import io.acog.core.pulse.PulseEventRepository;
import io.acog.micrometer.AcogMetrics;
import io.acog.providers.offline.OfflineProviders;
import io.acog.spi.AssetStorage;
import io.acog.spi.Media;
import io.acog.spring.boot.AcogAutoConfiguration;
import io.acog.spring.boot.AcogPipelineCustomizer;
import io.acog.testkit.postgres.PostgresServer;
import io.acog.testkit.postgres.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The beans the starter makes, and each replaced by the host's own: a host bean of a type wins,
 * and what the starter builds then uses it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcogBeansTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2030-01-02T03:04:05Z"), ZoneOffset.UTC);

    private TestDatabase database;
    private ApplicationContextRunner runner;

    @TempDir
    Path storage;

    @BeforeAll
    void database() {
        database = PostgresServer.shared().createDatabase();
    }

    @AfterAll
    void drop() {
        database.close();
    }

    private ApplicationContextRunner runner() {
        if (runner == null) {
            runner = new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(AcogAutoConfiguration.class))
                    // a host's DataSource bean; the wrapper keeps the context's close from closing the test's pool
                    .withBean(DataSource.class, () -> new DelegatingDataSource(database.dataSource()))
                    .withPropertyValues(
                            "acog.providers.offline.enabled=true",
                            "acog.providers.offline.media=placeholder",
                            "acog.storage.local-directory=" + storage);
        }
        return runner;
    }

    @Test
    void everyBeanIsMadeFromTheDataSource() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            for (Class<?> type : List.of(
                    Acog.class,
                    EpisodePipeline.class,
                    ChannelRepository.class,
                    EpisodeRepository.class,
                    AssetRepository.class,
                    PulseEventRepository.class,
                    JobTracker.class,
                    Maintenance.class)) {
                assertThat(context).as(type.getSimpleName()).hasSingleBean(type);
            }
            // the worker is a lifecycle bean, running once the context has started
            assertThat(context.getBean("acogWorker", SmartLifecycle.class).isRunning())
                    .isTrue();
            // no MeterRegistry, no meters
            assertThat(context).doesNotHaveBean(AcogMetrics.class);
            // no storage bean or plugin: the local directory
            assertThat(context.getBean(EpisodePipeline.class).providers().get("assetStorage"))
                    .containsExactly("local");
        });
    }

    @Test
    void nothingWithoutADataSourceOrWhenDisabled() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AcogAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Acog.class));
        runner().withPropertyValues("acog.enabled=false")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(Acog.class)
                        .doesNotHaveBean(EpisodePipeline.class));
        runner().withPropertyValues("acog.worker.enabled=false")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(EpisodePipeline.class)
                        .doesNotHaveBean("acogWorker"));
    }

    @Test
    void theHostsAcogReplacesTheStartersAndEverythingIsBuiltOnIt() {
        runner().withBean(
                        "hostAcog",
                        Acog.class,
                        () -> Acog.builder()
                                .dataSource(database.dataSource())
                                .clock(FIXED)
                                .build())
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Acog.class);
                    assertThat(context.getBean(Acog.class).clock()).isSameAs(FIXED);
                    assertThat(context).hasBean("hostAcog");
                    // the repositories come from it: what one writes, the host's Acog reads
                    assertThat(context.getBean(JobTracker.class).stats().at().toInstant())
                            .isEqualTo(FIXED.instant());
                });
    }

    @Test
    void theHostsClockIsAcogsClock() {
        runner().withBean(Clock.class, () -> FIXED).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Acog.class).clock()).isSameAs(FIXED);
        });
    }

    @Test
    void theHostsPipelineAndJobTrackerReplaceTheStarters() {
        List<String> customized = new CopyOnWriteArrayList<>();
        runner().withBean(
                        "hostPipeline",
                        EpisodePipeline.class,
                        () -> OfflineProviders.builder()
                                .media(OfflineProviders.MediaMode.PLACEHOLDER)
                                .build()
                                .installInto(Acog.builder()
                                        .dataSource(database.dataSource())
                                        .build()
                                        .pipeline())
                                .assetStorage(new NamedStorage("host-pipeline-storage", storage))
                                .build())
                .withBean(
                        "hostJobs",
                        JobTracker.class,
                        () -> Acog.builder()
                                .dataSource(database.dataSource())
                                .clock(FIXED)
                                .build()
                                .jobs())
                .withBean(AcogPipelineCustomizer.class, () -> pipeline -> customized.add("called"))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(EpisodePipeline.class);
                    assertThat(context).hasBean("hostPipeline").hasBean("hostJobs");
                    assertThat(context.getBean(EpisodePipeline.class)
                                    .providers()
                                    .get("assetStorage"))
                            .containsExactly("host-pipeline-storage");
                    assertThat(context.getBean(JobTracker.class).stats().at().toInstant())
                            .isEqualTo(FIXED.instant());
                    // the starter built no pipeline, so it customized none
                    assertThat(customized).isEmpty();
                    // and its worker runs the host's pipeline
                    assertThat(context.getBean("acogWorker", SmartLifecycle.class)
                                    .isRunning())
                            .isTrue();
                });
    }

    @Test
    void theHostsStorageServesThePipeline() {
        runner().withBean(AssetStorage.class, () -> new NamedStorage("host-storage", storage))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(EpisodePipeline.class)
                                    .providers()
                                    .get("assetStorage"))
                            .containsExactly("host-storage");
                });
    }

    @Test
    void customizersAreAppliedInOrder() {
        Calls calls = new Calls();
        runner().withUserConfiguration(Customizers.class)
                .withBean(Calls.class, () -> calls)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(calls.names).containsExactly("first", "second");
                    // what they registered is in the built pipeline, after the providers before them
                    assertThat(context.getBean(EpisodePipeline.class)
                                    .providers()
                                    .get("avatarRenderer"))
                            .containsExactly("offline", "first-avatar", "second-avatar");
                });
    }

    @Test
    void withAMeterRegistryTheMetersAreABeanAndTheHostsOwnWins() {
        runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(AcogMetrics.class);
        });
        runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(
                        "hostMetrics",
                        AcogMetrics.class,
                        () -> AcogMetrics.builder(Acog.builder()
                                        .dataSource(database.dataSource())
                                        .build())
                                .build())
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(AcogMetrics.class);
                    assertThat(context).hasBean("hostMetrics");
                });
    }

    /** Which customizers were called, in order. */
    static final class Calls {
        final List<String> names = new CopyOnWriteArrayList<>();
    }

    /** Two customizers, declared in the reverse of their order. */
    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        @Bean
        @Order(2)
        AcogPipelineCustomizer second(Calls calls) {
            return pipeline -> {
                calls.names.add("second");
                pipeline.avatarRenderer(avatar("second-avatar"));
            };
        }

        @Bean
        @Order(1)
        AcogPipelineCustomizer first(Calls calls) {
            return pipeline -> {
                calls.names.add("first");
                pipeline.avatarRenderer(avatar("first-avatar"));
            };
        }

        private static ToyAvatar avatar(String name) {
            return new ToyAvatar(
                    name,
                    OfflineProviders.builder()
                            .media(OfflineProviders.MediaMode.PLACEHOLDER)
                            .build()
                            .avatarRenderer(),
                    "unused");
        }
    }

    /** Local files under a name of the test's. */
    static final class NamedStorage implements AssetStorage {
        private final String name;
        private final LocalFileStorage files;

        NamedStorage(String name, Path root) {
            this.name = name;
            this.files = new LocalFileStorage(root);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public URI store(String key, Media media) throws IOException {
            return files.store(key, media);
        }

        @Override
        public InputStream open(URI uri) throws IOException {
            return files.open(uri);
        }

        @Override
        public void delete(URI uri) throws IOException {
            files.delete(uri);
        }
    }
}
