package io.acog.core.job;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.acog.core.internal.Values;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** {@code jobs.result} of an audio job (the seed's example keys). */
public record AudioResult(
        UUID assetId,
        BigDecimal durationSeconds,
        Integer characterCount,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public AudioResult {
        extra = Values.map(extra);
    }
}
