package io.acog.spi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A file a provider produced (or that a provider reads): its name, type and bytes, opened as a
 * stream so that large videos need not sit in memory.
 *
 * <p>Media a provider made in a temporary file should also implement {@link AutoCloseable},
 * deleting the file: the pipeline closes it once it is stored (or given up on). Make {@code close}
 * safe to call more than once.
 */
public interface Media {

    /**
     * Returns the file name with its extension, e.g. {@code "voice.wav"}; storage keys end in it.
     *
     * @return the file name
     */
    String fileName();

    /**
     * Returns the MIME type, e.g. {@code "audio/wav"}.
     *
     * @return the MIME type
     */
    String mimeType();

    /**
     * Returns the size in bytes, or -1 when unknown until read.
     *
     * @return the size in bytes, or -1
     */
    long size();

    /**
     * Opens the bytes, from the start; each call opens a new stream, which the caller closes.
     *
     * @return a new stream over the bytes
     * @throws IOException when the bytes cannot be read
     */
    InputStream open() throws IOException;

    /**
     * Returns media held in memory: a copy of {@code bytes}, so later changes to the array do not
     * show.
     *
     * @param fileName the file name with its extension
     * @param mimeType the MIME type
     * @param bytes the content
     * @return the media
     * @throws NullPointerException when an argument is null
     */
    static Media ofBytes(String fileName, String mimeType, byte[] bytes) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mimeType, "mimeType");
        byte[] copy = bytes.clone();
        return new Media() {
            @Override
            public String fileName() {
                return fileName;
            }

            @Override
            public String mimeType() {
                return mimeType;
            }

            @Override
            public long size() {
                return copy.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(copy);
            }

            @Override
            public String toString() {
                return fileName + " (" + mimeType + ", " + copy.length + " bytes)";
            }
        };
    }
}
