package io.acog.core.asset;

import java.util.Map;

/**
 * {@code assets.metadata}, typed by the asset's type: {@link AudioMetadata} for audio,
 * {@link VideoMetadata} for avatar video, b-roll and the assembled video, {@link ImageMetadata}
 * for thumbnails, {@link DocumentMetadata} for scripts, plans and metadata exports. Unknown keys
 * are kept in {@link #extra()}.
 */
public sealed interface AssetMetadata permits AudioMetadata, VideoMetadata, ImageMetadata, DocumentMetadata {

    /** Keys beyond the typed ones, written back unchanged. */
    Map<String, Object> extra();

    /** The metadata record class for an asset type. */
    static Class<? extends AssetMetadata> typeFor(AssetType type) {
        return switch (type) {
            case AUDIO -> AudioMetadata.class;
            case AVATAR_VIDEO, B_ROLL, ASSEMBLED_VIDEO -> VideoMetadata.class;
            case THUMBNAIL -> ImageMetadata.class;
            case SCRIPT, PLAN, METADATA -> DocumentMetadata.class;
        };
    }

    /** Empty metadata of the right kind for an asset type. */
    static AssetMetadata emptyFor(AssetType type) {
        return switch (type) {
            case AUDIO -> new AudioMetadata(null, null, null, null, null, null, null, null);
            case AVATAR_VIDEO, B_ROLL, ASSEMBLED_VIDEO ->
                new VideoMetadata(null, null, null, null, null, null, null, null);
            case THUMBNAIL -> new ImageMetadata(null, null, null, null, null, null);
            case SCRIPT, PLAN, METADATA -> new DocumentMetadata(null, null, null, null);
        };
    }
}
