package io.acog.providers.synthesia;

import io.acog.spi.AvatarRenderer;
import io.acog.spi.Cancellation;
import io.acog.spi.FileMedia;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.ProviderLimits;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.spi.RenderWebhooks;
import io.acog.spi.Usage;
import io.acog.spi.WebhookDelivery;
import io.acog.spi.WebhookEvent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code avatar} stage on Synthesia: the episode's narration is uploaded as script audio, and
 * one video is created in which the channel's avatar speaks all of it ({@link Coverage#NARRATION}:
 * Synthesia renders a clip's whole audio, so the video runs as long as the narration). The video is
 * polled until complete, then downloaded at once, its link being time-limited.
 *
 * <p>Synthesia takes no idempotency key, so the audio's and the video's ids are saved in the job's
 * checkpoint the moment Synthesia gives them: a submit whose checkpoint holds a video returns it
 * without creating another, and one holding the audio only does not upload it again. A video that
 * fails at Synthesia is let go of in the checkpoint, so a retry creates a new one.
 *
 * <p>Synthesia documents no way to stop a render ({@code DELETE /v2/videos/{id}} deletes a video;
 * the docs do not say it stops one rendering or refunds it), so {@link #cancel} says {@link
 * Cancellation#NOT_SUPPORTED} without a request. Thread-safe: calls share nothing but the HTTP
 * client and the webhook replay guard.
 */
final class SynthesiaRenderer implements AvatarRenderer, RenderWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(SynthesiaRenderer.class);

    private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);

    private final SynthesiaSettings settings;
    private final SynthesiaClient client;
    private final SynthesiaWebhooks webhooks;

    SynthesiaRenderer(SynthesiaSettings settings, Clock clock) {
        this.settings = settings;
        this.client = new SynthesiaClient(settings, clock);
        this.webhooks = new SynthesiaWebhooks(settings.webhookSecret(), settings, clock);
    }

    @Override
    public String name() {
        return SynthesiaSettings.NAME;
    }

    /**
     * Returns {@code synthesia.concurrent-requests} calls in flight (none by default: Synthesia
     * documents no such limit) and {@code synthesia.requests-per-minute} a minute (60, the Creator
     * plan's limit per endpoint, here counted over all of this adapter's calls), which ACOG keeps
     * the whole fleet within.
     */
    @Override
    public ProviderLimits limits() {
        return ProviderLimits.none()
                .withConcurrentRequests(settings.concurrentRequests())
                .withRequestsPerMinute(settings.requestsPerMinute());
    }

    /** Returns {@link Coverage#NARRATION}: Synthesia renders the whole uploaded audio of a clip. */
    @Override
    public Coverage coverage() {
        return Coverage.NARRATION;
    }

    @Override
    public RenderTask submit(AvatarRequest request, ProviderCall call) {
        RenderCheckpoint checkpoint = RenderCheckpoint.read(call.checkpoint());
        if (checkpoint.videoId() != null) {
            LOG.info(
                    "episode {}: Synthesia video {} was created by an earlier attempt; following it rather than"
                            + " creating (and paying for) another",
                    call.episodeId(),
                    checkpoint.videoId());
            return new RenderTask(checkpoint.videoId(), settings.pollInterval());
        }
        stopIfCancelled(call, "before anything was sent");
        VideoRequest video = VideoRequest.of(request, settings);
        if (checkpoint.audioId() == null) {
            String audioId;
            try (ScriptAudio audio = ScriptAudio.copy(call.storage(), request.audio())) {
                audioId = client.uploadScriptAudio(audio);
                LOG.debug(
                        "episode {}: uploaded {} bytes of narration to Synthesia as script audio {}",
                        call.episodeId(),
                        audio.size(),
                        audioId);
            }
            checkpoint = checkpoint.withAudio(audioId);
            call.saveCheckpoint(checkpoint.json());
        }
        stopIfCancelled(call, "after its audio was uploaded, before the video was created");
        String videoId =
                client.createVideo(video.body(checkpoint.audioId(), title(call), call.idempotencyKey(), settings));
        // Synthesia renders (and bills) from here on: keep the id before anything else can fail
        call.saveCheckpoint(checkpoint.withVideo(videoId).json());
        LOG.info(
                "episode {}: Synthesia renders video {} ({} avatar {}, {}{})",
                call.episodeId(),
                videoId,
                video.aspectRatio(),
                video.avatar(),
                video.language(),
                settings.test() ? ", a free watermarked test video" : "");
        return new RenderTask(videoId, settings.pollInterval());
    }

    @Override
    public RenderProgress poll(String taskId, ProviderCall call) {
        VideoStatus video = client.video(taskId);
        return switch (video.status()) {
            case VideoStatus.IN_PROGRESS, VideoStatus.APPROVED -> RenderProgress.pending(settings.pollInterval(), 0);
            case VideoStatus.COMPLETE -> done(taskId, video, call);
            case VideoStatus.ERROR ->
                failed(call, taskId, VideoStatus.ERROR, "Synthesia failed to render the video" + reason(video), true);
            case VideoStatus.REJECTED ->
                failed(
                        call,
                        taskId,
                        VideoStatus.REJECTED,
                        "Synthesia's moderation rejected the video's content" + reason(video),
                        false);
            case VideoStatus.DELETED ->
                failed(
                        call,
                        taskId,
                        VideoStatus.DELETED,
                        "the video was deleted at Synthesia (in STUDIO or through the API) before ACOG fetched it"
                                + reason(video),
                        false);
            default ->
                throw ProviderException.retryable(
                        name(),
                        Reason.SERVER_ERROR,
                        "Synthesia answered an unknown status '" + video.status() + "' for video " + taskId,
                        null);
        };
    }

    /**
     * Says {@link Cancellation#NOT_SUPPORTED} without a request: Synthesia documents no way to stop
     * a render, and deleting the video would only throw away what may be billed anyway.
     */
    @Override
    public Cancellation cancel(String taskId, ProviderCall call) {
        LOG.info(
                "Synthesia cannot stop a render: video {} renders to its end (and counts against the plan's"
                        + " minutes unless it is a test video); delete it in Synthesia STUDIO if it is not wanted",
                taskId);
        return Cancellation.NOT_SUPPORTED;
    }

    @Override
    public Optional<WebhookEvent> receive(WebhookDelivery delivery) {
        return webhooks.receive(delivery);
    }

    private RenderProgress done(String taskId, VideoStatus video, ProviderCall call) {
        if (video.download() == null) {
            throw ProviderException.retryable(
                    name(),
                    Reason.SERVER_ERROR,
                    "Synthesia says video " + taskId + " is complete but gives no download link",
                    null);
        }
        FileMedia media = client.download(video.download());
        long durationMs = video.durationMs();
        Usage usage = usage(durationMs);
        if (durationMs < 0) {
            LOG.warn(
                    "episode {}: Synthesia gave video {} no readable duration; its cost is not known",
                    call.episodeId(),
                    taskId);
        }
        LOG.info(
                "episode {}: Synthesia video {} is done ({} ms, {} bytes)",
                call.episodeId(),
                taskId,
                durationMs,
                media.size());
        call.progress(1);
        return new RenderProgress.Done(
                media,
                durationMs,
                usage,
                Map.of("synthesia_video_id", taskId, "synthesia_test", Boolean.toString(settings.test())));
    }

    /**
     * The video's usage: its seconds, and its price at {@code synthesia.price-per-minute} (nothing
     * for a test video). Without a duration, the seconds and the cost are unknown.
     */
    private Usage usage(long durationMs) {
        if (durationMs < 0) {
            return settings.test() ? Usage.cost(BigDecimal.ZERO) : Usage.none();
        }
        BigDecimal seconds = BigDecimal.valueOf(durationMs).movePointLeft(3);
        BigDecimal cost = settings.test()
                ? BigDecimal.ZERO
                : settings.pricePerMinute().multiply(seconds).divide(SECONDS_PER_MINUTE, MathContext.DECIMAL64);
        return Usage.cost(cost).withSeconds(seconds);
    }

    /** A failed video is let go of in the checkpoint, so that a retry of the job creates a new one. */
    private RenderProgress failed(ProviderCall call, String taskId, String code, String error, boolean retryable) {
        RenderCheckpoint checkpoint = RenderCheckpoint.read(call.checkpoint());
        if (taskId.equals(checkpoint.videoId())) {
            call.saveCheckpoint(checkpoint.withoutVideo().json());
        }
        LOG.warn("episode {}: Synthesia video {} ended {}: {}", call.episodeId(), taskId, code, error);
        return RenderProgress.failed(code, error, retryable);
    }

    private static String reason(VideoStatus video) {
        return video.reason() == null ? "" : ": " + video.reason();
    }

    private void stopIfCancelled(ProviderCall call, String when) {
        if (call.cancelRequested()) {
            throw ProviderException.permanent(
                    name(),
                    Reason.INVALID_REQUEST,
                    "the episode was cancelled; its video was not created (" + when + ")");
        }
    }

    /** The video's title on Synthesia: which episode it is, nothing more. */
    private static String title(ProviderCall call) {
        return "ACOG episode " + call.episodeId();
    }

    @Override
    public String toString() {
        return "SynthesiaRenderer[" + settings + "]";
    }
}
