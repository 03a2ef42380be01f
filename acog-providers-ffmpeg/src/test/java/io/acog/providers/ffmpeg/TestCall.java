package io.acog.providers.ffmpeg;

import io.acog.spi.AssetStorage;
import io.acog.spi.Media;
import io.acog.spi.ProviderCall;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A provider call that records what the assembler reports, over a storage of files in a directory
 * whose URIs ({@code test-store:/name}) are not {@code file:} ones, so the assembler must read them
 * through {@link AssetStorage#open}.
 */
final class TestCall implements ProviderCall, AssetStorage {

    static final String SCHEME = "test-store";

    final List<Double> progress = new CopyOnWriteArrayList<>();
    final List<String> checkpoints = new CopyOnWriteArrayList<>();
    final List<URI> opened = new CopyOnWriteArrayList<>();
    volatile boolean cancelled;
    private final Path root;
    private final UUID episode = UUID.randomUUID();

    TestCall(Path root) {
        this.root = root;
    }

    /** Puts {@code file} into the storage, returning its URI. */
    URI put(Path file) {
        try {
            Files.copy(file, root.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return URI.create(SCHEME + ":/" + file.getFileName());
    }

    @Override
    public UUID episodeId() {
        return episode;
    }

    @Override
    public String stage() {
        return "assembly";
    }

    @Override
    public String idempotencyKey() {
        return "assembly-" + episode;
    }

    @Override
    public int attempt() {
        return 1;
    }

    @Override
    public AssetStorage storage() {
        return this;
    }

    @Override
    public boolean cancelRequested() {
        return cancelled;
    }

    @Override
    public Optional<String> checkpoint() {
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
    }

    @Override
    public void saveCheckpoint(String checkpoint) {
        checkpoints.add(checkpoint);
    }

    @Override
    public void progress(double fractionDone) {
        progress.add(fractionDone);
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public URI store(String key, Media media) throws IOException {
        Path target = root.resolve(key);
        Files.createDirectories(target.getParent());
        try (InputStream in = media.open()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return URI.create(SCHEME + ":/" + key);
    }

    @Override
    public InputStream open(URI uri) throws IOException {
        opened.add(uri);
        if (!SCHEME.equals(uri.getScheme())) {
            throw new IOException("not in this storage: " + uri);
        }
        return Files.newInputStream(root.resolve(uri.getPath().substring(1)));
    }

    @Override
    public void delete(URI uri) throws IOException {
        Files.deleteIfExists(root.resolve(uri.getPath().substring(1)));
    }
}
