package io.acog.spi;

import java.util.Optional;
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

    /**
     * Returns what this job's provider saved with {@link #saveCheckpoint} in an earlier attempt
     * (an upload's session and offset, say), so a call cut short by a crash resumes instead of
     * starting over.
     *
     * @return the last checkpoint saved for this job, or empty on its first run
     */
    Optional<String> checkpoint();

    /**
     * Saves a checkpoint of this job's call, durably, before returning: a later attempt of the same
     * job reads it with {@link #checkpoint()}. Save it before the step it protects (record a
     * resumable upload's session before sending the first byte). It is stored in ACOG's database:
     * put no credentials in it.
     *
     * @param checkpoint what the provider needs to resume, e.g. JSON; at most 4,000 characters
     * @throws IllegalArgumentException when it is longer
     * @throws IllegalStateException when this worker no longer holds the job (its lease was lost):
     *     stop, another worker runs it
     */
    void saveCheckpoint(String checkpoint);

    /**
     * Reports how far along a long call is, for the host to show (the demo prints it). Cheap to
     * call often: ACOG passes on at most a few reports a second.
     *
     * @param fractionDone from 0 to 1
     */
    void progress(double fractionDone);
}
