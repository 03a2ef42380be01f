package io.acog.core.asset;

import io.acog.core.internal.json.Copies;
import java.util.Map;

/**
 * Metadata of a document asset: a script, plan, metadata export or captions file. Every field is nullable.
 *
 * @param format the document's format, e.g. {@code "json"}
 * @param version the document's revision, from 1
 * @param wordCount the words it holds
 * @param extra keys beyond these, kept as they are
 */
public record DocumentMetadata(String format, Integer version, Integer wordCount, Map<String, Object> extra)
        implements AssetMetadata {

    /**
     * Creates the metadata, copying {@code extra} (null becomes empty).
     *
     * @param format the document's format, e.g. {@code "json"}
     * @param version the document's revision, from 1
     * @param wordCount the words it holds
     * @param extra keys beyond these, kept as they are
     */
    public DocumentMetadata {
        extra = Copies.map(extra);
    }
}
