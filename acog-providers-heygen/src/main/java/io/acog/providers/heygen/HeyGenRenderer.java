package io.acog.providers.heygen;

import io.acog.providers.http.ProviderHttp;
import io.acog.spi.AssetStorage;
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
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code avatar} stage on HeyGen's v3 API: the channel's avatar lip-synced to the episode's
 * whole narration, submitted, then polled (or prompted by HeyGen's webhook).
 *
 * <p>{@link #submit} sends the audio as HeyGen takes it (the storage's shareable URL as {@code
 * audio_url}, else the file uploaded to {@code POST /v3/assets}) and creates the render with the
 * call's idempotency key, saving the asset's and the render's ids in the job's checkpoint the
 * moment HeyGen answers: a submit that finds a render in the checkpoint returns it without another
 * request, so a crash or a retry never pays for a second render. {@link #poll} downloads a
 * completed video at once (its presigned link expires) with {@link ProviderHttp#downloadMp4},
 * under {@code heygen.download-timeout}, and prices it from {@code heygen.price-per-minute}. A
 * failed download is retryable: the next poll gets a fresh link.
 * HeyGen cannot stop a render: {@link #cancel} says so. Thread-safe: calls share the HTTP client
 * and the webhooks' replay memory only.
 */
final class HeyGenRenderer implements AvatarRenderer, RenderWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(HeyGenRenderer.class);

    /** The largest file {@code POST /v3/assets} takes. */
    static final int MAX_UPLOAD_BYTES = 32 * 1024 * 1024;

    /** What the video's download is called in messages. */
    static final String DOWNLOAD = "video download";

    /** What the pipeline stores the render as. */
    static final String FILE_NAME = "avatar.mp4";

    /** The longest wait between polls of a long render. */
    static final Duration LONGEST_POLL = Duration.ofSeconds(60);

    private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);

    private final HeyGenSettings settings;
    private final HeyGenClient client;
    private final ProviderHttp http;
    private final HeyGenWebhooks webhooks;
    private final Clock clock;

    HeyGenRenderer(HeyGenSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = ProviderHttp.builder(HeyGenSettings.NAME)
                .connectTimeout(settings.connectTimeout())
                .requestTimeout(settings.timeout())
                .downloadTimeout(settings.downloadTimeout())
                .secrets(settings.apiKey(), settings.webhookSecret())
                .clock(clock)
                .build();
        this.client = new HeyGenClient(http, settings);
        this.webhooks = new HeyGenWebhooks(settings.webhookSecret(), settings.webhookTolerance(), clock);
    }

    @Override
    public String name() {
        return HeyGenSettings.NAME;
    }

    /**
     * Returns the account's concurrent renders, {@code heygen.concurrent-requests}, as the fleet's
     * limit of calls in flight. (HeyGen counts renders until they end; over its limit a create is
     * answered 429 with a {@code Retry-After}, which is retried.)
     */
    @Override
    public ProviderLimits limits() {
        return ProviderLimits.none().withConcurrentRequests(settings.concurrentRequests());
    }

    /** HeyGen renders the audio whole: the video runs as long as the narration. */
    @Override
    public Coverage coverage() {
        return Coverage.NARRATION;
    }

    @Override
    public RenderTask submit(AvatarRequest request, ProviderCall call) {
        RenderCheckpoint checkpoint = RenderCheckpoint.read(call.checkpoint());
        if (checkpoint.videoId() != null) {
            LOG.info(
                    "HeyGen already renders video {} for episode {}: resuming it, no second render",
                    checkpoint.videoId(),
                    call.episodeId());
            return new RenderTask(checkpoint.videoId(), settings.pollInterval());
        }
        CreateVideoBody body =
                CreateVideoBody.of(request, title(request, call), call.idempotencyKey(), settings.resolution());
        if (!body.ignored().isEmpty()) {
            LOG.warn(
                    "HeyGen's v3 API has no field for avatar_profile {} of channel '{}': not sent (a background"
                            + " must be a #rrggbb colour, an image URL or {type, value | url | asset_id})",
                    body.ignored(),
                    request.channel().name());
        }
        stopIfCancelled(call);
        CreateVideoBody.AudioSource audio;
        if (request.audioUrl() != null) {
            audio = CreateVideoBody.AudioSource.url(request.audioUrl().toString());
        } else if (checkpoint.assetId() != null) {
            audio = CreateVideoBody.AudioSource.asset(checkpoint.assetId());
        } else {
            String assetId = upload(request.audio(), call.storage());
            checkpoint = checkpoint.withAssetId(assetId);
            call.saveCheckpoint(checkpoint.json());
            audio = CreateVideoBody.AudioSource.asset(assetId);
        }
        stopIfCancelled(call); // the create is what is paid for
        String videoId = client.createVideo(
                body.withAudio(audio), HeyGenClient.idempotencyKey(call.idempotencyKey(), checkpoint.failedRenders()));
        call.saveCheckpoint(checkpoint.withVideoId(videoId).json()); // before anything else
        LOG.info(
                "HeyGen renders video {} for episode {} ({} audio{})",
                videoId,
                call.episodeId(),
                audio.audioUrl() != null ? "fetched" : "uploaded",
                checkpoint.failedRenders() == 0 ? "" : ", after " + checkpoint.failedRenders() + " failed render(s)");
        return new RenderTask(videoId, settings.pollInterval());
    }

    @Override
    public RenderProgress poll(String taskId, ProviderCall call) {
        VideoStatus status = client.status(taskId);
        return switch (status.state()) {
            case RENDERING -> {
                Duration next = nextPoll(settings.pollInterval(), status.createdAt(), clock.instant());
                LOG.debug("HeyGen video {} is still rendering; asking again in {}", taskId, next);
                yield RenderProgress.pending(next, 0);
            }
            case COMPLETED -> done(taskId, status);
            case FAILED -> failed(taskId, status, call);
        };
    }

    /** HeyGen has no way to stop a render ({@code DELETE} removes a finished video): nothing is sent. */
    @Override
    public Cancellation cancel(String taskId, ProviderCall call) {
        LOG.info("HeyGen cannot stop render {}: it runs to its end and is billed", taskId);
        return Cancellation.NOT_SUPPORTED;
    }

    @Override
    public Optional<WebhookEvent> receive(WebhookDelivery delivery) {
        return webhooks.receive(delivery);
    }

    /**
     * Returns how long to wait before the next poll: {@code heygen.poll-interval}, growing with the
     * render's age (a tenth of it) up to a minute, so a long render is asked about less often.
     *
     * @param interval the configured interval, the least wait
     * @param createdAt when the render was created, in Unix seconds; null when unknown
     * @param now the time now
     * @return the wait
     */
    static Duration nextPoll(Duration interval, Long createdAt, Instant now) {
        if (createdAt == null || interval.compareTo(LONGEST_POLL) >= 0) {
            return interval;
        }
        Duration age = Duration.between(Instant.ofEpochSecond(createdAt), now);
        Duration grown = age.dividedBy(10);
        if (grown.compareTo(interval) <= 0) {
            return interval;
        }
        return grown.compareTo(LONGEST_POLL) < 0 ? grown : LONGEST_POLL;
    }

    private RenderProgress done(String taskId, VideoStatus status) {
        FileMedia media = http.downloadMp4(status.videoUrl(), FILE_NAME, DOWNLOAD);
        BigDecimal seconds = status.durationSeconds();
        Usage usage;
        if (seconds == null) {
            LOG.warn("HeyGen gave no duration for video {}: its cost is not known", taskId);
            usage = Usage.none();
        } else {
            BigDecimal cost =
                    settings.pricePerMinute().multiply(seconds).divide(SECONDS_PER_MINUTE, MathContext.DECIMAL64);
            usage = Usage.cost(cost).withSeconds(seconds);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("heygen_video_id", taskId);
        if (status.videoPageUrl() != null) {
            metadata.put("heygen_video_page", status.videoPageUrl());
        }
        long durationMs = seconds == null
                ? 0
                : seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        LOG.info("HeyGen video {} is done: {} s, {} bytes downloaded", taskId, seconds, media.size());
        return new RenderProgress.Done(media, durationMs, usage, metadata);
    }

    private RenderProgress failed(String taskId, VideoStatus status, ProviderCall call) {
        boolean retryable = RenderFailures.retryable(status.failureCode());
        RenderCheckpoint checkpoint = RenderCheckpoint.read(call.checkpoint());
        if (taskId.equals(checkpoint.videoId())) {
            // the next submit creates another render, under another idempotency key
            call.saveCheckpoint(checkpoint.withRenderFailed().json());
        }
        String message = status.failureMessage() != null ? status.failureMessage() : "HeyGen gave no reason";
        LOG.info(
                "HeyGen gave up on video {} ({}): {}; {}",
                taskId,
                status.failureCode(),
                message,
                retryable ? "worth another render" : "another render would fail the same way");
        return RenderProgress.failed(status.failureCode(), message, retryable);
    }

    /** Reads the audio from storage and uploads it: at most 32 MB of MP3 or WAV. */
    private String upload(URI audio, AssetStorage storage) {
        byte[] bytes;
        try (InputStream in = storage.open(audio)) {
            bytes = in.readNBytes(MAX_UPLOAD_BYTES + 1);
        } catch (IOException e) {
            throw new ProviderException(
                    HeyGenSettings.NAME,
                    Reason.UNAVAILABLE,
                    true,
                    "the episode's audio cannot be read from the " + storage.name() + " storage: " + e.getMessage(),
                    null,
                    e);
        }
        if (bytes.length > MAX_UPLOAD_BYTES) {
            throw ProviderException.permanent(
                    HeyGenSettings.NAME,
                    Reason.INVALID_REQUEST,
                    "the episode's audio is larger than the 32 MB HeyGen's asset upload takes; use a storage that"
                            + " gives shareable URLs (S3), so that HeyGen fetches the audio itself");
        }
        String path = audio.getPath() == null ? "" : audio.getPath().toLowerCase(Locale.ROOT);
        boolean wav = path.endsWith(".wav");
        String assetId = client.uploadAudio(wav ? "voice.wav" : "voice.mp3", wav ? "audio/wav" : "audio/mpeg", bytes);
        LOG.debug("HeyGen took the episode's audio ({} bytes) as asset {}", bytes.length, assetId);
        return assetId;
    }

    private static String title(AvatarRequest request, ProviderCall call) {
        String channel = request.channel().name();
        String episode = call.episodeId() == null ? null : call.episodeId().toString();
        if (channel == null && episode == null) {
            return null;
        }
        String title = (channel == null ? "ACOG" : channel) + (episode == null ? "" : " — episode " + episode);
        return title.length() <= 200 ? title : title.substring(0, 200);
    }

    private void stopIfCancelled(ProviderCall call) {
        if (call.cancelRequested()) {
            throw ProviderException.permanent(
                    name(), Reason.INVALID_REQUEST, "the episode was cancelled; no HeyGen render was started");
        }
    }

    @Override
    public String toString() {
        return "HeyGenRenderer[" + settings.baseUrl() + ", resolution "
                + (settings.resolution() == null ? "from the frame" : settings.resolution()) + ", webhooks "
                + (webhooks.configured() ? "verified" : "not configured") + "]";
    }
}
