package io.acog.core.pipeline;

import io.acog.core.episode.PipelineStage;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * What an episode's provider calls cost so far, from its completed jobs.
 *
 * @param episodeId the episode
 * @param totalUsd the sum of {@code byStage}, in US dollars
 * @param byStage the cost of each stage that cost anything, in US dollars
 * @param tokens LLM tokens used
 */
public record EpisodeCost(UUID episodeId, BigDecimal totalUsd, Map<PipelineStage, BigDecimal> byStage, long tokens) {

    /**
     * Creates the cost, copying {@code byStage}.
     *
     * @param episodeId the episode
     * @param totalUsd the sum of {@code byStage}, in US dollars
     * @param byStage the cost of each stage that cost anything, in US dollars
     * @param tokens LLM tokens used
     */
    public EpisodeCost {
        byStage = Map.copyOf(byStage);
    }
}
