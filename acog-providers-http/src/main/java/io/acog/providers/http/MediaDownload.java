package io.acog.providers.http;

import io.acog.spi.FileMedia;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The download behind {@link ProviderHttp#downloadMp4}: a finished video fetched from its
 * time-limited link into a temporary file, streamed, under the download timeout, checked to be an
 * MP4, the file deleted on any failure. Thread-safe: it holds only settings.
 */
final class MediaDownload {

    /** The MIME type of what {@link #mp4} returns. */
    static final String MP4 = "video/mp4";

    /** How many bytes of a file's start are kept: an MP4 box's size (4 bytes) and type (4). */
    private static final int HEAD = 8;

    private final ProviderHttp http;
    private final Duration timeout;
    private final String prefix;

    MediaDownload(ProviderHttp http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
        // the provider in the name tells an operator whose download a stray file was
        this.prefix = "acog-" + http.provider().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-download-";
    }

    /** See {@link ProviderHttp#downloadMp4}. */
    FileMedia mp4(URI link, String fileName, String what) {
        // built here, not by the caller: nothing but the link reaches the CDN, no API key above all
        HttpRequest request = HttpRequest.newBuilder(link)
                .timeout(timeout)
                .header("Accept", MP4 + ", */*")
                .GET()
                .build();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream(), what);
        // the client's timeout ends with the headers: the body is read under a deadline of its own
        Duration left = timeout.minusNanos(System.nanoTime() - started);
        InputStream body = response.body();
        ReadDeadline deadline = ReadDeadline.arm(body, left.isNegative() ? Duration.ZERO : left);
        Path file = null;
        boolean kept = false;
        try {
            if (response.statusCode() / 100 != 2) {
                throw refused(response, what);
            }
            file = Files.createTempFile(prefix, extension(fileName));
            byte[] head = new byte[HEAD];
            int headLength = 0;
            long bytes = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int read = read(body, buffer, deadline, request, what);
                        read >= 0;
                        read = read(body, buffer, deadline, request, what)) {
                    int toHead = Math.min(read, HEAD - headLength);
                    System.arraycopy(buffer, 0, head, headLength, toHead);
                    headLength += toHead;
                    bytes += read;
                    out.write(buffer, 0, read);
                }
            }
            requireMp4(response, what, head, headLength, bytes);
            FileMedia media = FileMedia.temporary(file, fileName, MP4);
            kept = true;
            return media;
        } catch (IOException e) {
            // the temporary file could not be made or written: a local failure, not the provider's
            throw new UncheckedIOException("cannot write " + what + " to a temporary file", e);
        } finally {
            deadline.close();
            closeQuietly(body);
            if (!kept && file != null) {
                delete(file);
            }
        }
    }

    /** Reads the next bytes of the body; a failed read is the provider's (or the network's). */
    private int read(InputStream body, byte[] buffer, ReadDeadline deadline, HttpRequest request, String what) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            if (deadline.fired()) {
                throw ProviderException.retryable(
                        http.provider(),
                        Reason.TIMEOUT,
                        http.message(request, what, "not downloaded within " + timeout, null),
                        null);
            }
            throw http.transportFailure(request, what, e);
        }
    }

    /**
     * A refused link: retryable whatever the status, as the provider hands out a fresh link when
     * asked again. 408, 429 and 5xx keep the reason {@link ProviderHttp#failure} gives them (and
     * their {@code Retry-After}); any other status (an expired link's 403 or 404) is {@link
     * Reason#UNAVAILABLE}. What the CDN said is left out: its error pages echo the signed link.
     */
    private ProviderException refused(HttpResponse<?> response, String what) {
        int status = response.statusCode();
        // for these statuses the reason is failure's, from its one table of statuses
        Reason reason = status == 408 || status == 429 || status >= 500
                ? http.failure(response, what, null).reason()
                : Reason.UNAVAILABLE;
        return ProviderException.retryable(
                http.provider(),
                reason,
                http.message(
                        response.request(),
                        what,
                        "HTTP " + status + ": the link failed or has expired; a fresh one is asked for next time",
                        null),
                http.retryAfter(response.headers()).orElse(null));
    }

    /**
     * An MP4 begins with its {@code ftyp} box (four bytes of size, then the type): anything else,
     * such as a sign-in page served with a 200, is not the video. Its first bytes are named,
     * printable ones only, to tell an error page from a cut or empty file.
     */
    private void requireMp4(HttpResponse<?> response, String what, byte[] head, int headLength, long bytes) {
        boolean ftyp = headLength == HEAD && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p';
        if (ftyp) {
            return;
        }
        String problem = "HTTP " + response.statusCode() + " but not an MP4: "
                + (bytes == 0
                        ? "no bytes"
                        : "its " + bytes + " bytes begin with '" + printable(head, headLength) + "', not an ftyp box");
        throw ProviderException.retryable(
                http.provider(),
                Reason.SERVER_ERROR,
                http.message(response.request(), what, problem + "; a fresh link is asked for next time", null),
                null);
    }

    /** Bytes as text, anything but printable ASCII as {@code ?}. */
    private static String printable(byte[] bytes, int length) {
        StringBuilder shown = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            shown.append(bytes[i] >= 0x20 && bytes[i] < 0x7F ? (char) bytes[i] : '?');
        }
        return shown.toString();
    }

    /** The file name's extension with its dot, for the temporary file; ".tmp" without one. */
    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot);
        return extension.matches("\\.[A-Za-z0-9]{1,8}") ? extension : ".tmp";
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // the download's outcome is decided: a body that fails to close changes nothing
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
