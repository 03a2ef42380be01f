package io.acog.core.job;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.acog.core.internal.Values;
import java.util.Map;
import java.util.UUID;

/** {@code jobs.input_params} of a scripting job (the seed's example keys). */
public record ScriptingInput(
        UUID planId,
        String refinementLevel,
        Boolean includeBrollMarkers,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ScriptingInput {
        extra = Values.map(extra);
    }
}
