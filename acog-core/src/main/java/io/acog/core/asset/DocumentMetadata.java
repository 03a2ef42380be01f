package io.acog.core.asset;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.acog.core.internal.Values;
import java.util.Map;

/** Metadata of a document asset: a script, plan or metadata export. */
public record DocumentMetadata(
        String format,
        Integer version,
        Integer wordCount,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements AssetMetadata {

    public DocumentMetadata {
        extra = Values.map(extra);
    }
}
