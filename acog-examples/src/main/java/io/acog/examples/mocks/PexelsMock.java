package io.acog.examples.mocks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.acog.providers.ffmpeg.Ffmpeg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pexels' video API, served locally, with a small catalogue of stock videos:
 *
 * <ul>
 *   <li>{@code GET /videos/search?query=…&orientation=…&size=…&per_page=…} answers the catalogue's
 *       videos of the orientation asked for (all of them without one), whatever the words, at
 *       most {@code per_page}: {@code {page, per_page, total_results, url, videos[{id, width,
 *       height, duration, url, image, user{id, name, url}, video_files[{id, quality, file_type,
 *       width, height, fps, link}], video_pictures}]}}. Each video is offered in several files,
 *       from SD to 4K, and as an HLS playlist (no size), as Pexels does;
 *   <li>{@code GET /videos/videos/{id}} answers one video, or 404;
 *   <li>each file's {@code link} ({@code /video-files/{id}.mp4?expires=…&signature=…}) serves a
 *       real MP4 (H.264 and AAC, yuv420p) of the file's width and height and the video's length,
 *       made with ffmpeg the first time it is asked for, then kept.
 * </ul>
 *
 * <p>API requests need the header {@code Authorization: }{@value #API_KEY}, the key as it is (else
 * 401, as Pexels answers a wrong key); a search needs a {@code query} (else 400). Successful API
 * answers carry {@code X-Ratelimit-Limit}, {@code X-Ratelimit-Remaining} (counting down from
 * 20,000) and {@code X-Ratelimit-Reset} (thirty days after the mock started), as Pexels sends them.
 * Nothing renders at Pexels, so there is no state to walk through: a clip is chosen by a search and
 * downloaded at once. Counters tell how many searches, lookups and downloads were made, so a test
 * can prove a resubmitted clip was not searched for twice. Thread-safe.
 */
public final class PexelsMock implements AutoCloseable {

    /** The API key the mock accepts: a dummy. */
    public static final String API_KEY = "mock-pexels-key";

    /** The requests a month the mock's quota headers count down from: Pexels' default. */
    public static final int MONTHLY_REQUESTS = 20_000;

    private static final String SEARCH = "/videos/search";
    private static final Pattern VIDEO = Pattern.compile("/videos/videos/(\\d+)");
    private static final Pattern FILE = Pattern.compile("/video-files/(\\d+)\\.mp4");

    /**
     * One file a video is offered in.
     *
     * @param id its id
     * @param quality Pexels' label: {@code sd}, {@code hd}, {@code uhd} or {@code hls}
     * @param width its width; 0 for the HLS playlist
     * @param height its height; 0 for the HLS playlist
     */
    public record StockFile(long id, String quality, int width, int height) {}

    /**
     * One video of the catalogue.
     *
     * @param id its id
     * @param slug the words of its page's URL
     * @param author its author's name
     * @param seconds how long it runs
     * @param width its own width
     * @param height its own height
     * @param files the files it is offered in
     */
    public record StockVideo(
            long id, String slug, String author, int seconds, int width, int height, List<StockFile> files) {

        /**
         * Copies the files.
         *
         * @param id its id
         * @param slug the words of its page's URL
         * @param author its author's name
         * @param seconds how long it runs
         * @param width its own width
         * @param height its own height
         * @param files the files it is offered in
         */
        public StockVideo {
            files = List.copyOf(files);
        }

        /**
         * Tells whether it is taller than wide.
         *
         * @return whether it is upright
         */
        public boolean portrait() {
            return height > width;
        }
    }

    /** The catalogue: three landscape videos and two upright ones, of different lengths. */
    public static final List<StockVideo> CATALOGUE = List.of(
            new StockVideo(
                    7001,
                    "aerial-view-of-a-city-at-dusk",
                    "Mock Author One",
                    6,
                    3840,
                    2160,
                    List.of(
                            new StockFile(70011, "sd", 640, 360),
                            new StockFile(70012, "hd", 1280, 720),
                            new StockFile(70013, "hd", 1920, 1080),
                            new StockFile(70014, "uhd", 3840, 2160),
                            new StockFile(70015, "hls", 0, 0))),
            new StockVideo(
                    7002,
                    "waves-breaking-on-a-rocky-shore",
                    "Mock Author Two",
                    12,
                    2560,
                    1440,
                    List.of(
                            new StockFile(70021, "sd", 960, 540),
                            new StockFile(70022, "hd", 1920, 1080),
                            new StockFile(70023, "uhd", 2560, 1440))),
            new StockVideo(
                    7003,
                    "coffee-poured-into-a-cup",
                    "Mock Author Three",
                    4,
                    1920,
                    1080,
                    List.of(new StockFile(70031, "hd", 1280, 720), new StockFile(70032, "hd", 1920, 1080))),
            new StockVideo(
                    7101,
                    "rain-on-a-window-at-night",
                    "Mock Author Four",
                    8,
                    2160,
                    3840,
                    List.of(
                            new StockFile(71011, "sd", 540, 960),
                            new StockFile(71012, "hd", 1080, 1920),
                            new StockFile(71013, "uhd", 2160, 3840))),
            new StockVideo(
                    7102,
                    "person-walking-through-a-forest",
                    "Mock Author Five",
                    5,
                    1080,
                    1920,
                    List.of(new StockFile(71021, "hd", 720, 1280), new StockFile(71022, "hd", 1080, 1920))));

    private final WireMockServer server;
    private final String baseUrl;
    private final Ffmpeg ffmpeg;
    private final Instant reset;
    private final Map<Long, byte[]> made = new ConcurrentHashMap<>();
    private final Map<Long, AtomicLong> downloadsByFile = new ConcurrentHashMap<>();
    private final AtomicLong apiRequests = new AtomicLong();
    private final AtomicLong searches = new AtomicLong();
    private final AtomicLong lookups = new AtomicLong();
    private final AtomicLong downloads = new AtomicLong();

    private PexelsMock(Listen listen, Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
        this.reset = Instant.now().plus(Duration.ofDays(30));
        this.server = MockHttp.start(listen, new Library());
        this.baseUrl = MockHttp.baseUrl(listen, server);
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(Library.NAME)));
    }

    /**
     * Starts the mock. Its MP4 files are made by ffmpeg when first downloaded.
     *
     * @param listen where it listens
     * @param ffmpeg what makes the MP4 files
     * @return the running mock
     */
    public static PexelsMock start(Listen listen, Ffmpeg ffmpeg) {
        return new PexelsMock(listen, ffmpeg);
    }

    /**
     * Returns the settings that point the Pexels adapter at this mock: {@code pexels.api-key} and
     * {@code pexels.base-url}.
     *
     * @return the settings by key
     */
    public Map<String, String> settings() {
        return Map.of("pexels.api-key", API_KEY, "pexels.base-url", baseUrl);
    }

    /**
     * Returns how many searches were answered.
     *
     * @return the searches ({@code GET /videos/search}) answered with 200
     */
    public long searches() {
        return searches.get();
    }

    /**
     * Returns how many single videos were looked up.
     *
     * @return the lookups ({@code GET /videos/videos/{id}}) answered with 200
     */
    public long lookups() {
        return lookups.get();
    }

    /**
     * Returns how many files were downloaded.
     *
     * @return the downloads served, of any file
     */
    public long downloads() {
        return downloads.get();
    }

    /**
     * Returns how often one file was downloaded.
     *
     * @param fileId the file's id
     * @return its downloads
     */
    public long downloads(long fileId) {
        AtomicLong count = downloadsByFile.get(fileId);
        return count == null ? 0 : count.get();
    }

    /**
     * Returns a video of the catalogue.
     *
     * @param videoId its id
     * @return the video, or empty when the catalogue has none of that id
     */
    public static Optional<StockVideo> video(long videoId) {
        return CATALOGUE.stream().filter(video -> video.id() == videoId).findFirst();
    }

    /**
     * Returns where the mock is reached, e.g. {@code http://127.0.0.1:8080}.
     *
     * @return the URL, without a trailing slash
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Returns the WireMock server, for a test to read its journal.
     *
     * @return the server
     */
    public WireMockServer server() {
        return server;
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }

    /** Answers the API and serves the files. */
    private final class Library implements ResponseDefinitionTransformerV2 {

        static final String NAME = "pexels-library";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String path = MockHttp.path(request.getUrl());
            if (!request.getMethod().equals(RequestMethod.GET)) {
                return error(405, "Method Not Allowed");
            }
            Matcher file = FILE.matcher(path);
            if (file.matches()) {
                return download(Long.parseLong(file.group(1)));
            }
            if (!API_KEY.equals(request.getHeader("Authorization"))) {
                return error(401, "Unauthorized: the mock takes Authorization: " + API_KEY + " (no Bearer)");
            }
            if (path.equals(SEARCH)) {
                return search(MockHttp.query(request.getUrl()));
            }
            Matcher video = VIDEO.matcher(path);
            if (video.matches()) {
                Optional<StockVideo> found = PexelsMock.video(Long.parseLong(video.group(1)));
                if (found.isEmpty()) {
                    return error(404, "Not Found");
                }
                lookups.incrementAndGet();
                return api(describe(found.get()));
            }
            return error(404, "Not Found");
        }

        private ResponseDefinition search(Map<String, String> query) {
            String words = query.getOrDefault("query", "").trim();
            if (words.isEmpty()) {
                return error(400, "query is required");
            }
            String orientation = query.getOrDefault("orientation", "").toLowerCase(Locale.ROOT);
            int perPage;
            try {
                perPage = Math.max(1, Math.min(80, Integer.parseInt(query.getOrDefault("per_page", "15"))));
            } catch (NumberFormatException e) {
                return error(400, "per_page must be a number");
            }
            List<StockVideo> found = CATALOGUE.stream()
                    .filter(video -> switch (orientation) {
                        case "landscape" -> !video.portrait();
                        case "portrait" -> video.portrait();
                        case "square" -> video.width() == video.height();
                        default -> true;
                    })
                    .limit(perPage)
                    .toList();
            ObjectNode answer = MockHttp.MAPPER.createObjectNode();
            answer.put("page", 1).put("per_page", perPage).put("total_results", found.size());
            answer.put("url", "https://www.pexels.com/search/videos/" + words.replaceAll("[^A-Za-z0-9]+", "%20") + "/");
            ArrayNode videos = answer.putArray("videos");
            found.forEach(video -> videos.add(describe(video)));
            searches.incrementAndGet();
            return api(answer);
        }

        /** A video as Pexels describes it, its files' links pointing at this mock. */
        private ObjectNode describe(StockVideo video) {
            ObjectNode node = MockHttp.MAPPER.createObjectNode();
            node.put("id", video.id())
                    .put("width", video.width())
                    .put("height", video.height())
                    .put("duration", video.seconds())
                    .putNull("full_res")
                    .put("url", "https://www.pexels.com/video/" + video.slug() + "-" + video.id() + "/")
                    .put(
                            "image",
                            "https://images.pexels.com/videos/" + video.id() + "/free-video-" + video.id() + ".jpg")
                    .putNull("avg_color");
            node.putArray("tags");
            node.putObject("user")
                    .put("id", 500_000 + video.id())
                    .put("name", video.author())
                    .put(
                            "url",
                            "https://www.pexels.com/@"
                                    + video.author().toLowerCase(Locale.ROOT).replace(' ', '-'));
            ArrayNode files = node.putArray("video_files");
            long expires = Instant.now().plus(Duration.ofHours(6)).getEpochSecond();
            for (StockFile file : video.files()) {
                ObjectNode entry = files.addObject();
                entry.put("id", file.id()).put("quality", file.quality()).put("file_type", "video/mp4");
                if (file.width() > 0) {
                    entry.put("width", file.width())
                            .put("height", file.height())
                            .put("fps", 25);
                    entry.put(
                            "link",
                            baseUrl + "/video-files/" + file.id() + ".mp4?expires=" + expires + "&signature=mock"
                                    + Long.toHexString(file.id() * 7919 + expires));
                } else {
                    entry.putNull("width").putNull("height").putNull("fps");
                    entry.put("link", baseUrl + "/video-files/" + video.id() + ".m3u8?signature=mock");
                }
            }
            ArrayNode pictures = node.putArray("video_pictures");
            pictures.addObject()
                    .put("id", video.id() * 10)
                    .put("nr", 0)
                    .put("picture", "https://images.pexels.com/videos/" + video.id() + "/pictures/preview-0.jpg");
            return node;
        }

        private ResponseDefinition download(long fileId) {
            Optional<StockVideo> video = CATALOGUE.stream()
                    .filter(candidate ->
                            candidate.files().stream().anyMatch(file -> file.id() == fileId && file.width() > 0))
                    .findFirst();
            if (video.isEmpty()) {
                return aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "text/plain")
                        .withBody("no such file")
                        .build();
            }
            StockFile file = video.get().files().stream()
                    .filter(candidate -> candidate.id() == fileId)
                    .findFirst()
                    .orElseThrow();
            byte[] mp4 =
                    made.computeIfAbsent(fileId, id -> make(file, video.get().seconds()));
            downloads.incrementAndGet();
            downloadsByFile.computeIfAbsent(fileId, id -> new AtomicLong()).incrementAndGet();
            return aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "video/mp4")
                    .withBody(mp4)
                    .build();
        }

        /** A successful API answer, with the quota headers Pexels sends. */
        private ResponseDefinition api(ObjectNode json) {
            long used = apiRequests.incrementAndGet();
            return aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withHeader("X-Ratelimit-Limit", Integer.toString(MONTHLY_REQUESTS))
                    .withHeader("X-Ratelimit-Remaining", Long.toString(Math.max(0, MONTHLY_REQUESTS - used)))
                    .withHeader("X-Ratelimit-Reset", Long.toString(reset.getEpochSecond()))
                    .withBody(json.toString())
                    .build();
        }

        /** An error as the mock answers it: {@code {"error": "…"}}. */
        private ResponseDefinition error(int status, String message) {
            ObjectNode json = MockHttp.MAPPER.createObjectNode();
            json.put("error", message);
            return MockHttp.json(status, json);
        }
    }

    /** A test card and a tone of the file's size and the video's length: H.264 and AAC in MP4. */
    private byte[] make(StockFile file, int seconds) {
        Path out = null;
        try {
            out = Files.createTempFile("acog-mock-pexels-", ".mp4");
            ffmpeg.run(
                    List.of(
                            "-y",
                            "-f",
                            "lavfi",
                            "-i",
                            "testsrc2=size=" + file.width() + "x" + file.height() + ":rate=24:duration=" + seconds,
                            "-f",
                            "lavfi",
                            "-i",
                            "sine=frequency=330:sample_rate=44100:duration=" + seconds,
                            "-c:v",
                            "libx264",
                            "-preset",
                            "ultrafast",
                            "-pix_fmt",
                            "yuv420p",
                            "-c:a",
                            "aac",
                            "-b:a",
                            "64k",
                            "-shortest",
                            "-movflags",
                            "+faststart",
                            out.toString()),
                    Duration.ofMinutes(5),
                    null);
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the mock's MP4 of Pexels file " + file.id(), e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }
}
