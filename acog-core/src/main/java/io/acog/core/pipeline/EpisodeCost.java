package io.acog.core.pipeline;

import io.acog.core.episode.PipelineStage;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * What an episode's provider calls cost so far, from its jobs.
 *
 * @param byStage the cost of each stage that cost anything
 * @param tokens LLM tokens used
 */
public record EpisodeCost(UUID episodeId, BigDecimal totalUsd, Map<PipelineStage, BigDecimal> byStage, long tokens) {

    public EpisodeCost {
        byStage = Map.copyOf(byStage);
    }
}
