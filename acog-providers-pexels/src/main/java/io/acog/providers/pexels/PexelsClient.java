package io.acog.providers.pexels;

import com.fasterxml.jackson.databind.JsonNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ProviderHttp;
import io.acog.spi.FileMedia;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.Secret;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
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

    private final ProviderHttp http;
    private final RequestQuota quota;
    private final Secret apiKey;
    private final String baseUrl;

    PexelsClient(PexelsSettings settings, Clock clock) {
        this.apiKey = settings.apiKey();
        this.baseUrl = settings.baseUrl().toString();
        this.quota = new RequestQuota(clock);
        this.http = ProviderHttp.builder(PexelsSettings.NAME)
                .connectTimeout(settings.connectTimeout())
                .requestTimeout(settings.timeout())
                .downloadTimeout(settings.downloadTimeout())
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
     * Downloads a file into a temporary MP4 file, within {@code pexels.download-timeout}, as {@link
     * ProviderHttp#downloadMp4} does: without the key, every failure retryable.
     *
     * @param video the video
     * @param file the file of it to download, {@linkplain StockVideo.VideoFile#usable() usable}
     * @return the media; the pipeline closes it, which deletes the file
     * @throws ProviderException (retryable) when the download fails, or is not an MP4: the link
     *     may have expired, and the next poll asks for a fresh one
     */
    FileMedia download(StockVideo video, StockVideo.VideoFile file) {
        return http.downloadMp4(
                URI.create(file.link()),
                "pexels-" + video.id() + "-" + file.width() + "x" + file.height() + ".mp4",
                "the download of file " + file.id() + " of Pexels video " + video.id());
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

    @Override
    public String toString() {
        return "PexelsClient[" + baseUrl + "]";
    }
}
