package io.acog.core.asset;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.acog.core.internal.Values;
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
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements AssetMetadata {

    public AudioMetadata {
        voiceSettingsUsed = Values.map(voiceSettingsUsed);
        extra = Values.map(extra);
    }
}
