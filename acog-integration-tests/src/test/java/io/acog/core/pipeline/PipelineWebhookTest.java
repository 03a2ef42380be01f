package io.acog.core.pipeline;

import static io.acog.core.pipeline.PipelineTesting.awaitNoLiveJobs;
import static io.acog.core.pipeline.PipelineTesting.jobs;
import static io.acog.testing.Waiting.patiently;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.ValidationException;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.job.Job;
import io.acog.core.job.JobStatus;
import io.acog.core.job.JobWorker;
import io.acog.providers.offline.OfflineProviders;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.Cancellation;
import io.acog.spi.ProviderCall;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.spi.RenderWebhooks;
import io.acog.spi.WebhookDelivery;
import io.acog.spi.WebhookEvent;
import io.acog.spi.WebhookRejectedException;
import io.acog.testkit.postgres.AcogPostgres;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A host's webhook endpoint hands each POST to {@link EpisodePipeline#webhook}: the provider's
 * adapter verifies it, and a genuine one about a render wakes that render's job at once; a rejected
 * one wakes nothing.
 */
@AcogPostgres
class PipelineWebhookTest extends PipelineTestCase {

    private static final String TOKEN = "toy-webhook-secret";

    @Test
    void aGenuineDeliveryWakesTheRenderAndARejectedOneDoesNot() throws Exception {
        // renders that are checked again only in an hour, unless a webhook says they ended
        OfflineProviders offline =
                PipelineTesting.offline().renderPolls(1, Duration.ofHours(1)).build();
        SignedAvatar avatar = new SignedAvatar(offline.avatarRenderer());
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog)
                        // one endpoint per provider: the provider's name is appended
                        .renderCallbackUrl(java.net.URI.create("https://host.example/acog/webhooks/"))
                        .avatarRenderer(avatar))
                .assetStorage(new LocalFileStorage(storage))
                .build();
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());
        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            patiently().until(() -> avatarTask(episode.id()) != null);
            String task = avatarTask(episode.id());
            assertThat(avatar.callbackUrl).hasToString("https://host.example/acog/webhooks/offline");
            Job waiting = jobs(acog, episode.id(), PipelineStage.AVATAR).get(0);
            assertThat(waiting.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(waiting.runAfter())
                    .isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(50));

            // forged: the adapter's rejection reaches the host, and the job still waits its hour
            assertThatThrownBy(() -> pipeline.webhook("offline", delivery("forged", "ended:" + task)))
                    .isInstanceOfSatisfying(
                            WebhookRejectedException.class,
                            rejected -> assertThat(rejected.reason())
                                    .isEqualTo(WebhookRejectedException.Reason.BAD_SIGNATURE))
                    .hasMessageNotContaining(TOKEN);
            assertThat(jobs(acog, episode.id(), PipelineStage.AVATAR).get(0).runAfter())
                    .isEqualTo(waiting.runAfter());
            // genuine but about something the pipeline does not follow
            assertThat(pipeline.webhook("offline", delivery(TOKEN, "other:" + task)))
                    .isFalse();
            // no such provider
            assertThatThrownBy(() -> pipeline.webhook("heygen", delivery(TOKEN, "ended:" + task)))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("'heygen'")
                    .hasMessageContaining("[offline]");

            assertThat(pipeline.webhook("offline", delivery(TOKEN, "ended:" + task)))
                    .as("a job waited for the render")
                    .isTrue();
            // the offline render needs two polls: the first, at once, finds it still going, and a
            // later delivery wakes it again long before its hour is up (deliveries until it ends:
            // one that comes before the first poll only wakes a job already awake)
            patiently().until(() -> {
                pipeline.webhook("offline", delivery(TOKEN, "ended:" + task));
                return jobs(acog, episode.id(), PipelineStage.AVATAR).stream()
                        .allMatch(job -> job.status() == JobStatus.COMPLETED);
            });
            // a render that is done waits for nothing any more
            assertThat(pipeline.webhook("offline", delivery(TOKEN, "ended:" + task)))
                    .isFalse();
            // the b-roll renders have no webhooks here: the test ends without waiting their hour
            pipeline.cancel(episode.id());
            awaitNoLiveJobs(acog, episode.id());
        }
        assertThat(acog.episodes().get(episode.id()).status()).isEqualTo(EpisodeStatus.CANCELLED);
    }

    private static WebhookDelivery delivery(String token, String body) {
        return WebhookDelivery.of(Map.of("X-Toy-Token", token), body);
    }

    private String avatarTask(UUID episodeId) {
        return acog.episodes()
                .get(episodeId)
                .pipelineState()
                .stage(PipelineStage.AVATAR)
                .map(StageState::jobId)
                .orElse(null);
    }

    /**
     * The offline avatar with a toy webhook scheme: the header {@code X-Toy-Token} must hold the
     * secret, and the body says {@code ended:<task>} or something else.
     */
    private static final class SignedAvatar implements AvatarRenderer, RenderWebhooks {

        private final AvatarRenderer avatar;
        volatile java.net.URI callbackUrl;

        SignedAvatar(AvatarRenderer avatar) {
            this.avatar = avatar;
        }

        @Override
        public Optional<WebhookEvent> receive(WebhookDelivery delivery) {
            if (!delivery.header("x-toy-token").orElse("").equals(TOKEN)) {
                throw new WebhookRejectedException(
                        name(), WebhookRejectedException.Reason.BAD_SIGNATURE, "the token does not match");
            }
            String body = delivery.bodyText();
            return body.startsWith("ended:")
                    ? Optional.of(new WebhookEvent(body.substring("ended:".length()), "ended"))
                    : Optional.empty();
        }

        @Override
        public String name() {
            return avatar.name();
        }

        @Override
        public boolean serves(String requested) {
            return true;
        }

        @Override
        public Coverage coverage() {
            return avatar.coverage();
        }

        @Override
        public RenderTask submit(AvatarRequest request, ProviderCall call) {
            callbackUrl = request.callbackUrl();
            return avatar.submit(request, call);
        }

        @Override
        public RenderProgress poll(String taskId, ProviderCall call) {
            return avatar.poll(taskId, call);
        }

        @Override
        public Cancellation cancel(String taskId, ProviderCall call) {
            return avatar.cancel(taskId, call);
        }
    }
}
