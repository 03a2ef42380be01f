package io.acog.core.internal.store;

import static io.acog.jooq.generated.Tables.ASSETS;
import static io.acog.jooq.generated.Tables.EPISODES;

import io.acog.core.NotFoundException;
import io.acog.core.ValidationException;
import io.acog.core.asset.Asset;
import io.acog.core.asset.AssetMetadata;
import io.acog.core.asset.AssetRepository;
import io.acog.core.asset.AssetType;
import io.acog.core.asset.NewAsset;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.db.DbEnums;
import io.acog.core.internal.json.JsonCodec;
import io.acog.jooq.generated.tables.records.AssetsRecord;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;

public final class AssetStore implements AssetRepository {

    public static final String ENTITY = "asset";

    /** First key of the advisory locks that order primary switches ('ASSE' in ASCII). */
    private static final int PRIMARY_LOCK = 0x41535345;

    private final Db db;

    public AssetStore(Db db) {
        this.db = db;
    }

    @Override
    public Asset add(NewAsset asset) {
        Prepared prepared = prepare(asset);
        OffsetDateTime now = db.now();
        return db.write(dsl -> {
            if (!dsl.fetchExists(
                    EPISODES, EPISODES.ID.eq(prepared.asset().episodeId()), EPISODES.DELETED_AT.isNull())) {
                throw EpisodeStore.notFound(prepared.asset().episodeId());
            }
            return insert(dsl, prepared, now);
        });
    }

    /** An asset checked (before any database work) and ready to insert. */
    public record Prepared(NewAsset asset, AssetLocation location, JSONB metadata) {}

    /**
     * Checks an asset: required fields, lengths, a parseable URI, metadata of the type's kind.
     *
     * @throws ValidationException naming the field, the value and the limit
     */
    public static Prepared prepare(NewAsset asset) {
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
        AssetMetadata metadata = asset.metadata() == null ? AssetMetadata.emptyFor(type) : asset.metadata();
        Class<? extends AssetMetadata> expected = AssetMetadata.typeFor(type);
        if (!expected.isInstance(metadata)) {
            throw new ValidationException(
                    ENTITY,
                    "metadata",
                    "is " + metadata.getClass().getSimpleName() + ", but a " + type.label() + " asset takes "
                            + expected.getSimpleName());
        }
        return new Prepared(asset, location, JSONB.valueOf(JsonCodec.text(ENTITY, "metadata", metadata)));
    }

    /**
     * Inserts a prepared asset of an episode the caller knows to be live (and, in the pipeline,
     * holds locked); a primary asset first demotes the type's previous primary.
     */
    static Asset insert(DSLContext dsl, Prepared prepared, OffsetDateTime now) {
        return map(insertion(dsl, prepared, now).returning().fetchOne());
    }

    /**
     * Inserts prepared assets of episodes the caller holds locked, in two statements whatever
     * their number (plain JDBC: every stage that stores media runs them): the previous primaries of
     * the new primaries' types demoted (under the same advisory locks as {@link #add}, taken in a
     * fixed order), then one multi-row insert.
     */
    public static void storeAll(Db db, List<Prepared> assets, OffsetDateTime now) {
        if (assets.isEmpty()) {
            return;
        }
        db.onConnection(connection -> {
            java.util.TreeSet<String> primaries = new java.util.TreeSet<>();
            for (Prepared prepared : assets) {
                if (prepared.asset().primary()) {
                    primaries.add(primaryKey(
                            prepared.asset().episodeId(), prepared.asset().type()));
                }
            }
            demotePrimaries(connection, primaries);
            insertAll(connection, assets, now);
            return null;
        });
    }

    private static final String INSERT_ALL_SQL = """
            INSERT INTO assets (episode_id, type, name, uri, storage_bucket, storage_key,
                                provider, provider_job_id, metadata, mime_type,
                                file_size_bytes, duration_ms, is_primary, created_at,
                                updated_at)
            SELECT episode_id, type::asset_type, name, uri, bucket, storage_key, provider,
                   provider_job, metadata::jsonb, mime_type, size, duration, is_primary,
                   ?::timestamptz, ?::timestamptz
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::bigint[], ?::int[], ?::boolean[])
                 AS x(episode_id, type, name, uri, bucket, storage_key, provider,
                      provider_job, metadata, mime_type, size, duration, is_primary)""";

    private static void insertAll(Connection connection, List<Prepared> assets, OffsetDateTime now)
            throws SQLException {
        int n = assets.size();
        UUID[] episodes = new UUID[n];
        String[][] text = new String[9][n];
        Long[] sizes = new Long[n];
        Integer[] durations = new Integer[n];
        Boolean[] primary = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Prepared prepared = assets.get(i);
            NewAsset asset = prepared.asset();
            episodes[i] = asset.episodeId();
            text[0][i] = asset.type().label();
            text[1][i] = asset.name();
            text[2][i] = asset.uri();
            text[3][i] = prepared.location().bucket();
            text[4][i] = prepared.location().key();
            text[5][i] = asset.provider();
            text[6][i] = asset.providerJobId();
            text[7][i] = prepared.metadata().data();
            text[8][i] = asset.mimeType();
            sizes[i] = asset.fileSizeBytes();
            durations[i] = asset.durationMs();
            primary[i] = asset.primary();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ALL_SQL)) {
            insert.setObject(1, now);
            insert.setObject(2, now);
            insert.setArray(3, connection.createArrayOf("uuid", episodes));
            for (int c = 0; c < text.length; c++) {
                insert.setArray(4 + c, connection.createArrayOf("text", text[c]));
            }
            insert.setArray(4 + text.length, connection.createArrayOf("int8", sizes));
            insert.setArray(5 + text.length, connection.createArrayOf("int4", durations));
            insert.setArray(6 + text.length, connection.createArrayOf("bool", primary));
            insert.executeUpdate();
        }
    }

    private static org.jooq.InsertSetMoreStep<AssetsRecord> insertion(
            DSLContext dsl, Prepared prepared, OffsetDateTime now) {
        NewAsset asset = prepared.asset();
        if (asset.primary()) {
            demotePrimary(dsl, asset.episodeId(), asset.type());
        }
        return dsl.insertInto(ASSETS)
                .set(ASSETS.EPISODE_ID, asset.episodeId())
                .set(ASSETS.TYPE, DbEnums.db(asset.type()))
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
                .set(ASSETS.UPDATED_AT, now);
    }

    /**
     * Clears the current primary of (episode, type), holding a transaction-scoped advisory lock on
     * that pair first: two concurrent switches then run one after the other instead of one of them
     * hitting the unique index.
     */
    private static void demotePrimary(DSLContext dsl, UUID episodeId, AssetType type) {
        dsl.connection(connection ->
                demotePrimaries(connection, new java.util.TreeSet<>(Set.of(primaryKey(episodeId, type)))));
    }

    /** What the primary locks and {@link #demotePrimaries} know a pair by. */
    private static String primaryKey(UUID episodeId, AssetType type) {
        return episodeId + "/" + type.label();
    }

    /**
     * {@link #demotePrimary} for several {@code episode_id/type} keys, the locks taken in the
     * keys' order (give a sorted set, so that two callers never wait on each other in a cycle).
     * Two statements, not one: under READ COMMITTED a statement sees the rows committed before
     * it began, so an UPDATE that waited for the locks inside itself would miss the primary that
     * the lock's previous holder just committed, and the insert after it would hit the unique
     * index.
     */
    private static void demotePrimaries(Connection connection, java.util.SortedSet<String> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        String[] pairs = keys.toArray(String[]::new);
        try (PreparedStatement lock = connection.prepareStatement(LOCK_PRIMARIES_SQL)) {
            lock.setArray(1, connection.createArrayOf("text", pairs));
            lock.executeQuery().close();
        }
        UUID[] episodes = new UUID[pairs.length];
        String[] types = new String[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            int slash = pairs[i].indexOf('/');
            episodes[i] = UUID.fromString(pairs[i].substring(0, slash));
            types[i] = pairs[i].substring(slash + 1);
        }
        try (PreparedStatement demote = connection.prepareStatement(DEMOTE_SQL)) {
            Array ids = connection.createArrayOf("uuid", episodes);
            demote.setArray(1, ids);
            demote.setArray(2, connection.createArrayOf("text", types));
            demote.setArray(3, ids);
            demote.executeUpdate();
        }
    }

    private static final String LOCK_PRIMARIES_SQL = "SELECT pg_advisory_xact_lock(" + PRIMARY_LOCK + ", hashtext(k))"
            + " FROM (SELECT k FROM unnest(?::text[]) WITH ORDINALITY AS x(k, n) ORDER BY n) o";

    // episode_id = ANY (...) on its own lets the plan reach the episodes' assets by index; joined
    // on keys computed from text, it scanned the whole table
    private static final String DEMOTE_SQL = """
            UPDATE assets a SET is_primary = false
            FROM unnest(?::uuid[], ?::asset_type[]) AS x(episode_id, type)
            WHERE a.episode_id = ANY (?::uuid[]) AND a.episode_id = x.episode_id
              AND a.type = x.type AND a.is_primary AND a.deleted_at IS NULL""";

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
                .orderBy(ASSETS.CREATED_AT, ASSETS.ID)
                .fetch(AssetStore::map));
    }

    @Override
    public List<Asset> list(UUID episodeId, AssetType type) {
        Checks.notNull(ENTITY, "episode_id", episodeId);
        Checks.notNull(ENTITY, "type", type);
        return db.read(dsl -> dsl.selectFrom(ASSETS)
                .where(ASSETS.EPISODE_ID.eq(episodeId), ASSETS.TYPE.eq(DbEnums.db(type)), ASSETS.DELETED_AT.isNull())
                .orderBy(ASSETS.CREATED_AT, ASSETS.ID)
                .fetch(AssetStore::map));
    }

    @Override
    public Optional<Asset> primary(UUID episodeId, AssetType type) {
        Checks.notNull(ENTITY, "episode_id", episodeId);
        Checks.notNull(ENTITY, "type", type);
        return db.read(dsl -> dsl.selectFrom(ASSETS)
                .where(
                        ASSETS.EPISODE_ID.eq(episodeId),
                        ASSETS.TYPE.eq(DbEnums.db(type)),
                        ASSETS.IS_PRIMARY.isTrue(),
                        ASSETS.DELETED_AT.isNull())
                .fetchOptional(AssetStore::map));
    }

    @Override
    public Asset makePrimary(UUID id) {
        Asset asset = get(id);
        return db.write(dsl -> {
            demotePrimary(dsl, asset.episodeId(), asset.type());
            return dsl.update(ASSETS)
                    .set(ASSETS.IS_PRIMARY, true)
                    .where(ASSETS.ID.eq(id), ASSETS.DELETED_AT.isNull())
                    .returning()
                    .fetchOptional(AssetStore::map)
                    .orElseThrow(() -> notFound(id));
        });
    }

    @Override
    public void softDelete(UUID id) {
        Checks.notNull(ENTITY, "id", id);
        OffsetDateTime now = db.now();
        int deleted = db.write(dsl -> dsl.update(ASSETS)
                .set(ASSETS.DELETED_AT, now)
                .where(ASSETS.ID.eq(id), ASSETS.DELETED_AT.isNull())
                .execute());
        if (deleted == 0) {
            throw notFound(id);
        }
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException(ENTITY, "id " + id);
    }

    public static Asset map(AssetsRecord row) {
        AssetType type = DbEnums.assetType(row.getType());
        return new Asset(
                row.getId(),
                row.getEpisodeId(),
                type,
                row.getName(),
                row.getUri(),
                row.getStorageBucket(),
                row.getStorageKey(),
                row.getProvider(),
                row.getProviderJobId(),
                JsonCodec.read(row.getMetadata(), AssetMetadata.typeFor(type)),
                row.getMimeType(),
                row.getFileSizeBytes(),
                row.getDurationMs(),
                row.getIsPrimary(),
                row.getCreatedAt(),
                row.getUpdatedAt(),
                row.getDeletedAt());
    }
}
