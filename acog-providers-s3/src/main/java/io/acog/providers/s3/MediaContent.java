package io.acog.providers.s3;

import io.acog.spi.Media;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * A request body read from {@link Media#open()}, opened anew each time the SDK asks (to sign the
 * payload, then to send it, then again on a retry), so media is streamed, never held in memory,
 * and still retried. The stream opened before is closed when the next one is opened, and the last
 * one when the upload is done. Failures of the media itself come out as {@link MediaReadFailure},
 * so that they are told apart from the network's.
 */
final class MediaContent implements ContentStreamProvider, AutoCloseable {

    private final Media media;
    private InputStream current;

    MediaContent(Media media) {
        this.media = media;
    }

    @Override
    public synchronized InputStream newStream() {
        try {
            closeCurrent();
            current = new MediaStream(media.open());
            return current;
        } catch (IOException e) {
            throw new UncheckedIOException(e instanceof MediaReadFailure ? e : new MediaReadFailure(e));
        }
    }

    @Override
    public String name() {
        return "Media";
    }

    @Override
    public synchronized void close() throws IOException {
        closeCurrent();
    }

    private void closeCurrent() throws IOException {
        InputStream previous = current;
        current = null;
        if (previous != null) {
            previous.close();
        }
    }

    /** The media could not be opened or read: the media's fault, not S3's. */
    static final class MediaReadFailure extends IOException {

        private static final long serialVersionUID = 1L;

        MediaReadFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Marks the media's read failures. */
    private static final class MediaStream extends FilterInputStream {

        MediaStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw new MediaReadFailure(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw new MediaReadFailure(e);
            }
        }

        @Override
        public long skip(long count) throws IOException {
            try {
                return super.skip(count);
            } catch (IOException e) {
                throw new MediaReadFailure(e);
            }
        }
    }
}
