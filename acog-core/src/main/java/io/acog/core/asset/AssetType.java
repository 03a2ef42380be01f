package io.acog.core.asset;

import io.acog.core.internal.Labels;

/** What kind of file an asset is ({@code assets.type}); it decides its {@link AssetMetadata}. */
public enum AssetType {
    SCRIPT,
    AUDIO,
    /** Talking-head video. */
    AVATAR_VIDEO,
    /** A generated or stock clip. */
    B_ROLL,
    /** The final video. */
    ASSEMBLED_VIDEO,
    THUMBNAIL,
    PLAN,
    /** An SEO metadata export. */
    METADATA;

    /** The type as stored, e.g. {@code "avatar_video"}. */
    public String label() {
        return Labels.of(this);
    }

    /**
     * The type with this label.
     *
     * @throws IllegalArgumentException naming the label and the ones allowed
     */
    public static AssetType fromLabel(String label) {
        return Labels.parse(AssetType.class, label);
    }
}
