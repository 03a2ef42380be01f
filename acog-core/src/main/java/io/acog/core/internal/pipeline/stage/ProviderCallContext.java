package io.acog.core.internal.pipeline.stage;

import io.acog.spi.AssetStorage;
import io.acog.spi.ProviderCall;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * The circumstances of one provider call, as the SPI sees them. A checkpoint is saved through
 * {@code saver} (durably, under the job's lease) and read back by this call and the job's later
 * runs; progress goes to {@code progress}, which throttles.
 */
public final class ProviderCallContext implements ProviderCall {

    /** The longest checkpoint a provider may save. */
    public static final int CHECKPOINT_LIMIT = 4000;

    private final UUID episodeId;
    private final String stage;
    private final String idempotencyKey;
    private final int attempt;
    private final AssetStorage storage;
    private final BooleanSupplier cancel;
    private final Consumer<String> saver;
    private final DoubleConsumer progress;
    private volatile String checkpoint;

    public ProviderCallContext(
            UUID episodeId,
            String stage,
            String idempotencyKey,
            int attempt,
            AssetStorage storage,
            BooleanSupplier cancel,
            String checkpoint,
            Consumer<String> saver,
            DoubleConsumer progress) {
        this.episodeId = episodeId;
        this.stage = stage;
        this.idempotencyKey = idempotencyKey;
        this.attempt = attempt;
        this.storage = storage;
        this.cancel = cancel;
        this.checkpoint = checkpoint;
        this.saver = saver;
        this.progress = progress;
    }

    /** A call outside any job (cancelling a render): nothing to checkpoint, no progress to tell. */
    public static ProviderCallContext detached(String stage, String idempotencyKey, AssetStorage storage) {
        return new ProviderCallContext(
                null,
                stage,
                idempotencyKey,
                1,
                storage,
                () -> true,
                null,
                saved -> {
                    throw new IllegalStateException("a call outside a job cannot save a checkpoint");
                },
                fraction -> {});
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
        return cancel.getAsBoolean();
    }

    @Override
    public Optional<String> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    @Override
    public void saveCheckpoint(String saved) {
        if (saved == null) {
            throw new IllegalArgumentException("checkpoint is null; save a value, e.g. the upload's session as JSON");
        }
        if (saved.length() > CHECKPOINT_LIMIT) {
            throw new IllegalArgumentException(
                    "checkpoint is " + saved.length() + " characters long; it may be at most " + CHECKPOINT_LIMIT);
        }
        try {
            saver.accept(saved);
        } catch (io.acog.core.job.LeaseLostException e) {
            // as the SPI promises its plugins, which know nothing of ACOG's job types
            throw new IllegalStateException(
                    "this worker no longer holds the " + stage + " job of episode " + episodeId
                            + " (its lease ran out): stop; another worker runs it",
                    e);
        }
        checkpoint = saved;
    }

    @Override
    public void progress(double fractionDone) {
        if (!Double.isNaN(fractionDone)) {
            progress.accept(Math.max(0, Math.min(1, fractionDone)));
        }
    }

    @Override
    public String toString() {
        return "ProviderCall[" + stage + " of episode " + episodeId + ", attempt " + attempt + "]";
    }
}
