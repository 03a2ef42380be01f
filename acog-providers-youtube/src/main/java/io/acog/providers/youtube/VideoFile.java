package io.acog.providers.youtube;

import io.acog.spi.AssetStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The video to upload, copied from the pipeline's storage into a temporary file: its size is known
 * before the session starts (YouTube asks for it) and any byte range can be sent again when an
 * upload resumes. Closing deletes the file. Not shared between threads.
 */
final class VideoFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VideoFile.class);

    private final Path file;
    private final long size;
    private final String contentType;

    private VideoFile(Path file, long size, String contentType) {
        this.file = file;
        this.size = size;
        this.contentType = contentType;
    }

    /**
     * Copies the stored video into a temporary file.
     *
     * @param storage the pipeline's storage
     * @param video the video's URI in it
     * @return the copy; close it to delete it
     * @throws IOException when the video cannot be read or the copy written
     */
    static VideoFile copy(AssetStorage storage, URI video) throws IOException {
        Path file = Files.createTempFile("acog-youtube-", ".upload");
        try (InputStream in = storage.open(video)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return new VideoFile(file, Files.size(file), contentType(video));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * Returns the video's size.
     *
     * @return the size in bytes
     */
    long size() {
        return size;
    }

    /**
     * Returns the MIME type told to YouTube, from the file's extension: {@code video/mp4}, {@code
     * video/quicktime}, {@code video/webm}, else {@code application/octet-stream} (which YouTube
     * takes too).
     *
     * @return the MIME type
     */
    String contentType() {
        return contentType;
    }

    /**
     * Returns a request body of {@code length} bytes from {@code offset}, read from the file each
     * time it is sent.
     *
     * @param offset the first byte
     * @param length how many bytes
     * @return the body
     */
    HttpRequest.BodyPublisher slice(long offset, long length) {
        return HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> open(offset, length)), length);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete the temporary copy {} of an uploaded video: {}", file, e.toString());
        }
    }

    private InputStream open(long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(offset);
            return new Slice(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the temporary copy of the video", e);
        }
    }

    private static String contentType(URI video) {
        String path = video.getPath() == null ? "" : video.getPath().toLowerCase(Locale.ROOT);
        if (path.endsWith(".mp4") || path.endsWith(".m4v")) {
            return "video/mp4";
        }
        if (path.endsWith(".mov")) {
            return "video/quicktime";
        }
        if (path.endsWith(".webm")) {
            return "video/webm";
        }
        return "application/octet-stream";
    }

    /** The first {@code remaining} bytes of a stream. */
    private static final class Slice extends InputStream {

        private final InputStream in;
        private long remaining;

        Slice(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
