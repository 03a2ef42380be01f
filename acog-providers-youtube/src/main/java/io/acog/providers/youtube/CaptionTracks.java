package io.acog.providers.youtube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.providers.http.JsonBodies;
import io.acog.spi.ProviderCall;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A video's caption track: {@code POST /upload/youtube/v3/captions?uploadType=multipart&part=snippet}
 * with a {@code multipart/related} body, the {@code snippet {videoId, language, name}} then the SRT
 * file (400 quota units). The track is named after its language, in that language ("English",
 * "Deutsch"). Captions without a language (the channel's {@code platform_config.language}) or larger
 * than 10 MiB are skipped with a warning. Thread-safe.
 */
final class CaptionTracks {

    private static final Logger LOG = LoggerFactory.getLogger(CaptionTracks.class);

    /** Captions larger than this are no SRT of one video; YouTube's own limit is 100 MB. */
    static final int LIMIT = 10 * 1024 * 1024;

    private static final String WHAT = "captions.insert";

    private final YouTubeClient client;
    private final URI insertUri;

    CaptionTracks(YouTubeClient client, URI uploadBaseUrl) {
        this.client = client;
        this.insertUri = URI.create(uploadBaseUrl + "/upload/youtube/v3/captions?uploadType=multipart&part=snippet");
    }

    /**
     * Adds the captions to the video.
     *
     * @param credential the channel's credentials
     * @param videoId the video
     * @param captions the SRT file, in the call's storage
     * @param language the spoken language, e.g. {@code "en"}; null or blank skips the captions
     * @param call the call
     * @return whether they were added; false when skipped
     * @throws io.acog.spi.ProviderException when YouTube refuses them, or they cannot be read
     */
    boolean insert(Credential credential, String videoId, URI captions, String language, ProviderCall call) {
        if (language == null || language.isBlank()) {
            LOG.warn(
                    "episode {}: captions not added to YouTube video {}: YouTube needs their language, and the"
                            + " channel names none (platform_config.language)",
                    call.episodeId(),
                    videoId);
            return false;
        }
        byte[] srt = StoredFiles.read(call.storage(), captions, LIMIT, "the captions");
        if (srt.length > LIMIT) {
            LOG.warn(
                    "episode {}: captions not added to YouTube video {}: the file is larger than {} bytes",
                    call.episodeId(),
                    videoId,
                    LIMIT);
            return false;
        }
        String tag = language.strip();
        Locale locale = Locale.forLanguageTag(tag);
        String name = locale.getDisplayLanguage(locale);
        ObjectNode resource = JsonBodies.MAPPER.createObjectNode();
        ObjectNode snippet = resource.putObject("snippet");
        snippet.put("videoId", videoId);
        snippet.put("language", tag);
        snippet.put("name", name.isEmpty() ? tag : name);
        snippet.put("isDraft", false);

        String boundary = "acog-" + UUID.randomUUID();
        byte[] body = multipart(boundary, resource.toString(), srt);
        client.send(
                credential,
                () -> client.http()
                        .request(insertUri)
                        .header("Content-Type", "multipart/related; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                WHAT);
        LOG.info("episode {}: captions ({}) added to YouTube video {}", call.episodeId(), tag, videoId);
        return true;
    }

    /** The snippet as JSON, then the file: Google's multipart upload. */
    private static byte[] multipart(String boundary, String json, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + json.length() + 256);
        out.writeBytes(("--" + boundary + "\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n" + json + "\r\n--"
                        + boundary + "\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
