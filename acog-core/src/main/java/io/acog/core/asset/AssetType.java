package io.acog.core.asset;

import io.acog.core.internal.Labels;

/** What kind of file an asset is ({@code assets.type}); it decides its {@link AssetMetadata}. */
public enum AssetType {
    /** The episode's script, as a document. */
    SCRIPT,
    /** Synthesized speech. */
    AUDIO,
    /** Talking-head video. */
    AVATAR_VIDEO,
    /** A generated or stock clip. */
    B_ROLL,
    /** The final video. */
    ASSEMBLED_VIDEO,
    /** A thumbnail image. */
    THUMBNAIL,
    /** The episode's plan, as a document. */
    PLAN,
    /** An SEO metadata export. */
    METADATA,
    /** The episode's captions, timed to the narration (SRT), for the publisher. */
    CAPTIONS;

    /**
     * Returns the type as stored, e.g. {@code "avatar_video"}.
     *
     * @return the label
     */
    public String label() {
        return Labels.of(this);
    }

    /**
     * Returns the type with this label.
     *
     * @param label the type as stored, e.g. {@code "b_roll"}
     * @return the type
     * @throws IllegalArgumentException naming the label and the ones allowed
     */
    public static AssetType fromLabel(String label) {
        return Labels.parse(AssetType.class, label);
    }
}
