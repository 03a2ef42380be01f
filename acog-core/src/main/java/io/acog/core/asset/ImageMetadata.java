package io.acog.core.asset;

import io.acog.core.internal.json.Copies;
import java.util.Map;

/** Metadata of an image asset (thumbnail). */
public record ImageMetadata(
        Integer width, Integer height, String format, String prompt, Integer costCents, Map<String, Object> extra)
        implements AssetMetadata {

    public ImageMetadata {
        extra = Copies.map(extra);
    }
}
