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

    /**
     * Stores the media at {@code root/key}, through a temporary file in the same directory moved
     * into place: a media that fails part-way leaves what was there.
     *
     * @throws IllegalArgumentException when the key is not a plain relative path ({@link
     *     AssetStorage#checkKey(String)}), before the media is opened: a key such as {@code
     *     a/../b.wav} is refused as S3 refuses it, not written to {@code b.wav}
     * @throws IOException when the media cannot be read or the file written
     */
    @Override
    public URI store(String key, Media media) throws IOException {
        AssetStorage.checkKey(key);
        Objects.requireNonNull(media, "media");
        Path target = root.resolve(key).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            // checkKey keeps keys inside; this guards against a file system whose paths read keys otherwise
            throw new IllegalArgumentException("storage key '" + key + "' leaves " + root);
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
