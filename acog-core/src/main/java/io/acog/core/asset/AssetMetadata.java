package io.acog.core.asset;

import java.util.Map;

/**
 * {@code assets.metadata}, typed by the asset's type: {@link AudioMetadata} for audio,
 * {@link VideoMetadata} for avatar video, b-roll and the assembled video, {@link ImageMetadata}
 * for thumbnails, {@link DocumentMetadata} for scripts, plans and metadata exports. Unknown keys
 * are kept in {@link #extra()}.
 */
public sealed interface AssetMetadata permits AudioMetadata, VideoMetadata, ImageMetadata, DocumentMetadata {

    /**
     * Returns the keys beyond the typed ones, written back unchanged.
     *
     * @return an unmodifiable map, empty when there are none
     */
    Map<String, Object> extra();

    /**
     * Returns the metadata record class for an asset type: what {@link NewAsset#metadata()} must
     * be.
     *
     * @param type the asset's type
     * @return the metadata class
     */
    static Class<? extends AssetMetadata> typeFor(AssetType type) {
        return switch (type) {
            case AUDIO -> AudioMetadata.class;
            case AVATAR_VIDEO, B_ROLL, ASSEMBLED_VIDEO -> VideoMetadata.class;
            case THUMBNAIL -> ImageMetadata.class;
            case SCRIPT, PLAN, METADATA, CAPTIONS -> DocumentMetadata.class;
        };
    }

    /**
     * Returns empty metadata of the right kind for an asset type; an asset added without metadata
     * gets it.
     *
     * @param type the asset's type
     * @return metadata with every field null and no extra keys
     */
    static AssetMetadata emptyFor(AssetType type) {
        return switch (type) {
            case AUDIO -> new AudioMetadata(null, null, null, null, null, null, null, null);
            case AVATAR_VIDEO, B_ROLL, ASSEMBLED_VIDEO ->
                new VideoMetadata(null, null, null, null, null, null, null, null);
            case THUMBNAIL -> new ImageMetadata(null, null, null, null, null, null);
            case SCRIPT, PLAN, METADATA, CAPTIONS -> new DocumentMetadata(null, null, null, null);
        };
    }
}
