package io.acog.core.pipeline;

import io.acog.core.episode.PipelineStage;
import io.acog.spi.ProviderException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One call the pipeline made to a provider, as {@link PipelineListener#providerCalled} hears it:
 * a stage's call (write, speak, submit a render, assemble, upload) or a render's status request.
 * The time a call waited for a fleet-wide limit is not part of it; a call that a limit refused was
 * not made and is not heard.
 *
 * @param episodeId the episode
 * @param stage the stage it served
 * @param provider the provider's name, e.g. {@code "heygen"}
 * @param kind a stage's call, or a render's status request
 * @param took how long the provider took to answer or fail
 * @param outcome {@value #SUCCEEDED} when it answered; else the failure's class: a {@link
 *     ProviderException.Reason} in lower case ({@code "rate_limited"}, {@code "timeout"}, …), or
 *     {@value #UNEXPECTED} for a failure that is not a {@link ProviderException} (an adapter's bug)
 */
public record ProviderCall(
        UUID episodeId, PipelineStage stage, String provider, Kind kind, Duration took, String outcome) {

    /** The outcome of a call the provider answered. */
    public static final String SUCCEEDED = "success";

    /** The outcome of a call that failed with something other than a {@link ProviderException}. */
    public static final String UNEXPECTED = "unexpected";

    /** What the call was. */
    public enum Kind {
        /** The stage's call: the provider does the stage's work, or takes a render. */
        CALL,
        /** A render's status request. */
        POLL
    }

    /**
     * Creates the record.
     *
     * @param episodeId the episode
     * @param stage the stage it served
     * @param provider the provider's name
     * @param kind what the call was
     * @param took how long it took
     * @param outcome {@value #SUCCEEDED}, a reason in lower case, or {@value #UNEXPECTED}
     * @throws NullPointerException when a component is null
     */
    public ProviderCall {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(took, "took");
        Objects.requireNonNull(outcome, "outcome");
    }

    /**
     * Returns the outcome that names a call's failure.
     *
     * @param failure what the call threw; null when it answered
     * @return {@value #SUCCEEDED}, the {@link ProviderException.Reason} in lower case, or
     *     {@value #UNEXPECTED}
     */
    public static String outcomeOf(Throwable failure) {
        if (failure == null) {
            return SUCCEEDED;
        }
        return failure instanceof ProviderException e ? e.reason().name().toLowerCase(Locale.ROOT) : UNEXPECTED;
    }

    /**
     * Tells whether the provider answered.
     *
     * @return whether the outcome is {@value #SUCCEEDED}
     */
    public boolean succeeded() {
        return SUCCEEDED.equals(outcome);
    }
}
