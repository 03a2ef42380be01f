package io.acog.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.acog.core.Acog;
import io.acog.core.asset.AssetRepository;
import io.acog.core.channel.ChannelRepository;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeRepository;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.JobStatus;
import io.acog.core.job.JobTracker;
import io.acog.core.maintenance.Maintenance;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.core.pulse.PulseEventRepository;
import io.acog.jooq.AcogSchema;
import io.acog.jooq.SchemaStatus;
import io.acog.micrometer.AcogMetrics;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.PostgresServer;
import io.acog.testkit.postgres.TestDatabase;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A host application with a DataSource, the actuator, Micrometer, the offline providers and a
 * couple of listener beans: ACOG migrates its fresh database, an episode created and started
 * through the beans is published by the worker the starter started, the listener beans hear it,
 * the health endpoint and the meters report it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AcogEndToEndTest {

    /** A provider setting the host configured: a secret, never to be shown. */
    private static final String SECRET = "sk-live-starter-test-do-not-show";

    private TestDatabase database;
    private ConfigurableApplicationContext host;
    private Episode published;

    @BeforeAll
    void start() {
        database = PostgresServer.shared().createEmptyDatabase();
        host = Hosts.web(database, new Class<?>[] {Recorders.class}, "acog.providers.heygen.api-key=" + SECRET);
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
        database.close();
    }

    @Test
    @Order(1)
    void theFreshDatabaseIsMigratedAtStartUp() {
        SchemaStatus status = AcogSchema.status(host.getBean(DataSource.class));
        assertThat(status.upToDate()).as("%s", status).isTrue();
    }

    @Test
    @Order(2)
    void everyBeanIsThere() {
        for (Class<?> type : List.of(
                Acog.class,
                EpisodePipeline.class,
                ChannelRepository.class,
                EpisodeRepository.class,
                AssetRepository.class,
                PulseEventRepository.class,
                JobTracker.class,
                Maintenance.class,
                AcogMetrics.class)) {
            assertThat(host.getBeansOfType(type)).as(type.getSimpleName()).hasSize(1);
        }
        Acog acog = host.getBean(Acog.class);
        assertThat(host.getBean(JobTracker.class)).isSameAs(acog.jobs());
        assertThat(host.getBean(EpisodePipeline.class).providers().get("contentWriter"))
                .containsExactly("offline");
    }

    @Test
    @Order(3)
    void anEpisodeStartedThroughTheBeansIsPublishedByTheStartersWorker() {
        Acog acog = host.getBean(Acog.class);
        EpisodePipeline pipeline = host.getBean(EpisodePipeline.class);
        Episode episode = new AcogFixtures(acog).episode().create();

        pipeline.start(episode.id());

        published = await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> acog.episodes().get(episode.id()), now -> now.status() == EpisodeStatus.PUBLISHED);
        assertThat(Hosts.jobs(acog, episode.id()))
                .isNotEmpty()
                .allSatisfy(job -> assertThat(job.status()).isEqualTo(JobStatus.COMPLETED));
        // the host's listener beans heard it: the pipeline's and the worker's
        Recorders.StatusRecorder statuses = host.getBean(Recorders.StatusRecorder.class);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(statuses.of(episode.id())).endsWith(EpisodeStatus.PUBLISHED));
        Recorders.JobRecorder jobs = host.getBean(Recorders.JobRecorder.class);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jobs.stagesOf(episode.id())).containsExactly(PipelineStage.values()));
    }

    @Test
    @Order(4)
    void theHealthEndpointReportsUpWithTheDetails() throws Exception {
        HttpResponse<String> response = Hosts.get(host, "/actuator/health/acog");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(SECRET);
        JsonNode health = new ObjectMapper().readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode details = health.path("details");
        String shipped = AcogSchema.status(host.getBean(DataSource.class)).shippedVersion();
        assertThat(details.path("schemaVersion").asText()).isEqualTo(shipped);
        assertThat(details.path("schema").asText()).isEqualTo("public");
        for (PipelineStage stage : PipelineStage.values()) {
            assertThat(details.path("queue").path(stage.label()).path("queued").isNumber())
                    .as(stage.label())
                    .isTrue();
            assertThat(details.path("queue").path(stage.label()).path("running").isNumber())
                    .as(stage.label())
                    .isTrue();
        }
        assertThat(details.path("longestWait").isObject()).isTrue();
        assertThat(details.path("expiredLeases").asLong(-1)).isZero();
        assertThat(details.path("worker").path("running").asBoolean()).isTrue();
        assertThat(details.path("worker").path("stages")).hasSize(PipelineStage.values().length);
        assertThat(details.path("providers").path("contentWriter").get(0).asText())
                .isEqualTo("offline");
        assertThat(details.path("providers").path("assetStorage").get(0).asText())
                .isEqualTo("local");

        // and as a component of the application's health
        HttpResponse<String> all = Hosts.get(host, "/actuator/health");
        assertThat(new ObjectMapper()
                        .readTree(all.body())
                        .path("components")
                        .path("acog")
                        .path("status")
                        .asText())
                .isEqualTo("UP");
        assertThat(all.body()).doesNotContain(SECRET);
    }

    @Test
    @Order(5)
    void theMetersAreRecordedWithTheirNamesAndTags() {
        assertThat(published).as("the episode of the earlier test").isNotNull();
        MeterRegistry registry = host.getBean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(positive(registry.find("acog.jobs.completed")
                            .tag("stage", "planning")
                            .meters()))
                    .isTrue();
            assertThat(registry.find("acog.provider.calls")
                            .tag("provider", "offline")
                            .tag("stage", "audio")
                            .meters())
                    .isNotEmpty()
                    .allSatisfy(
                            meter -> assertThat(meter.getId().getTag("kind")).isNotBlank())
                    .allSatisfy(
                            meter -> assertThat(meter.getId().getTag("outcome")).isNotBlank());
            assertThat(positive(registry.find("acog.episodes")
                            .tag("status", "published")
                            .meters()))
                    .isTrue();
            for (PipelineStage stage : PipelineStage.values()) {
                assertThat(registry.find("acog.queue.depth")
                                .tag("stage", stage.label())
                                .tag("status", "queued")
                                .meters())
                        .as(stage.label())
                        .isNotEmpty();
            }
        });
        // bounded tags: no meter of ACOG's names an episode or a job
        assertThat(registry.getMeters().stream()
                        .filter(meter -> meter.getId().getName().startsWith("acog."))
                        .flatMap(meter -> meter.getId().getTags().stream())
                        .map(Tag::getKey))
                .isNotEmpty()
                .doesNotContain("episode", "episode_id", "episodeId", "job", "job_id", "jobId");
    }

    @Test
    @Order(6)
    void theWebhookEndpointIsOffByDefault() {
        HttpResponse<String> response = Hosts.post(host, "/acog/webhooks/heygen", "{}");
        assertThat(response.statusCode()).isEqualTo(404);
    }

    /** Whether any of the meters measured something above zero. */
    private static boolean positive(java.util.Collection<Meter> meters) {
        return meters.stream()
                .flatMap(meter -> StreamSupport.stream(meter.measure().spliterator(), false))
                .anyMatch(measurement -> measurement.getValue() > 0);
    }
}
