package io.acog.spi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A file a provider produced (or that a provider reads): its name, type and bytes, opened as a
 * stream so that large videos need not sit in memory.
 */
public interface Media {

    /** A file name with extension, e.g. {@code "voice.wav"}. */
    String fileName();

    /** The MIME type, e.g. {@code "audio/wav"}. */
    String mimeType();

    /** The size in bytes, or -1 when unknown until read. */
    long size();

    /** The bytes, from the start; each call opens a new stream. */
    InputStream open() throws IOException;

    /** Media held in memory. */
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
