package io.acog.testkit.providers;

import io.acog.core.pipeline.LocalFileStorage;
import io.acog.spi.AssetStorage;
import io.acog.spi.ProviderCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ProviderCall} for testing a provider on its own, without a pipeline: it says which
 * episode, stage and attempt the call serves, keeps the checkpoints the provider saves (so a test
 * can run a call again after a "crash" and watch it resume), records the progress it reports, and
 * can be told that the episode's cancellation was requested. Its storage is a {@link
 * LocalFileStorage} in a fresh temporary directory unless another is given. Thread-safe.
 *
 * <pre>{@code
 * TestProviderCall call = TestProviderCall.forStage("audio");
 * Speech speech = synthesizer.synthesize(request, call);
 * assertThat(call.progress()).isNotEmpty();
 * }</pre>
 */
public final class TestProviderCall implements ProviderCall {

    private final UUID episodeId;
    private final String stage;
    private final String idempotencyKey;
    private final int attempt;
    private final AssetStorage storage;
    private final List<String> checkpoints = new CopyOnWriteArrayList<>();
    private final List<Double> progress = new CopyOnWriteArrayList<>();
    private volatile boolean cancelRequested;

    private TestProviderCall(UUID episodeId, String stage, String idempotencyKey, int attempt, AssetStorage storage) {
        this.episodeId = Objects.requireNonNull(episodeId, "episodeId");
        this.stage = Objects.requireNonNull(stage, "stage");
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        this.attempt = attempt;
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    /**
     * Returns a first attempt at {@code stage} of a new episode, storing into a fresh temporary
     * directory, with the idempotency key ACOG would give it ({@code <episode>:<stage>}).
     *
     * @param stage the stage's label, e.g. {@code "audio"}
     * @return the call
     */
    public static TestProviderCall forStage(String stage) {
        UUID episode = UUID.randomUUID();
        return new TestProviderCall(episode, stage, episode + ":" + stage, 1, temporaryStorage());
    }

    /**
     * Returns this call with another storage, its checkpoints kept.
     *
     * @param storage where the provider stores and reads media
     * @return a new call
     */
    public TestProviderCall withStorage(AssetStorage storage) {
        return copy(episodeId, idempotencyKey, attempt, storage);
    }

    /**
     * Returns the next attempt of this call, as after a crash or a retry: the same episode, stage,
     * idempotency key, storage and checkpoints.
     *
     * @return a new call, its attempt one more
     */
    public TestProviderCall nextAttempt() {
        return copy(episodeId, idempotencyKey, attempt + 1, storage);
    }

    /**
     * Returns this call with another idempotency key.
     *
     * @param key the key
     * @return a new call
     */
    public TestProviderCall withIdempotencyKey(String key) {
        return copy(episodeId, key, attempt, storage);
    }

    /** Asks the call's provider to stop, as when the episode's cancellation is requested. */
    public void requestCancel() {
        cancelRequested = true;
    }

    /**
     * Returns the checkpoints the provider saved, oldest first.
     *
     * @return a snapshot of them
     */
    public List<String> checkpoints() {
        return List.copyOf(checkpoints);
    }

    /**
     * Returns the progress the provider reported, in order.
     *
     * @return a snapshot of the fractions
     */
    public List<Double> progress() {
        return List.copyOf(progress);
    }

    @Override
    public UUID episodeId() {
        return episodeId;
    }

    @Override
    public String stage() {
        return stage;
    }

    @Override
    public String idempotencyKey() {
        return idempotencyKey;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public AssetStorage storage() {
        return storage;
    }

    @Override
    public boolean cancelRequested() {
        return cancelRequested;
    }

    @Override
    public Optional<String> checkpoint() {
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
    }

    @Override
    public void saveCheckpoint(String checkpoint) {
        checkpoints.add(Objects.requireNonNull(checkpoint, "checkpoint"));
    }

    @Override
    public void progress(double fractionDone) {
        progress.add(fractionDone);
    }

    @Override
    public String toString() {
        return "TestProviderCall[" + stage + " of episode " + episodeId + ", attempt " + attempt + "]";
    }

    private TestProviderCall copy(UUID episode, String key, int nextAttempt, AssetStorage nextStorage) {
        TestProviderCall copy = new TestProviderCall(episode, stage, key, nextAttempt, nextStorage);
        copy.checkpoints.addAll(checkpoints);
        return copy;
    }

    private static AssetStorage temporaryStorage() {
        try {
            return new LocalFileStorage(Files.createTempDirectory("acog-test-call-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory for a test call's storage", e);
        }
    }
}
