package io.acog.providers.youtube;

import io.acog.spi.AssetStorage;
import io.acog.spi.ProviderCall;
import io.acog.testkit.providers.TestProviderCall;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/** A test call that lets a test act when the provider saves a checkpoint or reports progress. */
final class WatchedCall implements ProviderCall {

    private final TestProviderCall call;
    private final Consumer<String> onSave;
    private final DoubleConsumer onProgress;

    WatchedCall(TestProviderCall call, Consumer<String> onSave, DoubleConsumer onProgress) {
        this.call = call;
        this.onSave = onSave;
        this.onProgress = onProgress;
    }

    @Override
    public UUID episodeId() {
        return call.episodeId();
    }

    @Override
    public String stage() {
        return call.stage();
    }

    @Override
    public String idempotencyKey() {
        return call.idempotencyKey();
    }

    @Override
    public int attempt() {
        return call.attempt();
    }

    @Override
    public AssetStorage storage() {
        return call.storage();
    }

    @Override
    public boolean cancelRequested() {
        return call.cancelRequested();
    }

    @Override
    public Optional<String> checkpoint() {
        return call.checkpoint();
    }

    @Override
    public void saveCheckpoint(String checkpoint) {
        onSave.accept(checkpoint);
        call.saveCheckpoint(checkpoint);
    }

    @Override
    public void progress(double fractionDone) {
        call.progress(fractionDone);
        onProgress.accept(fractionDone);
    }
}
