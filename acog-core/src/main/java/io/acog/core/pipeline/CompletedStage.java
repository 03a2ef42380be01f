package io.acog.core.pipeline;

import io.acog.core.episode.PipelineStage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * A stage that completed, as {@link PipelineListener#stageCompleted(CompletedStage)} hears it: what
 * metrics record per stage, provider and channel.
 *
 * @param episodeId the episode
 * @param channelId the episode's channel
 * @param stage the stage
 * @param provider the provider that served it, e.g. {@code "elevenlabs"}; null for a stage no
 *     provider serves (a script approved by a person)
 * @param took from the start of the stage's latest try to its completion: for a render, the time
 *     the provider took, polls included; for b-roll, from its first clip to its last
 * @param costUsd what its provider calls cost, in US dollars; zero when nothing was charged
 */
public record CompletedStage(
        UUID episodeId, UUID channelId, PipelineStage stage, String provider, Duration took, BigDecimal costUsd) {

    /**
     * Creates the record.
     *
     * @param episodeId the episode
     * @param channelId the episode's channel
     * @param stage the stage
     * @param provider the provider that served it; null for none
     * @param took how long the stage's latest try took
     * @param costUsd what it cost in US dollars
     * @throws NullPointerException when a component other than {@code provider} is null
     */
    public CompletedStage {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(took, "took");
        Objects.requireNonNull(costUsd, "costUsd");
    }
}
