package io.acog.providers.ffmpeg;

import io.acog.spi.FileMedia;
import io.acog.spi.Media;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary directory of one assembly: copies of inputs that were not local files, the graph
 * and caption scripts, and the outputs. Inputs go once the render is done; the outputs are handed
 * out as {@link Media} backed by their files, and the directory goes with the last of them to be
 * closed. Thread-safe.
 */
final class Workspace {

    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

    private final Path directory;
    private final Path inputs;
    /** Media handed out and not yet closed; the directory is deleted when it drops to 0. */
    private final AtomicInteger open = new AtomicInteger();

    private Workspace(Path directory) throws IOException {
        this.directory = directory;
        this.inputs = Files.createDirectory(directory.resolve("inputs"));
    }

    /** A new, empty workspace under {@code parent}. */
    static Workspace create(Path parent) throws IOException {
        Files.createDirectories(parent);
        return new Workspace(Files.createTempDirectory(parent, "acog-ffmpeg-"));
    }

    Path directory() {
        return directory;
    }

    /** Where a copy of an input goes. */
    Path input(String fileName) {
        return inputs.resolve(fileName);
    }

    /** Where a script or an output goes. */
    Path file(String fileName) {
        return directory.resolve(fileName);
    }

    /** Deletes the copies of inputs, which nothing needs once the render is done. */
    void deleteInputs() {
        delete(inputs);
    }

    /** Deletes everything: the assembly failed, and nothing was handed out. */
    void delete() {
        delete(directory);
    }

    /** Media backed by {@code file}, which its {@code close()} deletes; the last one closed deletes the directory. */
    Media media(Path file, String mimeType) {
        open.incrementAndGet();
        return new FileMedia(file, file.getFileName().toString(), mimeType, this::closed);
    }

    private void closed(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("ACOG could not delete the temporary file {}: {}", file, e.toString());
        }
        if (open.decrementAndGet() == 0) {
            delete(directory);
        }
    }

    private static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("ACOG could not delete the temporary directory {}: {}", root, e.toString());
        }
    }
}
