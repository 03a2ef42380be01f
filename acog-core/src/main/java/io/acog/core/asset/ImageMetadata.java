package io.acog.core.asset;

import io.acog.core.internal.json.Copies;
import java.util.Map;

/**
 * Metadata of an image asset (thumbnail). Every field is nullable.
 *
 * @param width the width, in pixels
 * @param height the height, in pixels
 * @param format the file format, e.g. {@code "png"}
 * @param prompt the prompt the image was generated from
 * @param costCents what it cost, in US cents
 * @param extra keys beyond these, kept as they are
 */
public record ImageMetadata(
        Integer width, Integer height, String format, String prompt, Integer costCents, Map<String, Object> extra)
        implements AssetMetadata {

    /**
     * Creates the metadata, copying {@code extra} (null becomes empty).
     *
     * @param width the width, in pixels
     * @param height the height, in pixels
     * @param format the file format, e.g. {@code "png"}
     * @param prompt the prompt the image was generated from
     * @param costCents what it cost, in US cents
     * @param extra keys beyond these, kept as they are
     */
    public ImageMetadata {
        extra = Copies.map(extra);
    }
}
