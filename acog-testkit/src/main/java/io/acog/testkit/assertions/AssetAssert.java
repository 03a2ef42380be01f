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

    /**
     * Asserts that the asset is of this type.
     *
     * @param expected the type
     * @return this assertion
     */
    public AssetAssert hasType(AssetType expected) {
        isNotNull();
        if (actual.type() != expected) {
            failWithMessage(
                    "Expected asset %s to be %s but it is %s",
                    actual.id(), expected.label(), actual.type().label());
        }
        return this;
    }

    /**
     * Asserts that the asset is its episode's primary of its type.
     *
     * @return this assertion
     */
    public AssetAssert isPrimary() {
        isNotNull();
        if (!actual.primary()) {
            failWithMessage("Expected asset %s (%s) to be primary but it is not", actual.id(), actual.uri());
        }
        return this;
    }

    /**
     * Asserts that the asset is not primary.
     *
     * @return this assertion
     */
    public AssetAssert isNotPrimary() {
        isNotNull();
        if (actual.primary()) {
            failWithMessage("Expected asset %s (%s) not to be primary but it is", actual.id(), actual.uri());
        }
        return this;
    }

    /**
     * Asserts that the asset is stored in S3 at this bucket and key (derived from the URI).
     *
     * @param bucket the expected bucket
     * @param key the expected object key
     * @return this assertion
     */
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
