package io.acog.providers.offline;

import io.acog.core.pipeline.LocalFileStorage;
import io.acog.spi.AssetStorage;
import io.acog.spi.ProviderCall;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * The calls of one job, as the pipeline makes them: the same episode, stage and idempotency key on
 * every attempt, and the checkpoint an attempt saved read by the next.
 */
final class JobCall {

    private final UUID episodeId = UUID.randomUUID();
    private final String stage;
    private final AssetStorage storage;
    private String checkpoint;
    private int attempts;

    JobCall(String stage, Path storage) {
        this.stage = stage;
        this.storage = new LocalFileStorage(storage);
    }

    /** The next attempt's call. */
    ProviderCall attempt() {
        int attempt = ++attempts;
        return new ProviderCall() {
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
                return episodeId + ":" + stage;
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
                return false;
            }

            @Override
            public Optional<String> checkpoint() {
                return Optional.ofNullable(checkpoint);
            }

            @Override
            public void saveCheckpoint(String saved) {
                checkpoint = saved;
            }

            @Override
            public void progress(double fractionDone) {}
        };
    }

    UUID episodeId() {
        return episodeId;
    }

    Optional<String> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }
}
