package io.acog.core.asset;

import io.acog.core.internal.json.Copies;
import java.util.Map;

/** Metadata of a document asset: a script, plan or metadata export. */
public record DocumentMetadata(String format, Integer version, Integer wordCount, Map<String, Object> extra)
        implements AssetMetadata {

    public DocumentMetadata {
        extra = Copies.map(extra);
    }
}
