package io.acog.spi;

import java.util.UUID;

/**
 * The circumstances of one provider call: which episode and stage it serves, an idempotency key to
 * pass on to providers that accept one (the same for every attempt of the same job, so a retried
 * or re-run call does not create a second render), and where to put files.
 */
public interface ProviderCall {

    UUID episodeId();

    /** The pipeline stage, e.g. {@code "audio"}. */
    String stage();

    /** Stable across attempts of the same job: pass it as the provider's idempotency key. */
    String idempotencyKey();

    /** Which attempt this is, from 1. */
    int attempt();

    /** Where produced files go. */
    AssetStorage storage();

    /** Whether the episode was cancelled meanwhile: stop early if the call allows. */
    boolean cancelRequested();
}
