package io.acog.core.internal.store;

import static io.acog.jooq.generated.Tables.CHANNELS;
import static io.acog.jooq.generated.Tables.EPISODES;
import static io.acog.jooq.generated.Tables.PULSE_EVENTS;

import io.acog.core.Acog;
import io.acog.core.AcogException;
import io.acog.core.ConflictException;
import io.acog.core.NotFoundException;
import io.acog.core.Page;
import io.acog.core.ValidationException;
import io.acog.core.channel.StyleGuide;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeQuery;
import io.acog.core.episode.EpisodeRepository;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.EpisodeSummary;
import io.acog.core.episode.EpisodeUpdate;
import io.acog.core.episode.EpisodeWithAssets;
import io.acog.core.episode.EpisodeWithJobs;
import io.acog.core.episode.IdeaSource;
import io.acog.core.episode.NewEpisode;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.Script;
import io.acog.core.episode.ScriptMetadata;
import io.acog.core.episode.ScriptParser;
import io.acog.core.episode.StageState;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.db.Cursor;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.db.DbEnums;
import io.acog.core.internal.db.Pages;
import io.acog.core.internal.json.JsonCodec;
import io.acog.jooq.generated.tables.records.EpisodesRecord;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

public final class EpisodeStore implements EpisodeRepository {

    public static final String ENTITY = "episode";
    private static final int MAX_PAGE = 500;

    private final Db db;
    private final EpisodeQueries queries;
    private final EpisodeTransitions transitions;

    public EpisodeStore(Db db, Function<DSLContext, Acog> scope) {
        this.db = db;
        this.queries = new EpisodeQueries(db, scope);
        this.transitions = new EpisodeTransitions(db);
    }

    @Override
    public Episode create(NewEpisode episode) {
        Checks.notNull(ENTITY, "episode", episode);
        UUID channelId = Checks.notNull(ENTITY, "channel_id", episode.channelId());
        String title = Checks.optional(ENTITY, EPISODES.TITLE, episode.title());
        String slug = Checks.slug(ENTITY, EPISODES.SLUG, episode.slug(), false);
        checkLinks(episode);
        JSONB idea = json(EPISODES.IDEA, episode.idea());
        JSONB plan = json(EPISODES.PLAN, episode.plan());
        OffsetDateTime now = db.now();
        try {
            return db.write(dsl -> {
                if (!ChannelStore.lockLive(dsl, channelId)) {
                    throw ChannelStore.notFound(channelId);
                }
                if (episode.pulseEventId() != null
                        && !dsl.fetchExists(
                                PULSE_EVENTS,
                                PULSE_EVENTS.ID.eq(episode.pulseEventId()),
                                PULSE_EVENTS.DELETED_AT.isNull())) {
                    throw new NotFoundException("pulse event", "id " + episode.pulseEventId());
                }
                if (episode.sourceEpisodeId() != null
                        && !dsl.fetchExists(
                                EPISODES, EPISODES.ID.eq(episode.sourceEpisodeId()), EPISODES.DELETED_AT.isNull())) {
                    throw new NotFoundException("source episode", "id " + episode.sourceEpisodeId());
                }
                return EpisodeMapping.episode(dsl.insertInto(EPISODES)
                        .set(EPISODES.CHANNEL_ID, channelId)
                        .set(EPISODES.PULSE_EVENT_ID, episode.pulseEventId())
                        .set(EPISODES.SOURCE_EPISODE_ID, episode.sourceEpisodeId())
                        .set(EPISODES.TITLE, title)
                        .set(EPISODES.SLUG, slug)
                        .set(EPISODES.IDEA_SOURCE, DbEnums.db(episode.ideaSource()))
                        .set(EPISODES.IDEA, idea)
                        .set(EPISODES.PLAN, plan)
                        .set(EPISODES.PRIORITY, episode.priority())
                        .set(EPISODES.CREATED_AT, now)
                        .set(EPISODES.UPDATED_AT, now)
                        .returning()
                        .fetchOne());
            });
        } catch (AcogException e) {
            throw slugConflict(channelId, slug, e);
        }
    }

    private static void checkLinks(NewEpisode episode) {
        IdeaSource source = episode.ideaSource();
        boolean pulse = episode.pulseEventId() != null;
        boolean derived = episode.sourceEpisodeId() != null;
        switch (source) {
            case PULSE -> {
                if (!pulse || derived) {
                    throw new ValidationException(
                            ENTITY,
                            "idea_source",
                            "is pulse, so the episode" + " needs a pulse_event_id and no source_episode_id");
                }
            }
            case SERIES, FOLLOWUP, REPURPOSE -> {
                if (!derived || pulse) {
                    throw new ValidationException(
                            ENTITY,
                            "idea_source",
                            "is "
                                    + source.label() + ", so the episode needs a source_episode_id"
                                    + " (the episode it continues or repurposes) and no pulse_event_id");
                }
            }
            case MANUAL -> {
                if (pulse || derived) {
                    throw new ValidationException(
                            ENTITY,
                            "idea_source",
                            "is manual, so the" + " episode takes neither a pulse_event_id nor a source_episode_id");
                }
            }
        }
    }

    @Override
    public Episode get(UUID id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public Optional<Episode> find(UUID id) {
        Checks.notNull(ENTITY, "id", id);
        return db.read(dsl -> dsl.selectFrom(EPISODES)
                .where(EPISODES.ID.eq(id), EPISODES.DELETED_AT.isNull())
                .fetchOptional(EpisodeMapping::episode));
    }

    @Override
    public Optional<Episode> findBySlug(UUID channelId, String slug) {
        Checks.notNull(ENTITY, "channel_id", channelId);
        Checks.storable(ENTITY, "slug", Checks.notNull(ENTITY, "slug", slug));
        return db.read(dsl -> dsl.selectFrom(EPISODES)
                .where(EPISODES.CHANNEL_ID.eq(channelId), EPISODES.SLUG.eq(slug), EPISODES.DELETED_AT.isNull())
                .fetchOptional(EpisodeMapping::episode));
    }

    @Override
    public Episode update(UUID id, EpisodeUpdate update) {
        Checks.notNull(ENTITY, "id", id);
        Checks.notNull(ENTITY, "update", update);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        String newSlug = null;
        boolean scriptChanged = false;
        Script parsed = null;
        String script = null;
        for (Map.Entry<String, Object> change : update.changes().entrySet()) {
            Object value = change.getValue();
            switch (change.getKey()) {
                case "title" -> values.put(EPISODES.TITLE, Checks.optional(ENTITY, EPISODES.TITLE, (String) value));
                case "slug" -> {
                    newSlug = Checks.slug(ENTITY, EPISODES.SLUG, (String) value, false);
                    values.put(EPISODES.SLUG, newSlug);
                }
                case "idea" -> values.put(EPISODES.IDEA, json(EPISODES.IDEA, value));
                case "plan" -> values.put(EPISODES.PLAN, json(EPISODES.PLAN, value));
                case "metadata" -> values.put(EPISODES.METADATA, json(EPISODES.METADATA, value));
                case "priority" -> values.put(EPISODES.PRIORITY, Checks.notNull(ENTITY, "priority", value));
                case "script" -> {
                    scriptChanged = true;
                    script = (String) value;
                    parsed = script == null ? null : ScriptParser.parse(Checks.storable(ENTITY, "script", script));
                }
                default -> throw new ValidationException(ENTITY, change.getKey(), "cannot be changed here");
            }
        }
        Optional<OffsetDateTime> since = update.unchangedSince();
        boolean withScript = scriptChanged;
        String newScript = script;
        Script newParsed = parsed;
        UUID channel;
        try {
            Optional<Episode> updated = db.write(dsl -> {
                Optional<EpisodesRecord> current = dsl.selectFrom(EPISODES)
                        .where(EPISODES.ID.eq(id), EPISODES.DELETED_AT.isNull())
                        .forUpdate()
                        .fetchOptional();
                if (current.isEmpty()) {
                    throw notFound(id);
                }
                if (since.isPresent() && !since.get().isEqual(current.get().getUpdatedAt())) {
                    return Optional.empty();
                }
                if (withScript) {
                    values.put(EPISODES.SCRIPT, newScript);
                    values.put(
                            EPISODES.SCRIPT_METADATA,
                            newScript == null
                                    ? JSONB.valueOf("{}")
                                    : json(EPISODES.SCRIPT_METADATA, scriptMetadata(dsl, current.get(), newParsed)));
                }
                if (values.isEmpty()) {
                    values.put(EPISODES.ID, EPISODES.ID);
                }
                return Optional.of(EpisodeMapping.episode(dsl.update(EPISODES)
                        .set(values)
                        .where(EPISODES.ID.eq(id))
                        .returning()
                        .fetchOne()));
            });
            return updated.orElseThrow(() -> new ConflictException(
                    ENTITY,
                    "episode " + id
                            + " was changed at " + get(id).updatedAt() + ", after the "
                            + since.orElseThrow() + " this update expects; nothing was written."
                            + " Read it again and reapply."));
        } catch (AcogException e) {
            if (newSlug == null) {
                throw e;
            }
            channel = db.read(dsl -> dsl.select(EPISODES.CHANNEL_ID)
                    .from(EPISODES)
                    .where(EPISODES.ID.eq(id))
                    .fetchOne(EPISODES.CHANNEL_ID));
            throw slugConflict(channel, newSlug, e);
        }
    }

    @Override
    public Episode saveScript(UUID id, String script) {
        Checks.notNull(ENTITY, "id", id);
        Checks.notNull(ENTITY, "script", script);
        return update(id, EpisodeUpdate.builder().script(script).build());
    }

    /** The script's metadata: version one up from the stored one, counts, duration; extras kept. */
    private ScriptMetadata scriptMetadata(DSLContext dsl, EpisodesRecord episode, Script script) {
        StyleGuide style = JsonCodec.read(
                dsl.select(CHANNELS.STYLE_GUIDE)
                        .from(CHANNELS)
                        .where(CHANNELS.ID.eq(episode.getChannelId()))
                        .fetchOne(CHANNELS.STYLE_GUIDE),
                StyleGuide.class);
        return EpisodeMapping.scriptMetadata(
                JsonCodec.read(episode.getScriptMetadata(), ScriptMetadata.class), style, script, db.now());
    }

    @Override
    public Page<Episode> list(EpisodeQuery query) {
        Checks.notNull(ENTITY, "query", query);
        UUID channelId = Checks.notNull(ENTITY, "channel_id", query.channelId());
        int limit = Checks.pageSize(ENTITY, query.limit(), MAX_PAGE);
        List<Condition> where = new ArrayList<>();
        where.add(EPISODES.CHANNEL_ID.eq(channelId));
        if (!query.includeDeleted()) {
            where.add(EPISODES.DELETED_AT.isNull());
        }
        if (!query.statuses().isEmpty()) {
            where.add(EPISODES.STATUS.in(
                    query.statuses().stream().map(DbEnums::db).toList()));
        }
        query.after()
                .map(cursor -> Cursor.decode(ENTITY, cursor))
                .ifPresent(cursor ->
                        where.add(DSL.row(EPISODES.CREATED_AT, EPISODES.ID).lt(cursor.createdAt(), cursor.id())));
        List<Episode> rows = db.read(dsl -> dsl.selectFrom(EPISODES)
                .where(where)
                .orderBy(EPISODES.CREATED_AT.desc(), EPISODES.ID.desc())
                .limit(limit + 1)
                .fetch(EpisodeMapping::episode));
        return Pages.of(rows, limit, episode -> new Cursor(episode.createdAt(), episode.id()));
    }

    @Override
    public void softDelete(UUID id) {
        Checks.notNull(ENTITY, "id", id);
        OffsetDateTime now = db.now();
        int deleted = db.write(dsl -> dsl.update(EPISODES)
                .set(EPISODES.DELETED_AT, now)
                .where(EPISODES.ID.eq(id), EPISODES.DELETED_AT.isNull())
                .execute());
        if (deleted == 0) {
            throw notFound(id);
        }
    }

    @Override
    public Episode restore(UUID id) {
        Checks.notNull(ENTITY, "id", id);
        EpisodesRecord deleted = db.read(dsl -> dsl.selectFrom(EPISODES)
                .where(EPISODES.ID.eq(id), EPISODES.DELETED_AT.isNotNull())
                .fetchOne());
        if (deleted == null) {
            throw new NotFoundException("soft-deleted episode", "id " + id);
        }
        try {
            return db.write(dsl -> {
                if (!ChannelStore.lockLive(dsl, deleted.getChannelId())) {
                    throw new ConflictException(
                            ENTITY,
                            "episode " + id + " belongs to channel "
                                    + deleted.getChannelId() + ", which is soft-deleted; restore the"
                                    + " channel first");
                }
                return dsl.update(EPISODES)
                        .setNull(EPISODES.DELETED_AT)
                        .where(EPISODES.ID.eq(id), EPISODES.DELETED_AT.isNotNull())
                        .returning()
                        .fetchOptional(EpisodeMapping::episode)
                        .orElseThrow(() -> new NotFoundException("soft-deleted episode", "id " + id));
            });
        } catch (AcogException e) {
            throw slugConflict(deleted.getChannelId(), deleted.getSlug(), e);
        }
    }

    @Override
    public Episode transition(UUID id, EpisodeStatus to) {
        return transitions.transition(id, to);
    }

    @Override
    public Episode transition(UUID id, EpisodeStatus expected, EpisodeStatus to) {
        return transitions.transition(id, expected, to);
    }

    @Override
    public Episode fail(UUID id, String error) {
        return transitions.fail(id, error);
    }

    @Override
    public Episode updateStage(UUID id, PipelineStage stage, StageState patch) {
        return transitions.updateStage(id, stage, patch);
    }

    @Override
    public Episode startStage(UUID id, PipelineStage stage, StageState details) {
        return transitions.startStage(id, stage, details);
    }

    @Override
    public Episode completeStage(UUID id, PipelineStage stage, StageState details) {
        return transitions.completeStage(id, stage, details);
    }

    @Override
    public Episode failStage(UUID id, PipelineStage stage, String error) {
        return transitions.failStage(id, stage, error);
    }

    @Override
    public List<EpisodeSummary> latestWithAssetCounts(UUID channelId, int limit) {
        return queries.latestWithAssetCounts(channelId, limit);
    }

    @Override
    public Map<EpisodeStatus, Long> statusOverview(UUID channelId, Duration window) {
        return queries.statusOverview(channelId, window);
    }

    @Override
    public Map<EpisodeStatus, Long> statusCounts() {
        return queries.statusCounts();
    }

    @Override
    public EpisodeWithAssets getWithAssets(UUID id) {
        return queries.getWithAssets(id);
    }

    @Override
    public EpisodeWithJobs getWithJobs(UUID id) {
        return queries.getWithJobs(id);
    }

    @Override
    public <T> Optional<T> processNext(BiFunction<Acog, Episode, T> work) {
        return queries.processNext(work);
    }

    public static NotFoundException notFound(UUID id) {
        return new NotFoundException(ENTITY, "id " + id);
    }

    private AcogException slugConflict(UUID channelId, String slug, AcogException error) {
        if (slug == null
                || !Db.uniqueViolation(error)
                        .map("idx_episodes_slug_per_channel"::equals)
                        .orElse(false)) {
            return error;
        }
        UUID holder = db.read(dsl -> dsl.select(EPISODES.ID)
                .from(EPISODES)
                .where(EPISODES.CHANNEL_ID.eq(channelId), EPISODES.SLUG.eq(slug), EPISODES.DELETED_AT.isNull())
                .fetchOne(EPISODES.ID));
        return new ConflictException(
                ENTITY,
                "episode slug " + Checks.show(slug) + " is taken by"
                        + " live episode " + (holder != null ? holder : "(another)") + " of channel "
                        + channelId + "; nothing was written",
                error);
    }

    static JSONB json(Field<JSONB> column, Object value) {
        return JSONB.valueOf(JsonCodec.text(ENTITY, column.getName(), value));
    }
}
