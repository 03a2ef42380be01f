package io.acog.core.internal.store;

import static io.acog.jooq.generated.Tables.CHANNELS;
import static io.acog.jooq.generated.Tables.EPISODES;

import io.acog.core.AcogException;
import io.acog.core.ConflictException;
import io.acog.core.NotFoundException;
import io.acog.core.Page;
import io.acog.core.ValidationException;
import io.acog.core.channel.AvatarProfile;
import io.acog.core.channel.Channel;
import io.acog.core.channel.ChannelQuery;
import io.acog.core.channel.ChannelRepository;
import io.acog.core.channel.ChannelUpdate;
import io.acog.core.channel.NewChannel;
import io.acog.core.channel.Persona;
import io.acog.core.channel.PlatformConfig;
import io.acog.core.channel.StyleGuide;
import io.acog.core.channel.VoiceProfile;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.db.Cursor;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.db.Pages;
import io.acog.core.internal.json.JsonCodec;
import io.acog.jooq.generated.tables.records.ChannelsRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record2;
import org.jooq.impl.DSL;

public final class ChannelStore implements ChannelRepository {

    public static final String ENTITY = "channel";
    private static final int MAX_PAGE = 500;

    private final Db db;

    public ChannelStore(Db db) {
        this.db = db;
    }

    @Override
    public Channel create(NewChannel channel) {
        Checks.notNull(ENTITY, "channel", channel);
        String name = Checks.required(ENTITY, CHANNELS.NAME, channel.name());
        String slug = Checks.slug(ENTITY, CHANNELS.SLUG, channel.slug(), true);
        String description = Checks.optional(ENTITY, CHANNELS.DESCRIPTION, channel.description());
        String niche = Checks.optional(ENTITY, CHANNELS.NICHE, channel.niche());
        String cadence = Checks.optional(ENTITY, CHANNELS.CADENCE, channel.cadence());
        ChannelRules.styleGuide(channel.styleGuide());
        ChannelRules.platformConfig(channel.platformConfig());
        JSONB persona = json(CHANNELS.PERSONA, channel.persona());
        JSONB styleGuide = json(CHANNELS.STYLE_GUIDE, channel.styleGuide());
        JSONB avatar = json(CHANNELS.AVATAR_PROFILE, channel.avatarProfile());
        JSONB voice = json(CHANNELS.VOICE_PROFILE, channel.voiceProfile());
        JSONB platform = json(CHANNELS.PLATFORM_CONFIG, channel.platformConfig());
        OffsetDateTime now = db.now();
        try {
            return db.write(dsl -> map(dsl.insertInto(CHANNELS)
                    .set(CHANNELS.NAME, name)
                    .set(CHANNELS.SLUG, slug)
                    .set(CHANNELS.DESCRIPTION, description)
                    .set(CHANNELS.NICHE, niche)
                    .set(CHANNELS.PERSONA, persona)
                    .set(CHANNELS.STYLE_GUIDE, styleGuide)
                    .set(CHANNELS.AVATAR_PROFILE, avatar)
                    .set(CHANNELS.VOICE_PROFILE, voice)
                    .set(CHANNELS.CADENCE, cadence)
                    .set(CHANNELS.PLATFORM_CONFIG, platform)
                    .set(CHANNELS.IS_ACTIVE, channel.active())
                    .set(CHANNELS.CREATED_AT, now)
                    .set(CHANNELS.UPDATED_AT, now)
                    .returning()
                    .fetchOne()));
        } catch (AcogException e) {
            throw slugConflict(slug, e);
        }
    }

    @Override
    public Channel get(UUID id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public Optional<Channel> find(UUID id) {
        Checks.notNull(ENTITY, "id", id);
        return db.read(dsl -> dsl.selectFrom(CHANNELS)
                .where(CHANNELS.ID.eq(id), CHANNELS.DELETED_AT.isNull())
                .fetchOptional(ChannelStore::map));
    }

    @Override
    public Channel getBySlug(String slug) {
        return findBySlug(slug).orElseThrow(() -> new NotFoundException(ENTITY, "slug " + Checks.show(slug)));
    }

    @Override
    public Optional<Channel> findBySlug(String slug) {
        Checks.storable(ENTITY, "slug", Checks.notNull(ENTITY, "slug", slug));
        return db.read(dsl -> dsl.selectFrom(CHANNELS)
                .where(CHANNELS.SLUG.eq(slug), CHANNELS.DELETED_AT.isNull())
                .fetchOptional(ChannelStore::map));
    }

    @Override
    public Channel update(UUID id, ChannelUpdate update) {
        Checks.notNull(ENTITY, "id", id);
        Checks.notNull(ENTITY, "update", update);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        String newSlug = null;
        for (Map.Entry<String, Object> change : update.changes().entrySet()) {
            Object value = change.getValue();
            switch (change.getKey()) {
                case "name" -> values.put(CHANNELS.NAME, Checks.required(ENTITY, CHANNELS.NAME, (String) value));
                case "slug" -> {
                    newSlug = Checks.slug(ENTITY, CHANNELS.SLUG, (String) value, true);
                    values.put(CHANNELS.SLUG, newSlug);
                }
                case "description" ->
                    values.put(CHANNELS.DESCRIPTION, Checks.optional(ENTITY, CHANNELS.DESCRIPTION, (String) value));
                case "niche" -> values.put(CHANNELS.NICHE, Checks.optional(ENTITY, CHANNELS.NICHE, (String) value));
                case "cadence" ->
                    values.put(CHANNELS.CADENCE, Checks.optional(ENTITY, CHANNELS.CADENCE, (String) value));
                case "is_active" -> values.put(CHANNELS.IS_ACTIVE, Checks.notNull(ENTITY, "is_active", value));
                case "persona" -> values.put(CHANNELS.PERSONA, json(CHANNELS.PERSONA, value));
                case "style_guide" -> {
                    ChannelRules.styleGuide((StyleGuide) value);
                    values.put(CHANNELS.STYLE_GUIDE, json(CHANNELS.STYLE_GUIDE, value));
                }
                case "avatar_profile" -> values.put(CHANNELS.AVATAR_PROFILE, json(CHANNELS.AVATAR_PROFILE, value));
                case "voice_profile" -> values.put(CHANNELS.VOICE_PROFILE, json(CHANNELS.VOICE_PROFILE, value));
                case "platform_config" -> {
                    ChannelRules.platformConfig((PlatformConfig) value);
                    values.put(CHANNELS.PLATFORM_CONFIG, json(CHANNELS.PLATFORM_CONFIG, value));
                }
                default -> throw new ValidationException(ENTITY, change.getKey(), "cannot be changed");
            }
        }
        Condition target = CHANNELS.ID.eq(id).and(CHANNELS.DELETED_AT.isNull());
        Optional<OffsetDateTime> since = update.unchangedSince();
        if (since.isPresent()) {
            target = target.and(CHANNELS.UPDATED_AT.eq(since.get()));
        }
        if (values.isEmpty()) {
            values.put(CHANNELS.ID, CHANNELS.ID); // still bumps updated_at and checks the guard
        }
        Condition where = target;
        String slug = newSlug;
        Optional<Channel> updated;
        try {
            updated = db.write(dsl ->
                    dsl.update(CHANNELS).set(values).where(where).returning().fetchOptional(ChannelStore::map));
        } catch (AcogException e) {
            throw slug != null ? slugConflict(slug, e) : e;
        }
        return updated.orElseThrow(() -> {
            Channel current = get(id);
            return new ConflictException(
                    ENTITY,
                    "channel " + id + " was changed at "
                            + current.updatedAt() + ", after the " + since.orElseThrow()
                            + " this update expects; nothing was written. Read it again and reapply.");
        });
    }

    @Override
    public Page<Channel> list(ChannelQuery query) {
        Checks.notNull(ENTITY, "query", query);
        int limit = Checks.pageSize(ENTITY, query.limit(), MAX_PAGE);
        List<Condition> where = new ArrayList<>();
        if (!query.includeDeleted()) {
            where.add(CHANNELS.DELETED_AT.isNull());
        }
        query.niche().ifPresent(niche -> where.add(CHANNELS.NICHE.eq(Checks.storable(ENTITY, "niche", niche))));
        query.active().ifPresent(active -> where.add(CHANNELS.IS_ACTIVE.eq(active)));
        query.after()
                .map(cursor -> Cursor.decode(ENTITY, cursor))
                .ifPresent(cursor ->
                        where.add(DSL.row(CHANNELS.CREATED_AT, CHANNELS.ID).lt(cursor.createdAt(), cursor.id())));
        List<Channel> rows = db.read(dsl -> dsl.selectFrom(CHANNELS)
                .where(where)
                .orderBy(CHANNELS.CREATED_AT.desc(), CHANNELS.ID.desc())
                .limit(limit + 1)
                .fetch(ChannelStore::map));
        return Pages.of(rows, limit, channel -> new Cursor(channel.createdAt(), channel.id()));
    }

    @Override
    public List<Channel> listByNiche(String niche) {
        Checks.storable(ENTITY, "niche", Checks.notNull(ENTITY, "niche", niche));
        return db.read(dsl -> dsl.selectFrom(CHANNELS)
                .where(CHANNELS.NICHE.eq(niche), CHANNELS.IS_ACTIVE.isTrue(), CHANNELS.DELETED_AT.isNull())
                .orderBy(CHANNELS.NAME, CHANNELS.ID)
                .fetch(ChannelStore::map));
    }

    @Override
    public void softDelete(UUID id) {
        delete(id, false);
    }

    @Override
    public int softDeleteWithEpisodes(UUID id) {
        return delete(id, true);
    }

    private int delete(UUID id, boolean withEpisodes) {
        Checks.notNull(ENTITY, "id", id);
        OffsetDateTime now = db.now();
        return db.write(dsl -> {
            // FOR UPDATE also holds back episode inserts for this channel (they share-lock it)
            // until this transaction ends, so no live episode can slip in after the count.
            if (dsl.selectOne()
                    .from(CHANNELS)
                    .where(CHANNELS.ID.eq(id), CHANNELS.DELETED_AT.isNull())
                    .forUpdate()
                    .fetchOptional()
                    .isEmpty()) {
                throw notFound(id);
            }
            Condition liveEpisodes = EPISODES.CHANNEL_ID.eq(id).and(EPISODES.DELETED_AT.isNull());
            int episodes;
            if (withEpisodes) {
                episodes = dsl.update(EPISODES)
                        .set(EPISODES.DELETED_AT, now)
                        .where(liveEpisodes)
                        .execute();
            } else {
                episodes = 0;
                int live = dsl.fetchCount(EPISODES, liveEpisodes);
                if (live > 0) {
                    throw new ConflictException(
                            ENTITY,
                            "channel " + id + " still has " + live
                                    + " live episode(s); soft-delete them first, or call"
                                    + " softDeleteWithEpisodes to delete them with the channel."
                                    + " Nothing was deleted.");
                }
            }
            dsl.update(CHANNELS)
                    .set(CHANNELS.DELETED_AT, now)
                    .where(CHANNELS.ID.eq(id))
                    .execute();
            return episodes;
        });
    }

    @Override
    public Channel restore(UUID id) {
        Checks.notNull(ENTITY, "id", id);
        return db.write(dsl -> dsl.update(CHANNELS)
                        .setNull(CHANNELS.DELETED_AT)
                        .where(CHANNELS.ID.eq(id), CHANNELS.DELETED_AT.isNotNull())
                        .returning()
                        .fetchOptional(ChannelStore::map))
                .orElseThrow(() -> new NotFoundException("soft-deleted channel", "id " + id));
    }

    /** Locks the live channel against deletion until the transaction ends; false if none. */
    static boolean lockLive(DSLContext dsl, UUID channelId) {
        return dsl.selectOne()
                .from(CHANNELS)
                .where(CHANNELS.ID.eq(channelId), CHANNELS.DELETED_AT.isNull())
                .forShare()
                .fetchOptional()
                .isPresent();
    }

    /**
     * The channel as it is now in {@code db}'s scope (a transaction's, say), deleted or not.
     *
     * @throws NotFoundException when there is no such channel
     */
    public static Channel get(Db db, UUID id) {
        return db.read(dsl -> dsl.selectFrom(CHANNELS).where(CHANNELS.ID.eq(id)).fetchOptional(ChannelStore::map))
                .orElseThrow(() -> notFound(id));
    }

    public static NotFoundException notFound(UUID id) {
        return new NotFoundException(ENTITY, "id " + id);
    }

    private AcogException slugConflict(String slug, AcogException error) {
        if (!Db.uniqueViolation(error).map("channels_slug_key"::equals).orElse(false)) {
            return error;
        }
        Optional<Record2<UUID, OffsetDateTime>> holder = db.read(dsl -> dsl.select(CHANNELS.ID, CHANNELS.DELETED_AT)
                .from(CHANNELS)
                .where(CHANNELS.SLUG.eq(slug))
                .fetchOptional());
        String who = holder.map(row -> "channel " + row.value1()
                        + (row.value2() != null
                                ? " (soft-deleted at " + row.value2() + "; channel slugs stay unique across"
                                        + " soft-deleted channels too: restore that channel or choose"
                                        + " another slug)"
                                : ""))
                .orElse("another channel");
        return new ConflictException(
                ENTITY, "channel slug " + Checks.show(slug) + " is taken by " + who + "; nothing was written", error);
    }

    private static JSONB json(Field<JSONB> column, Object value) {
        return JSONB.valueOf(JsonCodec.text(ENTITY, column.getName(), value));
    }

    public static Channel map(ChannelsRecord row) {
        return new Channel(
                row.getId(),
                row.getName(),
                row.getSlug(),
                row.getDescription(),
                row.getNiche(),
                JsonCodec.read(row.getPersona(), Persona.class),
                JsonCodec.read(row.getStyleGuide(), StyleGuide.class),
                JsonCodec.read(row.getAvatarProfile(), AvatarProfile.class),
                JsonCodec.read(row.getVoiceProfile(), VoiceProfile.class),
                row.getCadence(),
                JsonCodec.read(row.getPlatformConfig(), PlatformConfig.class),
                row.getIsActive(),
                row.getCreatedAt(),
                row.getUpdatedAt(),
                row.getDeletedAt());
    }
}
