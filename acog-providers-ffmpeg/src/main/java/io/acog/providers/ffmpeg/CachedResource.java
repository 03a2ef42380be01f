package io.acog.providers.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A file carried in a jar (a binary, a font), copied once into a cache directory to be used. */
final class CachedResource {

    private static final Logger LOG = LoggerFactory.getLogger(CachedResource.class);

    private CachedResource() {}

    /**
     * Returns the cached copy of {@code resource}, named by its size and {@code name}, copying it
     * when absent or of another size. The copy goes to a file of its own first, then is moved in
     * place: a reader never sees half a file.
     */
    static Path copy(URL resource, Path directory, String name, boolean executable) throws IOException {
        long size = resource.openConnection().getContentLengthLong();
        Path target = directory.resolve(size + "-" + name);
        if (Files.isRegularFile(target) && Files.size(target) == size && (!executable || Files.isExecutable(target))) {
            return target;
        }
        Files.createDirectories(directory);
        Path part = Files.createTempFile(directory, name, ".part");
        try (InputStream in = resource.openStream()) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            if (executable && !part.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + part + " executable");
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            LOG.info("ACOG copied {} to {}", name, target);
            return target;
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
