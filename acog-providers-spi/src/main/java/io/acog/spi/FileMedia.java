package io.acog.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Media in a file a provider made (a downloaded render, an encoded video), streamed from the file
 * rather than read into memory, and let go of when closed: the pipeline closes it once stored.
 * Closing runs the release once, however often it is called; reading after that fails.
 */
public final class FileMedia implements Media, AutoCloseable {

    private final Path file;
    private final String fileName;
    private final String mimeType;
    private final Consumer<Path> release;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Wraps a file.
     *
     * @param file the file, which must exist while the media is read
     * @param fileName the name to store it under, with its extension
     * @param mimeType the MIME type, e.g. {@code "video/mp4"}
     * @param release what closing does with the file, once (delete it, or tell its owner)
     * @throws NullPointerException when an argument is null
     */
    public FileMedia(Path file, String fileName, String mimeType, Consumer<Path> release) {
        this.file = Objects.requireNonNull(file, "file");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.mimeType = Objects.requireNonNull(mimeType, "mimeType");
        this.release = Objects.requireNonNull(release, "release");
    }

    /**
     * Wraps a temporary file that closing deletes (and that the JVM deletes on exit if never
     * closed).
     *
     * @param file the temporary file
     * @param fileName the name to store it under, with its extension
     * @param mimeType the MIME type
     * @return the media
     */
    public static FileMedia temporary(Path file, String fileName, String mimeType) {
        file.toFile().deleteOnExit();
        return new FileMedia(file, fileName, mimeType, path -> {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // deleteOnExit will try again
            }
        });
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public String mimeType() {
        return mimeType;
    }

    /**
     * Returns the file's size.
     *
     * @return the size in bytes, or -1 when the file is gone
     */
    @Override
    public long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Opens the file.
     *
     * @return a new stream over its bytes
     * @throws IOException when it was closed, or cannot be read
     */
    @Override
    public InputStream open() throws IOException {
        if (closed.get()) {
            throw new IOException(fileName + " was closed: its file is let go of");
        }
        return Files.newInputStream(file);
    }

    /**
     * Returns the file.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }

    /**
     * Tells whether the media can still be read: not closed, and its file still there.
     *
     * @return whether {@link #open()} may succeed
     */
    public boolean readable() {
        return !closed.get() && Files.isRegularFile(file);
    }

    /** Lets go of the file, the first time only. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.accept(file);
        }
    }

    @Override
    public String toString() {
        return fileName + " (" + mimeType + ", " + file + ")";
    }
}
