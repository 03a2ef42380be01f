package io.acog.core.internal.pipeline.stage;

import io.acog.core.asset.AssetType;
import io.acog.core.internal.json.JsonCodec;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The assets earlier stages stored that a stage hands its provider, as the stage's load read them
 * ({@link EpisodeField#ASSETS}): the primary of each type, and the b-roll clips in script order.
 */
record EpisodeAssets(UUID episodeId, Map<AssetType, URI> primaries, List<URI> clips) {

    EpisodeAssets {
        primaries = Map.copyOf(primaries);
        clips = List.copyOf(clips);
    }

    /** Reads the loaded JSON array of {@code [type, uri, is_primary]} rows. */
    @SuppressWarnings("unchecked")
    static EpisodeAssets parse(UUID episodeId, String loaded) {
        Map<AssetType, URI> primaries = new EnumMap<>(AssetType.class);
        List<URI> clips = new ArrayList<>();
        for (List<Object> row : (List<List<Object>>) JsonCodec.read(loaded, List.class)) {
            AssetType type = AssetType.fromLabel((String) row.get(0));
            URI uri = URI.create((String) row.get(1));
            if (type == AssetType.B_ROLL) {
                clips.add(uri);
            } else if (Boolean.TRUE.equals(row.get(2))) {
                primaries.put(type, uri);
            }
        }
        return new EpisodeAssets(episodeId, primaries, clips);
    }

    /**
     * The episode's primary asset of a type.
     *
     * @throws StageFailedException (permanent) when it has none
     */
    URI primary(AssetType type) {
        URI uri = primaries.get(type);
        if (uri == null) {
            throw StageFailedException.permanent("episode " + episodeId + " has no primary " + type.label() + " asset");
        }
        return uri;
    }
}
