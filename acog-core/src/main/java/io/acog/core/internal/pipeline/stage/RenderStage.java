package io.acog.core.internal.pipeline.stage;

import io.acog.spi.Cancellation;
import io.acog.spi.Provider;
import io.acog.spi.ProviderCall;
import io.acog.spi.RenderProgress;

/** A stage whose provider renders slowly: submitted by {@link #run}, then polled until done. */
public interface RenderStage extends Stage {

    /** The provider named {@code provider} that took a render, for its limits. */
    Provider named(String provider);

    /** How the render the provider named {@code provider} took as {@code taskId} goes. */
    RenderProgress poll(String provider, String taskId, ProviderCall call);

    /** Asks the provider to stop the render. */
    Cancellation cancel(String provider, String taskId, ProviderCall call);

    /** The finished render, stored. */
    StageResult.Output rendered(StageWork work, String provider, String taskId, RenderProgress.Done done);
}
