package io.acog.core.internal.pipeline.stage;

import static io.acog.jooq.generated.Tables.ASSETS;

import io.acog.core.asset.AssetType;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.db.DbEnums;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The assets earlier stages stored that a stage hands its provider. */
final class EpisodeAssets {

    /** B-roll clips in script order: by the clip index their metadata records. */
    private static final Field<Integer> CLIP_ORDER =
            DSL.field("({0} ->> 'clip_index')::int", Integer.class, ASSETS.METADATA);

    private final Db db;

    EpisodeAssets(Db db) {
        this.db = db;
    }

    /**
     * The episode's primary asset of a type.
     *
     * @throws StageFailedException (permanent) when it has none
     */
    URI primary(UUID episodeId, AssetType type) {
        String uri = db.read(dsl -> dsl.select(ASSETS.URI)
                .from(ASSETS)
                .where(
                        ASSETS.EPISODE_ID.eq(episodeId),
                        ASSETS.TYPE.eq(DbEnums.db(type)),
                        ASSETS.IS_PRIMARY.isTrue(),
                        ASSETS.DELETED_AT.isNull())
                .fetchOne(ASSETS.URI));
        if (uri == null) {
            throw missing(episodeId, type);
        }
        return URI.create(uri);
    }

    /** The episode's primary assets by type, and its b-roll clips in script order. */
    record ForAssembly(Map<AssetType, URI> primaries, List<URI> clips) {

        URI need(UUID episodeId, AssetType type) {
            URI uri = primaries.get(type);
            if (uri == null) {
                throw missing(episodeId, type);
            }
            return uri;
        }
    }

    ForAssembly forAssembly(UUID episodeId) {
        Map<AssetType, URI> primaries = new EnumMap<>(AssetType.class);
        List<URI> clips = new ArrayList<>();
        db.read(dsl -> dsl.select(ASSETS.TYPE, ASSETS.URI, ASSETS.IS_PRIMARY)
                        .from(ASSETS)
                        .where(
                                ASSETS.EPISODE_ID.eq(episodeId),
                                ASSETS.DELETED_AT.isNull(),
                                ASSETS.IS_PRIMARY
                                        .isTrue()
                                        .or(ASSETS.TYPE.eq(io.acog.jooq.generated.enums.AssetType.B_ROLL)))
                        .orderBy(CLIP_ORDER, ASSETS.CREATED_AT)
                        .fetch())
                .forEach(row -> {
                    AssetType type = DbEnums.assetType(row.value1());
                    if (type == AssetType.B_ROLL) {
                        clips.add(URI.create(row.value2()));
                    } else if (row.value3()) {
                        primaries.put(type, URI.create(row.value2()));
                    }
                });
        return new ForAssembly(primaries, clips);
    }

    private static StageFailedException missing(UUID episodeId, AssetType type) {
        return StageFailedException.permanent("episode " + episodeId + " has no primary " + type.label() + " asset");
    }
}
