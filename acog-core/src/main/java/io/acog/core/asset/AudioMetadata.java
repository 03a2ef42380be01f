package io.acog.core.asset;

import io.acog.core.internal.json.Copies;
import java.math.BigDecimal;
import java.util.Map;

/** Metadata of an audio asset (the seed's example keys). */
public record AudioMetadata(
        BigDecimal durationSeconds,
        String format,
        Integer bitrate,
        Integer sampleRate,
        Map<String, Object> voiceSettingsUsed,
        Integer costCents,
        Integer characterCount,
        Map<String, Object> extra)
        implements AssetMetadata {

    public AudioMetadata {
        voiceSettingsUsed = Copies.map(voiceSettingsUsed);
        extra = Copies.map(extra);
    }
}
