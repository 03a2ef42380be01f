package io.acog.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acog.core.Acog;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.job.Job;
import io.acog.core.job.JobStatus;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.providers.offline.OfflineProviders;
import io.acog.spring.boot.AcogPipelineCustomizer;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.PostgresServer;
import io.acog.testkit.postgres.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook endpoint, enabled (that it is off by default is {@link AcogEndToEndTest}'s): a forged delivery is refused with the
 * adapter's status, an unknown provider is 404, and a genuine delivery (signed over the raw bytes)
 * wakes the render it names long before its next poll.
 */
class AcogWebhookTest {

    private static final String SECRET = "toy-webhook-secret";

    @Test
    void enabledItRefusesForgeriesAndPassesGenuineDeliveriesOn() {
        try (TestDatabase database = PostgresServer.shared().createEmptyDatabase();
                ConfigurableApplicationContext host = Hosts.web(
                        database,
                        new Class<?>[] {ToyRenders.class},
                        "acog.webhooks.enabled=true",
                        "acog.webhooks.path=/hooks",
                        "acog.pipeline.render-callback-url=https://host.example/hooks/")) {
            Acog acog = host.getBean(Acog.class);
            EpisodePipeline pipeline = host.getBean(EpisodePipeline.class);
            // the fixture's channel asks for the avatar provider 'heygen': the toy one of that name
            Episode episode = new AcogFixtures(acog).episode().create();
            pipeline.start(episode.id());
            String task =
                    await().atMost(Duration.ofMinutes(2)).until(() -> avatarTask(acog, episode.id()), Objects::nonNull);
            Job waiting = await().atMost(Duration.ofSeconds(30))
                    .until(() -> avatarJob(acog, episode.id()), job -> job.status() == JobStatus.QUEUED);
            assertThat(waiting.runAfter())
                    .isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(50));

            String body = "{\"event\":\"ended\",  \"task\":\"" + task + "\", \"note\":\"caf\u00e9 \u2713\"}";
            // forged: signed with another secret
            HttpResponse<String> forged = Hosts.post(
                    host,
                    "/hooks/heygen",
                    body,
                    "Content-Type",
                    "application/json",
                    "X-Toy-Signature",
                    ToyAvatar.sign("not-the-secret", body.getBytes(StandardCharsets.UTF_8)));
            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(forged.body()).isEqualTo("rejected: bad_signature").doesNotContain(task);
            assertThat(avatarJob(acog, episode.id()).runAfter()).isEqualTo(waiting.runAfter());
            // unsigned
            assertThat(Hosts.post(host, "/hooks/heygen", body).statusCode()).isEqualTo(401);
            // a provider that receives no webhooks here
            HttpResponse<String> unknown = Hosts.post(
                    host,
                    "/hooks/nobody",
                    body,
                    "X-Toy-Signature",
                    ToyAvatar.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)));
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).doesNotContain(task);

            // genuine, signed over the UTF-8 bytes sent, under a content type that claims another
            // charset: the endpoint hands the bytes over as they came, decoding and encoding
            // nothing, so the signature holds. Accepted, and the render is checked at once, not in
            // an hour; the offline render needs a second poll, so deliveries go on until it ended.
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                HttpResponse<String> genuine = Hosts.post(
                        host,
                        "/hooks/heygen",
                        body,
                        "Content-Type",
                        "text/plain; charset=ISO-8859-1",
                        "X-Toy-Signature",
                        ToyAvatar.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)));
                assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(202);
                return avatarJob(acog, episode.id()).status() == JobStatus.COMPLETED;
            });
            // the b-roll renders have no webhooks: the test ends without waiting their hour
            pipeline.cancel(episode.id());
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> acog.episodes().get(episode.id()).status() == EpisodeStatus.CANCELLED);
        }
    }

    private static String avatarTask(Acog acog, UUID episodeId) {
        return acog.episodes()
                .get(episodeId)
                .pipelineState()
                .stage(PipelineStage.AVATAR)
                .map(StageState::jobId)
                .orElse(null);
    }

    private static Job avatarJob(Acog acog, UUID episodeId) {
        return Hosts.jobs(acog, episodeId, PipelineStage.AVATAR).get(0);
    }

    /**
     * The host's offline providers, whose renders are checked again only after an hour unless a
     * webhook says they ended, and the toy avatar renderer named 'heygen' over them.
     */
    @Configuration(proxyBeanMethods = false)
    static class ToyRenders {

        @Bean
        OfflineProviders offlineProviders() {
            return OfflineProviders.builder()
                    .media(OfflineProviders.MediaMode.PLACEHOLDER)
                    .renderPolls(1, Duration.ofHours(1))
                    .build();
        }

        @Bean
        AcogPipelineCustomizer toyAvatar(OfflineProviders offline) {
            return pipeline -> pipeline.avatarRenderer(new ToyAvatar("heygen", offline.avatarRenderer(), SECRET));
        }
    }
}
