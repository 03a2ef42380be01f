package io.acog.core.asset;

import io.acog.core.internal.json.Copies;
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
        Map<String, Object> extra)
        implements AssetMetadata {

    public VideoMetadata {
        generationParams = Copies.map(generationParams);
        extra = Copies.map(extra);
    }
}
