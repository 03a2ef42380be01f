package io.acog.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.acog.spi.FileMedia;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A finished video's download from its expiring link, as every render adapter gets it from {@link
 * ProviderHttp#downloadMp4}: streamed into a temporary file under the download timeout, not the
 * request timeout; nothing of the API's sent to the link's host; every failure retryable, an error
 * page served with a 200 included; no partial file left behind; the link's query in no message.
 */
class ProviderHttpDownloadTest {

    private static final Secret KEY = new Secret("sk-test-abcdefghijklmnop");

    /** The signature a presigned link carries in its query. */
    private static final String SIGNATURE = "X-Amz-Signature=5e1f0c9b7a6d4e3f2a1b0c9d8e7f6a5b";

    /** What a 200 that is not the video begins with. */
    private static final String SIGN_IN_PAGE = "<html><body>Sign in to continue</body></html>";

    private static final byte[] VIDEO = mp4(300_000);

    private HttpServer server;
    private String link;
    private volatile HttpHandler cdn;
    private final List<Headers> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private Set<Path> before;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/cdn/", exchange -> {
            requests.add(exchange.getRequestHeaders());
            cdn.handle(exchange);
        });
        server.start();
        link = "http://127.0.0.1:" + server.getAddress().getPort() + "/cdn/video.mp4?X-Amz-Expires=600&" + SIGNATURE;
        cdn = answer(200, VIDEO, Map.of());
        before = temporaryFiles();
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        server.stop(0);
        assertThat(temporaryFiles()).as("downloads left behind").isSubsetOf(before);
    }

    @Test
    void aVideoIsStreamedIntoATemporaryFileThatClosingDeletes() throws IOException {
        FileMedia media = http(Duration.ofSeconds(30)).downloadMp4(URI.create(link), "clip.mp4", "the download");

        assertThat(media.fileName()).isEqualTo("clip.mp4");
        assertThat(media.mimeType()).isEqualTo("video/mp4");
        assertThat(media.size()).isEqualTo(VIDEO.length);
        assertThat(Files.readAllBytes(media.file())).isEqualTo(VIDEO);
        assertThat(media.file().getFileName().toString())
                .startsWith("acog-test-download-")
                .endsWith(".mp4");
        media.close();
        assertThat(media.file()).doesNotExist();
    }

    @Test
    void theLinksHostGetsAPlainGetWithNothingOfTheApisCredentials() {
        http(Duration.ofSeconds(30))
                .downloadMp4(URI.create(link), "clip.mp4", "the download")
                .close();

        assertThat(requests).singleElement().satisfies(headers -> {
            assertThat(headers.containsKey("Authorization"))
                    .as("an Authorization header")
                    .isFalse();
            assertThat(headers.values().stream().flatMap(List::stream))
                    .noneMatch(value -> value.contains(KEY.reveal()));
        });
    }

    @ParameterizedTest
    @CsvSource({
        "403, UNAVAILABLE",
        "404, UNAVAILABLE",
        "410, UNAVAILABLE",
        "408, TIMEOUT",
        "500, SERVER_ERROR",
        "502, UNAVAILABLE",
        "503, UNAVAILABLE"
    })
    void aLinkThatFailsOrExpiredIsRetryableAndNamesNeitherItsQueryNorWhatTheCdnSaid(int status, Reason reason) {
        cdn = answer(
                status,
                ("<Error><Code>AccessDenied</Code><StringToSign>" + SIGNATURE + "</StringToSign></Error>")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of());

        ProviderException e = downloadFails(http(Duration.ofSeconds(30)));

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        assertThat(e.getMessage())
                .contains("the download failed", "/cdn/video.mp4", "HTTP " + status, "expired", "fresh one")
                .doesNotContain("AccessDenied");
    }

    @Test
    void aRateLimitedLinkCarriesItsRetryAfter() {
        cdn = answer(429, new byte[0], Map.of("Retry-After", "7"));

        ProviderException e = downloadFails(http(Duration.ofSeconds(30)));

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void anErrorPageServedWithA200IsNotTakenForTheVideo() {
        cdn = answer(200, SIGN_IN_PAGE.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "text/html"));

        ProviderException e = downloadFails(http(Duration.ofSeconds(30)));

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.getMessage())
                .contains("not an MP4", SIGN_IN_PAGE.length() + " bytes begin with '<html><b'", "fresh link")
                .doesNotContain("Sign in");
    }

    @Test
    void anEmptyAnswerIsNotTakenForTheVideo() {
        cdn = answer(200, new byte[0], Map.of());

        ProviderException e = downloadFails(http(Duration.ofSeconds(30)));

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.getMessage()).contains("not an MP4: no bytes");
    }

    @Test
    void aDownloadThatStallsMidBodyTimesOutWithinTheDownloadTimeoutAndLeavesNoFile() {
        cdn = partly(exchange -> {
            await(); // stalls mid-body until the test is over
            exchange.close();
        });
        long started = System.nanoTime();

        ProviderException e = downloadFails(downloads(Duration.ofSeconds(30), Duration.ofSeconds(1)));

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.getMessage()).contains("not downloaded within PT1S");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aLinkThatDoesNotAnswerWithinTheDownloadTimeoutTimesOut() {
        cdn = exchange -> {
            await();
            exchange.close();
        };

        ProviderException e = downloadFails(downloads(Duration.ofSeconds(30), Duration.ofSeconds(1)));

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.getMessage()).contains("PT1S");
    }

    @Test
    void theDownloadTimeoutNotTheRequestTimeoutBoundsADownload() {
        HttpHandler video = cdn;
        cdn = exchange -> {
            sleep(Duration.ofMillis(1_500));
            video.handle(exchange);
        };

        FileMedia media = downloads(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .downloadMp4(URI.create(link), "clip.mp4", "the download");

        assertThat(media.size()).isEqualTo(VIDEO.length);
        media.close();
    }

    @Test
    void aConnectionCutMidBodyIsRetryableAndLeavesNoFile() {
        cdn = partly(exchange -> {
            throw new IOException("cut"); // the server drops the connection of a handler that fails
        });

        ProviderException e = downloadFails(http(Duration.ofSeconds(30)));

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.UNAVAILABLE);
    }

    private ProviderHttp http(Duration timeout) {
        return downloads(timeout, timeout);
    }

    private static ProviderHttp downloads(Duration requestTimeout, Duration downloadTimeout) {
        return ProviderHttp.builder("test")
                .requestTimeout(requestTimeout)
                .downloadTimeout(downloadTimeout)
                .secrets(KEY)
                .build();
    }

    /** Downloads the link, which must fail retryably without its signature or the key anywhere. */
    private ProviderException downloadFails(ProviderHttp http) {
        ProviderException e = catchThrowableOfType(
                ProviderException.class, () -> http.downloadMp4(URI.create(link), "clip.mp4", "the download"));
        assertThat(e).as("the download fails with a ProviderException").isNotNull();
        assertThat(e.provider()).isEqualTo("test");
        assertThat(e.retryable()).as(e.getMessage()).isTrue();
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t.toString()).doesNotContain(SIGNATURE, "X-Amz-Expires", KEY.reveal());
        }
        return e;
    }

    private static HttpHandler answer(int status, byte[] body, Map<String, String> headers) {
        return exchange -> {
            headers.forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        };
    }

    /** Sends a third of the video, then does what {@code then} does instead of the rest. */
    private static HttpHandler partly(HttpHandler then) {
        return exchange -> {
            exchange.sendResponseHeaders(200, VIDEO.length);
            OutputStream body = exchange.getResponseBody();
            body.write(VIDEO, 0, VIDEO.length / 3);
            body.flush();
            then.handle(exchange);
        };
    }

    private void await() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An MP4's first box, {@code ftyp}, then bytes enough to be streamed in many reads. */
    private static byte[] mp4(int size) {
        ByteBuffer bytes = ByteBuffer.allocate(size);
        bytes.putInt(24).put("ftypisom".getBytes(StandardCharsets.US_ASCII)).putInt(512);
        bytes.put("isommp41".getBytes(StandardCharsets.US_ASCII));
        for (int i = bytes.position(); i < size; i++) {
            bytes.put((byte) (i % 251));
        }
        return bytes.array();
    }

    private static Set<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("acog-test-download-"))
                    .collect(Collectors.toSet());
        }
    }
}
