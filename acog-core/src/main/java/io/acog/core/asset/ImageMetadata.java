package io.acog.core.asset;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.acog.core.internal.Values;
import java.util.Map;

/** Metadata of an image asset (thumbnail). */
public record ImageMetadata(
        Integer width,
        Integer height,
        String format,
        String prompt,
        Integer costCents,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements AssetMetadata {

    public ImageMetadata {
        extra = Values.map(extra);
    }
}
