package io.acog.core.asset;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.acog.core.internal.Values;
import java.math.BigDecimal;
import java.util.Map;

/** Metadata of a video asset: avatar video, b-roll clip or the assembled video. */
public record VideoMetadata(
        BigDecimal durationSeconds,
        String resolution,
        Integer fps,
        String codec,
        Integer bitrateKbps,
        Integer costCents,
        Map<String, Object> generationParams,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements AssetMetadata {

    public VideoMetadata {
        generationParams = Values.map(generationParams);
        extra = Values.map(extra);
    }
}
