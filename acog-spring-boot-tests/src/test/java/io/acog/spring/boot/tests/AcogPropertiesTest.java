package io.acog.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.episode.PipelineStage;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.spring.boot.AcogAutoConfiguration;
import io.acog.spring.boot.AcogProperties;
import io.acog.testkit.postgres.PostgresServer;
import io.acog.testkit.postgres.TestDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The {@code acog.*} properties: every group binds, the documented empty defaults bind, provider
 * settings reach the plugins under their ProviderConfig keys, and a wrong value fails start-up with
 * an error naming the property, the value and the limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcogPropertiesTest {

    private TestDatabase database;

    @BeforeAll
    void database() {
        database = PostgresServer.shared().createDatabase();
    }

    @AfterAll
    void drop() {
        database.close();
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AcogAutoConfiguration.class))
                // a host's DataSource bean; the wrapper keeps the context's close from closing the test's pool
                .withBean(DataSource.class, () -> new DelegatingDataSource(database.dataSource()))
                .withPropertyValues(
                        "acog.worker.enabled=false",
                        "acog.providers.offline.enabled=true",
                        "acog.providers.offline.media=placeholder");
    }

    @Test
    void everyGroupBinds() {
        runner().withPropertyValues(
                        "acog.schema=",
                        "acog.migration.enabled=false",
                        "acog.worker.name=render-7",
                        "acog.worker.threads=3",
                        "acog.worker.stages=AVATAR, broll,assembly",
                        "acog.worker.lease=45s",
                        "acog.worker.poll-interval=250ms",
                        "acog.worker.batch-size=20",
                        "acog.worker.listen=false",
                        "acog.worker.shutdown-timeout=5s",
                        "acog.pipeline.max-retries=5",
                        "acog.pipeline.provider-limit-wait=2s",
                        "acog.pipeline.running-after=0s",
                        "acog.pipeline.render-callback-url=https://host.example/acog/webhooks/",
                        "acog.pipeline.monthly-budget-usd=12.50",
                        "acog.storage.local-directory=/var/lib/acog/assets",
                        "acog.webhooks.enabled=true",
                        "acog.webhooks.path=/hooks/render",
                        "acog.providers.recording.api-key=key-from-properties")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AcogProperties properties = context.getBean(AcogProperties.class);
                    assertThat(properties.isEnabled()).isTrue();
                    assertThat(properties.getSchema()).isNull();
                    assertThat(properties.getMigration().isEnabled()).isFalse();
                    AcogProperties.Worker worker = properties.getWorker();
                    assertThat(worker.isEnabled()).isFalse();
                    assertThat(worker.getName()).isEqualTo("render-7");
                    assertThat(worker.getThreads()).isEqualTo(3);
                    assertThat(worker.getStages()).containsExactly("avatar", "broll", "assembly");
                    assertThat(worker.getLease()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(worker.getPollInterval()).isEqualTo(Duration.ofMillis(250));
                    assertThat(worker.getBatchSize()).isEqualTo(20);
                    assertThat(worker.isListen()).isFalse();
                    assertThat(worker.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
                    AcogProperties.Pipeline pipeline = properties.getPipeline();
                    assertThat(pipeline.getMaxRetries()).isEqualTo(5);
                    assertThat(pipeline.getProviderLimitWait()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(pipeline.getRunningAfter()).isEqualTo(Duration.ZERO);
                    assertThat(pipeline.getRenderCallbackUrl())
                            .isEqualTo(URI.create("https://host.example/acog/webhooks/"));
                    assertThat(pipeline.getMonthlyBudgetUsd()).isEqualByComparingTo(new BigDecimal("12.50"));
                    assertThat(properties.getStorage().getLocalDirectory()).isEqualTo("/var/lib/acog/assets");
                    assertThat(properties.getWebhooks().isEnabled()).isTrue();
                    assertThat(properties.getWebhooks().getPath()).isEqualTo("/hooks/render");
                    assertThat(properties.getProviders()).containsEntry("recording.api-key", "key-from-properties");
                    // the pipeline was built with them (a bad one would have failed the build)
                    assertThat(context).hasSingleBean(EpisodePipeline.class);
                });
    }

    @Test
    void theDocumentedEmptyDefaultsBind() {
        runner().withPropertyValues(
                        "acog.schema=",
                        "acog.worker.name=",
                        "acog.worker.stages=",
                        "acog.pipeline.max-retries=",
                        "acog.pipeline.running-after=",
                        "acog.pipeline.render-callback-url=",
                        "acog.pipeline.monthly-budget-usd=")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AcogProperties properties = context.getBean(AcogProperties.class);
                    assertThat(properties.getSchema()).isNull();
                    assertThat(properties.getWorker().getName()).isNull();
                    assertThat(properties.getWorker().getStages()).isEmpty();
                    assertThat(properties.getPipeline().getMaxRetries()).isNull();
                    assertThat(properties.getPipeline().getRunningAfter()).isNull();
                    assertThat(properties.getPipeline().getRenderCallbackUrl()).isNull();
                    assertThat(properties.getPipeline().getMonthlyBudgetUsd()).isNull();
                    // and the defaults of the rest
                    assertThat(properties.getWorker().getThreads()).isEqualTo(4);
                    assertThat(properties.getWorker().getLease()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(properties.getWorker().getPollInterval()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(properties.getWorker().getBatchSize()).isEqualTo(100);
                    assertThat(properties.getWorker().getShutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(properties.getPipeline().getProviderLimitWait()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(properties.getStorage().getLocalDirectory()).isEqualTo("./acog-assets");
                    assertThat(properties.getWebhooks().isEnabled()).isFalse();
                    assertThat(properties.getWebhooks().getPath()).isEqualTo("/acog/webhooks");
                });
    }

    @Test
    void providerSettingsReachThePluginsUnderTheirKeys() {
        runner().withPropertyValues(
                        "acog.providers.recording.api-key=key-from-properties",
                        "acog.providers.recording.model.plan=planner-2",
                        "acog.providers.elevenlabs.api-key=eleven-key")
                // as an environment variable: ACOG_PROVIDERS_RECORDING_WEBHOOK_SECRET
                .withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .replace(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                new SystemEnvironmentPropertySource(
                                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                        Map.of("ACOG_PROVIDERS_RECORDING_WEBHOOK_SECRET", "secret-from-env"))))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(EpisodePipeline.class);
                    assertThat(RecordingPlugin.SEEN)
                            .containsOnly(
                                    Map.entry("recording.api-key", "key-from-properties"),
                                    Map.entry("recording.model.plan", "planner-2"),
                                    Map.entry("recording.webhook-secret", "secret-from-env"),
                                    Map.entry("elevenlabs.api-key", "eleven-key"));
                });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "acog.worker.threads|0|1 or more",
                "acog.worker.stages|avatar_video|planning, scripting, script_review",
                "acog.pipeline.monthly-budget-usd|-5|zero or more",
                "acog.worker.lease|30 parsecs|",
                "acog.worker.lease|500ms|at least 1s",
                "acog.worker.batch-size|1001|between 1 and 1000",
                "acog.worker.poll-interval|1ms|at least 5ms",
                "acog.worker.shutdown-timeout|-1s|zero or more",
                "acog.pipeline.max-retries|-1|0 or more",
                "acog.pipeline.provider-limit-wait|0s|positive",
                "acog.pipeline.running-after|-1s|zero or more",
                "acog.pipeline.render-callback-url|ftp://host/hooks|absolute https",
                "acog.schema|Acog-Schema|unquoted PostgreSQL identifier",
                "acog.webhooks.path|acog/webhooks|start with /",
                "acog.webhooks.path|/acog/webhooks/|not end with /",
                "acog.providers.offline.media|cinematic|",
                "acog.providers.offline.latency|-1s|zero or more",
            })
    void aWrongValueFailsStartUpNamingThePropertyAndTheValue(String property, String value, String limit) {
        runner().withPropertyValues(property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            String messages = messages(context.getStartupFailure());
            assertThat(messages).contains(property).contains(value);
            if (limit != null) {
                assertThat(messages).contains(limit);
            }
        });
    }

    @Test
    void anUnknownStageNamesTheStagesThereAre() {
        runner().withPropertyValues("acog.worker.stages=planning,avatar_video").run(context -> {
            assertThat(context).hasFailed();
            String messages = messages(context.getStartupFailure());
            for (PipelineStage stage : PipelineStage.values()) {
                assertThat(messages).contains(stage.label());
            }
        });
    }

    /**
     * The messages of a failure and its causes, with the property and value a bind failure holds:
     * what Spring Boot's start-up report shows ("Property: ... Value: ... Reason: ...").
     */
    private static String messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.add(cause.getMessage());
            if (cause instanceof BindException bind && bind.getProperty() != null) {
                messages.add("Property: " + bind.getProperty().getName() + " Value: "
                        + bind.getProperty().getValue());
            }
        }
        return String.join("\n", messages);
    }
}
