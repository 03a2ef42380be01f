package io.acog.testkit.assertions;

import io.acog.core.asset.Asset;
import io.acog.core.asset.AssetType;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on an {@link Asset}. */
public final class AssetAssert extends AbstractAssert<AssetAssert, Asset> {

    AssetAssert(Asset actual) {
        super(actual, AssetAssert.class);
    }

    public AssetAssert hasType(AssetType expected) {
        isNotNull();
        if (actual.type() != expected) {
            failWithMessage(
                    "Expected asset %s to be %s but it is %s",
                    actual.id(), expected.label(), actual.type().label());
        }
        return this;
    }

    public AssetAssert isPrimary() {
        isNotNull();
        if (!actual.primary()) {
            failWithMessage("Expected asset %s (%s) to be primary but it is not", actual.id(), actual.uri());
        }
        return this;
    }

    public AssetAssert isNotPrimary() {
        isNotNull();
        if (actual.primary()) {
            failWithMessage("Expected asset %s (%s) not to be primary but it is", actual.id(), actual.uri());
        }
        return this;
    }

    /** Stored in S3 at this bucket and key (derived from the URI). */
    public AssetAssert isInS3(String bucket, String key) {
        isNotNull();
        if (!Objects.equals(actual.storageBucket(), bucket) || !Objects.equals(actual.storageKey(), key)) {
            failWithMessage(
                    "Expected asset %s in S3 bucket <%s> at key <%s> but it is in <%s> at" + " <%s>",
                    actual.id(), bucket, key, actual.storageBucket(), actual.storageKey());
        }
        return this;
    }
}
