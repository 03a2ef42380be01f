package io.acog.providers.youtube;

import io.acog.spi.ProviderCall;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A video's custom thumbnail: {@code POST /upload/youtube/v3/thumbnails/set?videoId=} with the
 * image (JPEG or PNG, at most 2 MB; 50 quota units). A larger image is skipped with a warning, and
 * the video keeps the frame YouTube picks. Thread-safe.
 */
final class Thumbnails {

    private static final Logger LOG = LoggerFactory.getLogger(Thumbnails.class);

    /** YouTube takes thumbnails of at most 2 MB. */
    static final int LIMIT = 2 * 1024 * 1024;

    private static final String WHAT = "thumbnails.set";

    private final YouTubeClient client;
    private final URI uploadBaseUrl;

    Thumbnails(YouTubeClient client, URI uploadBaseUrl) {
        this.client = client;
        this.uploadBaseUrl = uploadBaseUrl;
    }

    /**
     * Sets the video's thumbnail.
     *
     * @param credential the channel's credentials
     * @param videoId the video
     * @param image the image, in the call's storage
     * @param call the call
     * @return whether it was set; false when the image is too large
     * @throws io.acog.spi.ProviderException when YouTube refuses it, or the image cannot be read
     */
    boolean set(Credential credential, String videoId, URI image, ProviderCall call) {
        byte[] bytes = StoredFiles.read(call.storage(), image, LIMIT, "the thumbnail");
        if (bytes.length > LIMIT) {
            LOG.warn(
                    "episode {}: the thumbnail is larger than the {} bytes YouTube takes; video {} keeps the frame"
                            + " YouTube picks",
                    call.episodeId(),
                    LIMIT,
                    videoId);
            return false;
        }
        URI uri = URI.create(uploadBaseUrl + "/upload/youtube/v3/thumbnails/set?uploadType=media&videoId="
                + URLEncoder.encode(videoId, StandardCharsets.UTF_8));
        String type = StoredFiles.imageType(image);
        client.send(
                credential,
                () -> client.http()
                        .request(uri)
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)),
                WHAT);
        LOG.info("episode {}: thumbnail set on YouTube video {}", call.episodeId(), videoId);
        return true;
    }
}
