package io.acog.providers.youtube;

import io.acog.providers.http.AdapterSettings;
import io.acog.providers.http.ProviderHttp;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.ProviderLimits;
import io.acog.spi.Publisher;
import io.acog.spi.Usage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes to YouTube with the Data API v3: the video by a resumable upload that a later attempt
 * resumes (see {@link ResumableUpload}), then its thumbnail and captions, each recorded in the
 * job's checkpoint as it is done so that a retry repeats nothing.
 *
 * <p>A publication costs no money: YouTube charges quota, not dollars, so its {@link Usage} is
 * {@code 0}. Quota spent per episode: one {@code videos.insert} (counted in its own bucket of
 * about 100 a day per project in current docs; 1,600 units of the 10,000-unit daily quota in older
 * ones; the chunk {@code PUT}s and status queries of its session are part of it), plus 50 units for
 * {@code thumbnails.set} and 400 for {@code captions.insert} when the episode has them.
 *
 * <p>Once YouTube has the video, the publication stands: a thumbnail or captions that YouTube
 * refuses for good (a 4xx, e.g. an account not verified for custom thumbnails) are skipped with a
 * warning rather than failing an episode whose video is live; a retryable failure (quota, 5xx)
 * fails the attempt, and the next one does only what is left. A cancelled episode's upload stops
 * between chunks; once the video is in, the publication is returned (without thumbnail or captions)
 * so that the host records the live video. Thread-safe.
 */
final class YouTubePublisher implements Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(YouTubePublisher.class);

    private static final String WATCH_URL = "https://www.youtube.com/watch?v=";

    private final YouTubeSettings settings;
    private final ChannelCredentials credentials;
    private final ResumableUpload upload;
    private final Thumbnails thumbnails;
    private final CaptionTracks captions;

    YouTubePublisher(YouTubeSettings settings, AdapterSettings adapterSettings, Clock clock) {
        this.settings = settings;
        ProviderHttp http = ProviderHttp.builder(YouTubeSettings.NAME)
                .connectTimeout(settings.connectTimeout())
                .requestTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .secrets(settings.secrets())
                .clock(clock)
                .build();
        YouTubeErrors errors = new YouTubeErrors(http, clock);
        AccessTokens tokens = new AccessTokens(http, errors, settings.tokenUrl(), clock);
        YouTubeClient client = new YouTubeClient(http, tokens, errors);
        this.credentials = new ChannelCredentials(adapterSettings, settings.credential());
        this.upload = new ResumableUpload(client, settings.uploadBaseUrl(), settings.chunkSize());
        this.thumbnails = new Thumbnails(client, settings.uploadBaseUrl());
        this.captions = new CaptionTracks(client, settings.uploadBaseUrl());
    }

    @Override
    public String name() {
        return YouTubeSettings.NAME;
    }

    /**
     * Returns {@code youtube.uploads-per-day} uploads a day (100 unless set), the day beginning at
     * midnight Pacific time, as YouTube's quota day does.
     *
     * @return the limits
     */
    @Override
    public ProviderLimits limits() {
        return ProviderLimits.none()
                .withRequestsPerDay(settings.uploadsPerDay())
                .withQuotaDay(YouTubeErrors.QUOTA_DAY);
    }

    @Override
    public Publication publish(PublishRequest request, ProviderCall call) {
        UploadCheckpoint checkpoint = UploadCheckpoint.read(call.checkpoint());
        VideoResource resource = checkpoint.videoId() == null ? resource(request, call) : null;
        Credential credential = credentials.forChannel(request.channel());
        if (resource != null) {
            checkpoint = uploadVideo(request, call, credential, resource, checkpoint);
        }
        String videoId = checkpoint.videoId();
        boolean thumbnailLeft = request.thumbnail() != null && !checkpoint.thumbnailDone();
        boolean captionsLeft = request.captions() != null && !checkpoint.captionsDone();
        if ((thumbnailLeft || captionsLeft) && call.cancelRequested()) {
            LOG.warn(
                    "episode {}: cancelled after YouTube took the video: video {} is on YouTube, without the"
                            + " thumbnail or captions not yet added",
                    call.episodeId(),
                    videoId);
            return publication(videoId);
        }
        if (thumbnailLeft) {
            finishing(call, "thumbnail", videoId, () -> thumbnails.set(credential, videoId, request.thumbnail(), call));
            checkpoint = checkpoint.withThumbnailDone();
            call.saveCheckpoint(checkpoint.json());
        }
        if (captionsLeft) {
            finishing(
                    call,
                    "captions",
                    videoId,
                    () -> captions.insert(credential, videoId, request.captions(), request.language(), call));
            checkpoint = checkpoint.withCaptionsDone();
            call.saveCheckpoint(checkpoint.json());
        }
        return publication(videoId);
    }

    /** The video resource, checked against YouTube's limits before anything is sent. */
    private static VideoResource resource(PublishRequest request, ProviderCall call) {
        VideoResource resource = VideoResource.of(request);
        if (!resource.droppedTags().isEmpty()) {
            LOG.warn(
                    "episode {}: {} tags left out, as YouTube takes {} characters of tags at most: {}",
                    call.episodeId(),
                    resource.droppedTags().size(),
                    VideoResource.TAGS_LIMIT,
                    resource.droppedTags());
        }
        return resource;
    }

    private UploadCheckpoint uploadVideo(
            PublishRequest request,
            ProviderCall call,
            Credential credential,
            VideoResource resource,
            UploadCheckpoint checkpoint) {
        VideoFile video;
        try {
            video = VideoFile.copy(call.storage(), request.video());
        } catch (IOException e) {
            throw StoredFiles.unreadable(call.storage(), "the assembled video", e);
        }
        try (video) {
            if (video.size() == 0) {
                throw ProviderException.permanent(
                        YouTubeSettings.NAME, Reason.INVALID_REQUEST, "the assembled video is empty (0 bytes)");
            }
            return upload.upload(credential, resource, video, checkpoint, call);
        }
    }

    /** A step after the upload: done, or skipped with a warning when YouTube refuses it for good. */
    private static void finishing(ProviderCall call, String what, String videoId, Runnable step) {
        try {
            step.run();
        } catch (ProviderException e) {
            if (e.retryable()) {
                throw e;
            }
            LOG.warn(
                    "episode {}: YouTube refused the {} of video {} for good; skipped: {}",
                    call.episodeId(),
                    what,
                    videoId,
                    e.getMessage());
        }
    }

    private static Publication publication(String videoId) {
        return new Publication(WATCH_URL + videoId, videoId, Usage.cost(BigDecimal.ZERO));
    }

    @Override
    public String toString() {
        return "YouTubePublisher[" + settings.uploadBaseUrl() + ", chunks of " + settings.chunkSize() + " bytes]";
    }
}
