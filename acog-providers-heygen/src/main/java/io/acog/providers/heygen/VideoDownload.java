package io.acog.providers.heygen;

import io.acog.providers.http.ProviderHttp;
import io.acog.providers.http.ReadDeadline;
import io.acog.spi.FileMedia;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Fetches a finished render from its presigned {@code video_url} into a temporary file, at once
 * (the link expires) and under {@code heygen.download-timeout}, its whole body included. The link
 * is sent no API key (it is HeyGen's storage, not its API), and is named in messages by its host
 * and path only: its query signs it. Any failure (a 403 or 404 of an expired link, a 5xx, a cut or
 * stalled connection, a file that is not an MP4) is retryable, as the next poll gets a fresh link.
 * Thread-safe.
 */
final class VideoDownload {

    static final String WHAT = "video download";

    /** What the pipeline stores the render as. */
    static final String FILE_NAME = "avatar.mp4";

    static final String MIME_TYPE = "video/mp4";

    private static final byte[] FTYP = "ftyp".getBytes(StandardCharsets.US_ASCII);

    private final ProviderHttp http;
    private final Duration timeout;

    VideoDownload(ProviderHttp http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /**
     * Downloads the video.
     *
     * @param videoUrl the presigned link
     * @return the video in a temporary file that closing deletes
     * @throws ProviderException (retryable) when the video cannot be had whole
     */
    FileMedia fetch(URI videoUrl) {
        HttpRequest request = HttpRequest.newBuilder(videoUrl)
                .timeout(timeout)
                .header("Accept", "video/mp4, */*")
                .GET()
                .build();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream(), WHAT);
        Duration left = timeout.minusNanos(System.nanoTime() - started);
        InputStream body = response.body();
        ReadDeadline deadline = ReadDeadline.arm(body, left.isNegative() ? Duration.ZERO : left);
        Path file = null;
        try (body;
                deadline) {
            if (response.statusCode() / 100 != 2) {
                throw ProviderException.retryable(
                        http.provider(),
                        Reason.UNAVAILABLE,
                        http.message(
                                request,
                                WHAT,
                                "HTTP " + response.statusCode()
                                        + "; the link may have expired: the next poll asks HeyGen for a fresh one",
                                null),
                        http.retryAfter(response.headers()).orElse(null));
            }
            file = Files.createTempFile("acog-heygen-", ".mp4");
            long bytes;
            try (OutputStream out = Files.newOutputStream(file)) {
                bytes = body.transferTo(out);
            }
            requireMp4(request, file, bytes);
            FileMedia media = FileMedia.temporary(file, FILE_NAME, MIME_TYPE);
            file = null; // the media owns it now
            return media;
        } catch (IOException e) {
            if (deadline.fired()) {
                throw ProviderException.retryable(
                        http.provider(),
                        Reason.TIMEOUT,
                        http.message(request, WHAT, "not downloaded whole within " + timeout, null),
                        null);
            }
            throw ProviderException.retryable(
                    http.provider(),
                    Reason.UNAVAILABLE,
                    http.message(
                            request,
                            WHAT,
                            "the download failed ("
                                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")",
                            null),
                    null);
        } finally {
            if (file != null) {
                delete(file);
            }
        }
    }

    /** An MP4 begins with its {@code ftyp} box; anything else (an error page served as 200) is not the video. */
    private void requireMp4(HttpRequest request, Path file, long bytes) throws IOException {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read < head.length || !Arrays.equals(head, 4, 8, FTYP, 0, 4)) {
            throw ProviderException.retryable(
                    http.provider(),
                    Reason.SERVER_ERROR,
                    http.message(
                            request,
                            WHAT,
                            "the file is not an MP4 (" + bytes + " bytes, no ftyp box at its start)",
                            null),
                    null);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit(); // the failure being thrown matters more
        }
    }
}
