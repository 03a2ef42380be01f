package io.acog.core.internal;

import static io.acog.jooq.generated.Tables.ASSETS;
import static io.acog.jooq.generated.Tables.EPISODES;

import io.acog.core.NotFoundException;
import io.acog.core.ValidationException;
import io.acog.core.asset.Asset;
import io.acog.core.asset.AssetMetadata;
import io.acog.core.asset.AssetRepository;
import io.acog.core.asset.NewAsset;
import io.acog.jooq.generated.enums.AssetType;
import io.acog.jooq.generated.tables.records.AssetsRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

final class AssetStore implements AssetRepository {

    static final String ENTITY = "asset";

    /** First key of the advisory locks that order primary switches ('ASSE' in ASCII). */
    private static final int PRIMARY_LOCK = 0x41535345;

    private final Db db;

    AssetStore(Db db) {
        this.db = db;
    }

    @Override
    public Asset add(NewAsset asset) {
        Prepared prepared = prepare(asset);
        OffsetDateTime now = db.now();
        return db.write(dsl -> {
            if (!dsl.fetchExists(EPISODES, EPISODES.ID.eq(prepared.asset().episodeId()),
                    EPISODES.DELETED_AT.isNull())) {
                throw EpisodeStore.notFound(prepared.asset().episodeId());
            }
            return insert(dsl, prepared, now);
        });
    }

    /** An asset checked (before any database work) and ready to insert. */
    record Prepared(NewAsset asset, AssetLocation location, JSONB metadata) {}

    /**
     * Checks an asset: required fields, lengths, a parseable URI, metadata of the type's kind.
     *
     * @throws ValidationException naming the field, the value and the limit
     */
    static Prepared prepare(NewAsset asset) {
        Checks.notNull(ENTITY, "asset", asset);
        Checks.notNull(ENTITY, "episode_id", asset.episodeId());
        AssetType type = Checks.notNull(ENTITY, "type", asset.type());
        String uri = Checks.required(ENTITY, ASSETS.URI, asset.uri());
        AssetLocation location = AssetLocation.parse(ENTITY, ASSETS.URI.getName(), uri);
        Checks.optional(ENTITY, ASSETS.NAME, asset.name());
        Checks.optional(ENTITY, ASSETS.PROVIDER, asset.provider());
        Checks.optional(ENTITY, ASSETS.PROVIDER_JOB_ID, asset.providerJobId());
        Checks.optional(ENTITY, ASSETS.MIME_TYPE, asset.mimeType());
        Checks.optional(ENTITY, ASSETS.STORAGE_BUCKET, location.bucket());
        Checks.optional(ENTITY, ASSETS.STORAGE_KEY, location.key());
        if (asset.fileSizeBytes() != null) {
            Checks.nonNegative(ENTITY, "file_size_bytes", asset.fileSizeBytes());
        }
        if (asset.durationMs() != null) {
            Checks.nonNegative(ENTITY, "duration_ms", asset.durationMs());
        }
        AssetMetadata metadata = asset.metadata() == null
                ? AssetMetadata.emptyFor(type) : asset.metadata();
        Class<? extends AssetMetadata> expected = AssetMetadata.typeFor(type);
        if (!expected.isInstance(metadata)) {
            throw new ValidationException(ENTITY, "metadata", "is " + metadata.getClass()
                    .getSimpleName() + ", but a " + type.getLiteral() + " asset takes "
                    + expected.getSimpleName());
        }
        return new Prepared(asset, location, JSONB.valueOf(Checks.json(ENTITY, "metadata",
                JsonCodec.text(metadata))));
    }

    /**
     * Inserts a prepared asset of an episode the caller knows to be live (and, in the pipeline,
     * holds locked); a primary asset first demotes the type's previous primary.
     */
    static Asset insert(DSLContext dsl, Prepared prepared, OffsetDateTime now) {
        NewAsset asset = prepared.asset();
        if (asset.primary()) {
            demotePrimary(dsl, asset.episodeId(), asset.type());
        }
        return map(dsl.insertInto(ASSETS)
                .set(ASSETS.EPISODE_ID, asset.episodeId())
                .set(ASSETS.TYPE, asset.type())
                .set(ASSETS.NAME, asset.name())
                .set(ASSETS.URI, asset.uri())
                .set(ASSETS.STORAGE_BUCKET, prepared.location().bucket())
                .set(ASSETS.STORAGE_KEY, prepared.location().key())
                .set(ASSETS.PROVIDER, asset.provider())
                .set(ASSETS.PROVIDER_JOB_ID, asset.providerJobId())
                .set(ASSETS.METADATA, prepared.metadata())
                .set(ASSETS.MIME_TYPE, asset.mimeType())
                .set(ASSETS.FILE_SIZE_BYTES, asset.fileSizeBytes())
                .set(ASSETS.DURATION_MS, asset.durationMs())
                .set(ASSETS.IS_PRIMARY, asset.primary())
                .set(ASSETS.CREATED_AT, now)
                .set(ASSETS.UPDATED_AT, now)
                .returning().fetchOne());
    }

    /**
     * Clears the current primary of (episode, type), holding a transaction-scoped advisory lock on
     * that pair first: two concurrent switches then run one after the other instead of one of them
     * hitting the unique index.
     */
    private static void demotePrimary(DSLContext dsl, UUID episodeId, AssetType type) {
        dsl.execute("SELECT pg_advisory_xact_lock({0}, hashtext({1}))", DSL.inline(PRIMARY_LOCK),
                DSL.val(episodeId + "/" + type.getLiteral()));
        dsl.update(ASSETS).set(ASSETS.IS_PRIMARY, false)
                .where(ASSETS.EPISODE_ID.eq(episodeId), ASSETS.TYPE.eq(type),
                        ASSETS.IS_PRIMARY.isTrue(), ASSETS.DELETED_AT.isNull())
                .execute();
    }

    @Override
    public Asset get(UUID id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public Optional<Asset> find(UUID id) {
        Checks.notNull(ENTITY, "id", id);
        return db.read(dsl -> dsl.selectFrom(ASSETS)
                .where(ASSETS.ID.eq(id), ASSETS.DELETED_AT.isNull())
                .fetchOptional(AssetStore::map));
    }

    @Override
    public List<Asset> list(UUID episodeId) {
        Checks.notNull(ENTITY, "episode_id", episodeId);
        return db.read(dsl -> dsl.selectFrom(ASSETS)
                .where(ASSETS.EPISODE_ID.eq(episodeId), ASSETS.DELETED_AT.isNull())
                .orderBy(ASSETS.CREATED_AT, ASSETS.ID).fetch(AssetStore::map));
    }

    @Override
    public List<Asset> list(UUID episodeId, AssetType type) {
        Checks.notNull(ENTITY, "episode_id", episodeId);
        Checks.notNull(ENTITY, "type", type);
        return db.read(dsl -> dsl.selectFrom(ASSETS)
                .where(ASSETS.EPISODE_ID.eq(episodeId), ASSETS.TYPE.eq(type),
                        ASSETS.DELETED_AT.isNull())
                .orderBy(ASSETS.CREATED_AT, ASSETS.ID).fetch(AssetStore::map));
    }

    @Override
    public Optional<Asset> primary(UUID episodeId, AssetType type) {
        Checks.notNull(ENTITY, "episode_id", episodeId);
        Checks.notNull(ENTITY, "type", type);
        return db.read(dsl -> dsl.selectFrom(ASSETS)
                .where(ASSETS.EPISODE_ID.eq(episodeId), ASSETS.TYPE.eq(type),
                        ASSETS.IS_PRIMARY.isTrue(), ASSETS.DELETED_AT.isNull())
                .fetchOptional(AssetStore::map));
    }

    @Override
    public Asset makePrimary(UUID id) {
        Asset asset = get(id);
        return db.write(dsl -> {
            demotePrimary(dsl, asset.episodeId(), asset.type());
            return dsl.update(ASSETS).set(ASSETS.IS_PRIMARY, true)
                    .where(ASSETS.ID.eq(id), ASSETS.DELETED_AT.isNull())
                    .returning().fetchOptional(AssetStore::map)
                    .orElseThrow(() -> notFound(id));
        });
    }

    @Override
    public void softDelete(UUID id) {
        Checks.notNull(ENTITY, "id", id);
        OffsetDateTime now = db.now();
        int deleted = db.write(dsl -> dsl.update(ASSETS).set(ASSETS.DELETED_AT, now)
                .where(ASSETS.ID.eq(id), ASSETS.DELETED_AT.isNull()).execute());
        if (deleted == 0) {
            throw notFound(id);
        }
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException(ENTITY, "id " + id);
    }

    static Asset map(AssetsRecord row) {
        return new Asset(row.getId(), row.getEpisodeId(), row.getType(), row.getName(),
                row.getUri(), row.getStorageBucket(), row.getStorageKey(), row.getProvider(),
                row.getProviderJobId(),
                JsonCodec.read(row.getMetadata(), AssetMetadata.typeFor(row.getType())),
                row.getMimeType(), row.getFileSizeBytes(), row.getDurationMs(),
                row.getIsPrimary(), row.getCreatedAt(), row.getUpdatedAt(), row.getDeletedAt());
    }
}
