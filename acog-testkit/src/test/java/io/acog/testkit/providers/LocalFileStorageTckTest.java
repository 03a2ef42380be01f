package io.acog.testkit.providers;

import io.acog.core.pipeline.LocalFileStorage;
import io.acog.spi.AssetStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core's {@link LocalFileStorage}, the storage a pipeline gets by default, passes the storage kit.
 * It runs here rather than in acog-core, which the testkit depends on, and rather than in
 * acog-integration-tests, since it needs no database: beside the kit's own test, the kit's first
 * real user.
 */
class LocalFileStorageTckTest extends AssetStorageTck {

    @TempDir
    Path directory;

    private Path root;

    @Override
    protected AssetStorage storage() throws IOException {
        root = Files.createTempDirectory(directory, "storage-");
        return new LocalFileStorage(root);
    }

    /** A local disk has one way to fail that a test can bring about: its directory is gone, a file in its place. */
    @Override
    protected List<String> backendFailures() {
        return List.of("its directory is a file");
    }

    @Override
    protected void backendFails(String failure) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        Files.writeString(root, "not a directory");
    }
}
