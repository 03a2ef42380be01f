package io.acog.core.internal.pipeline.stage;

import io.acog.spi.Provider;
import java.util.Set;

/**
 * The provider side of one pipeline stage: what its provider is given, and what of the answer is
 * stored. Runs outside any transaction; the pipeline stores the result in one. Thread-safe.
 */
public interface Stage {

    /**
     * The provider {@link #run} calls for this work, whose {@linkplain Provider#limits() limits}
     * the pipeline keeps to across the fleet before the call.
     *
     * @throws StageFailedException when the channel asks for a provider the pipeline lacks
     */
    Provider provider(StageWork work);

    /**
     * Calls the stage's provider.
     *
     * @throws io.acog.spi.ProviderException as the provider classified its failure
     * @throws StageFailedException when the answer cannot be used or the stage cannot begin
     */
    StageResult run(StageWork work);

    /** The parts of the episode {@link #run} reads; only these are loaded for it. */
    Set<EpisodeField> reads();
}
