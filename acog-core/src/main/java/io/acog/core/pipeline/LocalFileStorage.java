package io.acog.core.pipeline;

import io.acog.spi.AssetStorage;
import io.acog.spi.Media;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Stores files under a directory of the local disk, as {@code file:} URIs: the storage
 * right for a single machine and for tests. Writes go to a temporary file first and are moved into
 * place, so a reader never sees half a file. Thread-safe.
 */
public final class LocalFileStorage implements AssetStorage {

    private final Path root;

    /**
     * Creates a storage under {@code root}; directories are created as files are stored.
     *
     * @param root the directory files go under
     * @throws NullPointerException when {@code root} is null
     */
    public LocalFileStorage(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "local";
    }

    /**
     * Returns the directory files go under.
     *
     * @return the absolute, normalized root
     */
    public Path root() {
        return root;
    }

    @Override
    public URI store(String key, Media media) throws IOException {
        Path target = root.resolve(key).normalize();
        if (!target.startsWith(root) || key.isBlank()) {
            throw new IllegalArgumentException("storage key " + key + " leaves " + root);
        }
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".store-", ".tmp");
        try (InputStream in = media.open()) {
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target.toUri();
    }

    @Override
    public InputStream open(URI uri) throws IOException {
        return Files.newInputStream(inside(uri));
    }

    @Override
    public void delete(URI uri) throws IOException {
        Files.deleteIfExists(inside(uri));
    }

    private Path inside(URI uri) {
        Path path = Path.of(uri).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException(uri + " is not in this storage (" + root + ")");
        }
        return path;
    }
}
