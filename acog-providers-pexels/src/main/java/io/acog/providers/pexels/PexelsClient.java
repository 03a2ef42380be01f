package io.acog.providers.pexels;

import com.fasterxml.jackson.databind.JsonNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ProviderHttp;
import io.acog.spi.FileMedia;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pexels' video API: {@code GET /videos/search} and {@code GET /videos/videos/{id}} (header {@code
 * Authorization: <key>}, no {@code Bearer}), each kept within the account's {@link RequestQuota},
 * and the download of a chosen file from its link (without the key: the link is signed, and the key
 * is not the CDN's business). Thread-safe.
 */
final class PexelsClient {

    /** What the search does, as messages name it. */
    static final String SEARCH = "Pexels video search";

    /** What the lookup of one video does, as messages name it. */
    static final String LOOKUP = "Pexels video lookup";

    private static final byte[] FTYP = "ftyp".getBytes(StandardCharsets.US_ASCII);

    private final ProviderHttp http;
    private final RequestQuota quota;
    private final Secret apiKey;
    private final String baseUrl;
    private final Duration downloadTimeout;

    PexelsClient(PexelsSettings settings, Clock clock) {
        this.apiKey = settings.apiKey();
        this.baseUrl = settings.baseUrl().toString();
        this.downloadTimeout = settings.downloadTimeout();
        this.quota = new RequestQuota(clock);
        this.http = ProviderHttp.builder(PexelsSettings.NAME)
                .connectTimeout(settings.connectTimeout())
                .requestTimeout(settings.timeout())
                .secrets(settings.apiKey())
                .clock(clock)
                .build();
    }

    /**
     * Searches videos.
     *
     * @param query the words to search for
     * @param orientation the frame's orientation
     * @param size the least size of video ({@code large}, {@code medium}, {@code small})
     * @param perPage how many to ask for, 1 to 80
     * @return the videos found, in Pexels' order; empty when none matches
     * @throws ProviderException when the call fails, or waits for the quota
     */
    List<StockVideo> search(String query, Orientation orientation, String size, int perPage) {
        String path = "/videos/search?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&orientation="
                + orientation.parameter() + "&size=" + size + "&per_page=" + perPage;
        JsonNode answer = get(path, SEARCH);
        JsonNode videos = answer.get("videos");
        if (videos == null || !videos.isArray()) {
            throw JsonBodies.malformed(http, "the answer to the " + SEARCH, "it has no videos array");
        }
        List<StockVideo> found = new ArrayList<>();
        for (JsonNode video : videos) {
            StockVideo.parse(video).ifPresent(found::add);
        }
        return found;
    }

    /**
     * Looks one video up, for fresh links to its files.
     *
     * @param videoId Pexels' id of the video
     * @return the video
     * @throws ProviderException when the call fails ({@link Reason#NOT_FOUND} when the video is
     *     gone), or waits for the quota
     */
    StockVideo video(long videoId) {
        JsonNode answer = get("/videos/videos/" + videoId, LOOKUP);
        return StockVideo.parse(answer)
                .orElseThrow(() -> JsonBodies.malformed(http, "the answer to the " + LOOKUP, "it has no numeric id"));
    }

    /**
     * Downloads a file into a temporary MP4 file, within {@code pexels.download-timeout}.
     *
     * @param video the video
     * @param file the file of it to download, {@linkplain StockVideo.VideoFile#usable() usable}
     * @return the media; the pipeline closes it, which deletes the file
     * @throws ProviderException (retryable) when the download fails, or is not an MP4: the link
     *     may have expired, and the next poll asks for a fresh one
     */
    FileMedia download(StockVideo video, StockVideo.VideoFile file) {
        String what = "the download of file " + file.id() + " of Pexels video " + video.id();
        HttpRequest request = http.request(URI.create(file.link()))
                .timeout(downloadTimeout)
                .header("Accept", "video/mp4")
                .GET()
                .build();
        FileMedia media = http.download(
                request, "pexels-" + video.id() + "-" + file.width() + "x" + file.height() + ".mp4", "video/mp4", what);
        boolean mp4;
        try {
            mp4 = isMp4(media);
        } catch (UncheckedIOException e) {
            media.close();
            throw e;
        }
        if (!mp4) {
            media.close();
            throw ProviderException.retryable(
                    PexelsSettings.NAME,
                    Reason.SERVER_ERROR,
                    what + " is not an MP4 (it does not begin with an ftyp box); a fresh link is asked for next time",
                    null);
        }
        return media;
    }

    private JsonNode get(String pathAndQuery, String what) {
        quota.check(what);
        HttpRequest request = http.request(URI.create(baseUrl + pathAndQuery))
                .header("Authorization", apiKey.reveal())
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response = http.receive(request, what);
        quota.record(response.headers());
        if (response.statusCode() / 100 != 2) {
            throw PexelsErrors.classify(http, quota, response, what);
        }
        return JsonBodies.object(http, response.body(), "the answer to the " + what);
    }

    /** An MP4 (ISO base media file) begins with its {@code ftyp} box: four bytes of size, then the type. */
    private static boolean isMp4(FileMedia media) {
        try (InputStream in = media.open()) {
            byte[] head = in.readNBytes(8);
            return head.length == 8 && Arrays.equals(Arrays.copyOfRange(head, 4, 8), FTYP);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the downloaded file " + media.fileName(), e);
        }
    }

    @Override
    public String toString() {
        return "PexelsClient[" + baseUrl + "]";
    }
}
