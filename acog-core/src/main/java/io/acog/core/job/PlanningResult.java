package io.acog.core.job;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.acog.core.internal.Values;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** {@code jobs.result} of a planning job (the seed's example keys). */
public record PlanningResult(
        UUID planId,
        Integer sectionsCount,
        BigDecimal estimatedDurationMinutes,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public PlanningResult {
        extra = Values.map(extra);
    }
}
