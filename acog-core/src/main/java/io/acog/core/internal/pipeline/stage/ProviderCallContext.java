package io.acog.core.internal.pipeline.stage;

import io.acog.spi.AssetStorage;
import io.acog.spi.ProviderCall;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** The circumstances of one provider call, as the SPI sees them. */
public record ProviderCallContext(
        UUID episodeId, String stage, String idempotencyKey, int attempt, AssetStorage storage, BooleanSupplier cancel)
        implements ProviderCall {

    @Override
    public boolean cancelRequested() {
        return cancel.getAsBoolean();
    }
}
