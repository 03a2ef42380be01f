package io.acog.core.job;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.acog.core.internal.Values;
import java.util.Map;

/** {@code jobs.input_params} of a planning job (the seed's example keys). */
public record PlanningInput(
        String topic,
        Integer targetLengthMinutes,
        Map<String, Object> styleOverrides,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public PlanningInput {
        styleOverrides = Values.map(styleOverrides);
        extra = Values.map(extra);
    }
}
