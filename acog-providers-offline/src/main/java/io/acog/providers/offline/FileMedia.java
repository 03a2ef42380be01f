package io.acog.providers.offline;

import io.acog.spi.Media;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A video made in a temporary file, streamed from it rather than read into memory, and deleted
 * when closed: the pipeline closes media that are {@link AutoCloseable} once it has stored them.
 * Files never closed go when the JVM exits.
 */
final class FileMedia implements Media, AutoCloseable {

    private final Path file;
    private final String fileName;
    private final String mimeType;

    FileMedia(Path file, String fileName, String mimeType) {
        this.file = file;
        this.fileName = fileName;
        this.mimeType = mimeType;
        file.toFile().deleteOnExit();
    }

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
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    /** Tells whether the file is still there: not yet closed, nor deleted by someone else. */
    boolean exists() {
        return Files.isRegularFile(file);
    }

    Path file() {
        return file;
    }

    /** Deletes the file; a file already gone is not an error. */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public String toString() {
        return fileName + " (" + mimeType + ", " + file + ")";
    }
}
