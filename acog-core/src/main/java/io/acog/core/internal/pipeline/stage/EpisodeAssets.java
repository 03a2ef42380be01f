package io.acog.core.internal.pipeline.stage;

import io.acog.core.asset.AssetType;
import io.acog.core.internal.json.JsonCodec;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The assets earlier stages stored that a stage hands its provider, as the stage's load read them
 * ({@link EpisodeField#ASSETS}): the primary of each type, and the b-roll clips by clip index.
 */
record EpisodeAssets(UUID episodeId, Map<AssetType, Stored> primaries, Map<Integer, Stored> clips) {

    /**
     * One stored asset.
     *
     * @param provider the provider that made it; null if none is recorded
     * @param durationMs how long it runs; 0 when unknown
     */
    record Stored(URI uri, String provider, long durationMs) {}

    EpisodeAssets {
        primaries = Map.copyOf(primaries);
        clips = Map.copyOf(clips);
    }

    /** Reads the loaded JSON array of {@code [type, uri, is_primary, provider, duration_ms, clip_index]}. */
    @SuppressWarnings("unchecked")
    static EpisodeAssets parse(UUID episodeId, String loaded) {
        Map<AssetType, Stored> primaries = new EnumMap<>(AssetType.class);
        Map<Integer, Stored> clips = new TreeMap<>();
        for (List<Object> row : (List<List<Object>>) JsonCodec.read(loaded, List.class)) {
            AssetType type = AssetType.fromLabel((String) row.get(0));
            Stored stored = new Stored(
                    URI.create((String) row.get(1)),
                    (String) row.get(3),
                    row.get(4) instanceof Number millis ? millis.longValue() : 0);
            if (type == AssetType.B_ROLL) {
                if (row.get(5) instanceof Number index) {
                    clips.put(index.intValue(), stored); // a later render of the clip replaces an earlier
                }
            } else if (Boolean.TRUE.equals(row.get(2))) {
                primaries.put(type, stored);
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
        Stored stored = primaries.get(type);
        if (stored == null) {
            throw StageFailedException.permanent("episode " + episodeId + " has no primary " + type.label() + " asset");
        }
        return stored.uri();
    }

    /** The episode's primary asset of a type, or null when it has none. */
    Stored optional(AssetType type) {
        return primaries.get(type);
    }
}
