package io.acog.spi;

import java.util.UUID;

/**
 * The circumstances of one provider call: which episode and stage it serves, an idempotency key to
 * pass on to providers that accept one (the same for every attempt of the same job, so a retried
 * or re-run call does not create a second render), and where to put files.
 */
public interface ProviderCall {

    /**
     * Returns the episode the call serves; null only in the call that cancels a render.
     *
     * @return the episode's id
     */
    UUID episodeId();

    /**
     * Returns the pipeline stage, e.g. {@code "audio"}.
     *
     * @return the stage's label
     */
    String stage();

    /**
     * Returns the idempotency key: stable across attempts of the same job, so pass it as the
     * provider's idempotency key.
     *
     * @return the key, never null
     */
    String idempotencyKey();

    /**
     * Returns which attempt this is, from 1.
     *
     * @return the attempt number
     */
    int attempt();

    /**
     * Returns where produced files go.
     *
     * @return the pipeline's storage
     */
    AssetStorage storage();

    /**
     * Tells whether the episode was cancelled meanwhile: stop early if the call allows.
     *
     * @return whether the episode was cancelled
     */
    boolean cancelRequested();
}
