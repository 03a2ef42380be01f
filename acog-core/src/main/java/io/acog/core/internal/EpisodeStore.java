package io.acog.core.internal;

import static io.acog.jooq.generated.Tables.ASSETS;
import static io.acog.jooq.generated.Tables.CHANNELS;
import static io.acog.jooq.generated.Tables.EPISODES;
import static io.acog.jooq.generated.Tables.JOBS;
import static io.acog.jooq.generated.Tables.PULSE_EVENTS;

import io.acog.core.Acog;
import io.acog.core.AcogException;
import io.acog.core.ConflictException;
import io.acog.core.InvalidTransitionException;
import io.acog.core.NotFoundException;
import io.acog.core.Page;
import io.acog.core.ValidationException;
import io.acog.core.channel.StyleGuide;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeIdea;
import io.acog.core.episode.EpisodeLifecycle;
import io.acog.core.episode.EpisodeMetadata;
import io.acog.core.episode.EpisodePlan;
import io.acog.core.episode.EpisodeQuery;
import io.acog.core.episode.EpisodeRepository;
import io.acog.core.episode.EpisodeSummary;
import io.acog.core.episode.EpisodeUpdate;
import io.acog.core.episode.EpisodeWithAssets;
import io.acog.core.episode.EpisodeWithJobs;
import io.acog.core.episode.NewEpisode;
import io.acog.core.episode.PipelineState;
import io.acog.core.episode.Script;
import io.acog.core.episode.ScriptMetadata;
import io.acog.core.episode.ScriptParser;
import io.acog.core.episode.SegmentKind;
import io.acog.core.episode.SpeakingRate;
import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import io.acog.core.job.JobSummary;
import io.acog.jooq.generated.enums.EpisodeStatus;
import io.acog.jooq.generated.enums.IdeaSource;
import io.acog.jooq.generated.enums.PipelineStage;
import io.acog.jooq.generated.tables.records.EpisodesRecord;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
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
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

final class EpisodeStore implements EpisodeRepository {

    static final String ENTITY = "episode";
    private static final int MAX_PAGE = 500;

    /**
     * The seed's worker query: episodes still being produced, as literals. With bound parameters
     * the server's generic plan (used once the driver prepares the statement) could not prove the
     * predicate of the partial index idx_episodes_priority and would scan the table.
     */
    private static final Condition IN_PRODUCTION = EPISODES.STATUS.in(EnumSet.of(
            EpisodeStatus.IDEA, EpisodeStatus.PLANNING, EpisodeStatus.SCRIPTING,
            EpisodeStatus.SCRIPT_REVIEW, EpisodeStatus.AUDIO, EpisodeStatus.AVATAR,
            EpisodeStatus.BROLL, EpisodeStatus.ASSEMBLY).stream().map(DSL::inline).toList());

    private final Db db;
    private final Function<DSLContext, Acog> scope;

    EpisodeStore(Db db, Function<DSLContext, Acog> scope) {
        this.db = db;
        this.scope = scope;
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
                if (episode.pulseEventId() != null && !dsl.fetchExists(PULSE_EVENTS,
                        PULSE_EVENTS.ID.eq(episode.pulseEventId()),
                        PULSE_EVENTS.DELETED_AT.isNull())) {
                    throw new NotFoundException("pulse event", "id " + episode.pulseEventId());
                }
                if (episode.sourceEpisodeId() != null && !dsl.fetchExists(EPISODES,
                        EPISODES.ID.eq(episode.sourceEpisodeId()), EPISODES.DELETED_AT.isNull())) {
                    throw new NotFoundException("source episode", "id " + episode.sourceEpisodeId());
                }
                return map(dsl.insertInto(EPISODES)
                        .set(EPISODES.CHANNEL_ID, channelId)
                        .set(EPISODES.PULSE_EVENT_ID, episode.pulseEventId())
                        .set(EPISODES.SOURCE_EPISODE_ID, episode.sourceEpisodeId())
                        .set(EPISODES.TITLE, title)
                        .set(EPISODES.SLUG, slug)
                        .set(EPISODES.IDEA_SOURCE, episode.ideaSource())
                        .set(EPISODES.IDEA, idea)
                        .set(EPISODES.PLAN, plan)
                        .set(EPISODES.PRIORITY, episode.priority())
                        .set(EPISODES.CREATED_AT, now)
                        .set(EPISODES.UPDATED_AT, now)
                        .returning().fetchOne());
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
                    throw new ValidationException(ENTITY, "idea_source", "is pulse, so the episode"
                            + " needs a pulse_event_id and no source_episode_id");
                }
            }
            case SERIES, FOLLOWUP, REPURPOSE -> {
                if (!derived || pulse) {
                    throw new ValidationException(ENTITY, "idea_source", "is "
                            + source.getLiteral() + ", so the episode needs a source_episode_id"
                            + " (the episode it continues or repurposes) and no pulse_event_id");
                }
            }
            case MANUAL -> {
                if (pulse || derived) {
                    throw new ValidationException(ENTITY, "idea_source", "is manual, so the"
                            + " episode takes neither a pulse_event_id nor a source_episode_id");
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
                .fetchOptional(EpisodeStore::map));
    }

    @Override
    public Optional<Episode> findBySlug(UUID channelId, String slug) {
        Checks.notNull(ENTITY, "channel_id", channelId);
        Checks.notNull(ENTITY, "slug", slug);
        return db.read(dsl -> dsl.selectFrom(EPISODES)
                .where(EPISODES.CHANNEL_ID.eq(channelId), EPISODES.SLUG.eq(slug),
                        EPISODES.DELETED_AT.isNull())
                .fetchOptional(EpisodeStore::map));
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
                case "title" -> values.put(EPISODES.TITLE,
                        Checks.optional(ENTITY, EPISODES.TITLE, (String) value));
                case "slug" -> {
                    newSlug = Checks.slug(ENTITY, EPISODES.SLUG, (String) value, false);
                    values.put(EPISODES.SLUG, newSlug);
                }
                case "idea" -> values.put(EPISODES.IDEA, json(EPISODES.IDEA, value));
                case "plan" -> values.put(EPISODES.PLAN, json(EPISODES.PLAN, value));
                case "metadata" -> values.put(EPISODES.METADATA, json(EPISODES.METADATA, value));
                case "priority" -> values.put(EPISODES.PRIORITY,
                        Checks.notNull(ENTITY, "priority", value));
                case "script" -> {
                    scriptChanged = true;
                    script = (String) value;
                    parsed = script == null ? null
                            : ScriptParser.parse(Checks.storable(ENTITY, "script", script));
                }
                default -> throw new ValidationException(ENTITY, change.getKey(),
                        "cannot be changed here");
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
                        .forUpdate().fetchOptional();
                if (current.isEmpty()) {
                    throw notFound(id);
                }
                if (since.isPresent() && !since.get().isEqual(current.get().getUpdatedAt())) {
                    return Optional.empty();
                }
                if (withScript) {
                    values.put(EPISODES.SCRIPT, newScript);
                    values.put(EPISODES.SCRIPT_METADATA, newScript == null ? JSONB.valueOf("{}")
                            : json(EPISODES.SCRIPT_METADATA,
                                    scriptMetadata(dsl, current.get(), newParsed)));
                }
                if (values.isEmpty()) {
                    values.put(EPISODES.ID, EPISODES.ID);
                }
                return Optional.of(map(dsl.update(EPISODES).set(values)
                        .where(EPISODES.ID.eq(id)).returning().fetchOne()));
            });
            return updated.orElseThrow(() -> new ConflictException(ENTITY, "episode " + id
                    + " was changed at " + get(id).updatedAt() + ", after the "
                    + since.orElseThrow() + " this update expects; nothing was written."
                    + " Read it again and reapply."));
        } catch (AcogException e) {
            if (newSlug == null) {
                throw e;
            }
            channel = db.read(dsl -> dsl.select(EPISODES.CHANNEL_ID).from(EPISODES)
                    .where(EPISODES.ID.eq(id)).fetchOne(EPISODES.CHANNEL_ID));
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
        StyleGuide style = JsonCodec.read(dsl.select(CHANNELS.STYLE_GUIDE).from(CHANNELS)
                .where(CHANNELS.ID.eq(episode.getChannelId())).fetchOne(CHANNELS.STYLE_GUIDE),
                StyleGuide.class);
        return scriptMetadata(JsonCodec.read(episode.getScriptMetadata(), ScriptMetadata.class),
                style, script, db.now());
    }

    /**
     * The metadata of a new script replacing one with {@code previous} metadata, at the channel's
     * speaking rate: version one up, counts, spoken duration; keys ACOG does not compute kept.
     */
    static ScriptMetadata scriptMetadata(ScriptMetadata previous, StyleGuide style, Script script,
            OffsetDateTime now) {
        int wordsPerMinute = SpeakingRate.wordsPerMinute(style);
        int words = script.wordCount();
        int version = previous.version() == null ? 1 : previous.version() + 1;
        return new ScriptMetadata(version, words,
                (int) SpeakingRate.estimate(words, wordsPerMinute).toSeconds(), wordsPerMinute,
                script.segments(SegmentKind.AVATAR).size(),
                script.segments(SegmentKind.VOICEOVER).size(),
                script.segments(SegmentKind.BROLL).size(), now, previous.extra());
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
            where.add(EPISODES.STATUS.in(query.statuses()));
        }
        query.after().map(cursor -> Cursor.decode(ENTITY, cursor)).ifPresent(cursor ->
                where.add(DSL.row(EPISODES.CREATED_AT, EPISODES.ID)
                        .lt(cursor.createdAt(), cursor.id())));
        List<Episode> rows = db.read(dsl -> dsl.selectFrom(EPISODES).where(where)
                .orderBy(EPISODES.CREATED_AT.desc(), EPISODES.ID.desc())
                .limit(limit + 1).fetch(EpisodeStore::map));
        return Pages.of(rows, limit, episode -> new Cursor(episode.createdAt(), episode.id()));
    }

    @Override
    public void softDelete(UUID id) {
        Checks.notNull(ENTITY, "id", id);
        OffsetDateTime now = db.now();
        int deleted = db.write(dsl -> dsl.update(EPISODES).set(EPISODES.DELETED_AT, now)
                .where(EPISODES.ID.eq(id), EPISODES.DELETED_AT.isNull()).execute());
        if (deleted == 0) {
            throw notFound(id);
        }
    }

    @Override
    public Episode restore(UUID id) {
        Checks.notNull(ENTITY, "id", id);
        EpisodesRecord deleted = db.read(dsl -> dsl.selectFrom(EPISODES)
                .where(EPISODES.ID.eq(id), EPISODES.DELETED_AT.isNotNull()).fetchOne());
        if (deleted == null) {
            throw new NotFoundException("soft-deleted episode", "id " + id);
        }
        try {
            return db.write(dsl -> {
                if (!ChannelStore.lockLive(dsl, deleted.getChannelId())) {
                    throw new ConflictException(ENTITY, "episode " + id + " belongs to channel "
                            + deleted.getChannelId() + ", which is soft-deleted; restore the"
                            + " channel first");
                }
                return dsl.update(EPISODES).setNull(EPISODES.DELETED_AT)
                        .where(EPISODES.ID.eq(id), EPISODES.DELETED_AT.isNotNull())
                        .returning().fetchOptional(EpisodeStore::map)
                        .orElseThrow(() -> new NotFoundException("soft-deleted episode", "id " + id));
            });
        } catch (AcogException e) {
            throw slugConflict(deleted.getChannelId(), deleted.getSlug(), e);
        }
    }

    @Override
    public Episode transition(UUID id, EpisodeStatus to) {
        return move(id, null, to, null);
    }

    @Override
    public Episode transition(UUID id, EpisodeStatus expected, EpisodeStatus to) {
        Checks.notNull(ENTITY, "expected status", expected);
        return move(id, expected, to, null);
    }

    @Override
    public Episode fail(UUID id, String error) {
        Checks.notNull(ENTITY, "last_error", error);
        Checks.storable(ENTITY, "last_error", error);
        return move(id, null, EpisodeStatus.FAILED, error);
    }

    private Episode move(UUID id, EpisodeStatus expected, EpisodeStatus to, String error) {
        Checks.notNull(ENTITY, "id", id);
        Checks.notNull(ENTITY, "status", to);
        return db.write(dsl -> {
            Record2<EpisodeStatus, JSONB> current = dsl
                    .select(EPISODES.STATUS, EPISODES.PIPELINE_STATE).from(EPISODES)
                    .where(EPISODES.ID.eq(id), EPISODES.DELETED_AT.isNull()).fetchOne();
            if (current == null) {
                throw notFound(id);
            }
            EpisodeStatus from = expected != null ? expected : current.value1();
            if (current.value1() != from) {
                throw new ConflictException(ENTITY, "episode " + id + " is " + current.value1()
                        .getLiteral() + ", not " + from.getLiteral() + "; nothing was written");
            }
            PipelineState state = JsonCodec.read(current.value2(), PipelineState.class);
            Optional<String> refusal = EpisodeLifecycle.refusal(from, to, state);
            if (refusal.isPresent()) {
                throw new InvalidTransitionException(id, from, to, refusal.get());
            }
            boolean retry = from == EpisodeStatus.FAILED && to != EpisodeStatus.CANCELLED;
            var update = dsl.update(EPISODES).set(EPISODES.STATUS, to)
                    .set(EPISODES.RETRY_COUNT, retry ? EPISODES.RETRY_COUNT.plus(1)
                            : EPISODES.RETRY_COUNT);
            if (error != null) {
                update = update.set(EPISODES.LAST_ERROR, error);
            }
            return update.where(EPISODES.ID.eq(id), EPISODES.STATUS.eq(from),
                            EPISODES.DELETED_AT.isNull())
                    .returning().fetchOptional(EpisodeStore::map)
                    .orElseThrow(() -> new ConflictException(ENTITY, "episode " + id
                            + " left " + from.getLiteral() + " while going to " + to.getLiteral()
                            + ": another transition won; nothing was written"));
        });
    }

    @Override
    public Episode updateStage(UUID id, PipelineStage stage, StageState patch) {
        Checks.notNull(ENTITY, "patch", patch);
        return mergeStage(id, stage, patch, List.of(), false);
    }

    @Override
    public Episode startStage(UUID id, PipelineStage stage, StageState details) {
        StageState patch = (details == null ? StageState.empty() : details)
                .withStatus(StageStatus.RUNNING);
        patch = new StageState(patch.status(), db.now(), null, null, patch.error(),
                patch.provider(), patch.jobId(), patch.modelUsed(), patch.tokensUsed(),
                patch.costUsd(), patch.refinementPasses(), patch.reviewer(), patch.extra());
        return mergeStage(id, stage, patch, List.of("error", "completed_at"), true);
    }

    @Override
    public Episode completeStage(UUID id, PipelineStage stage, StageState details) {
        StageState patch = (details == null ? StageState.empty() : details)
                .withStatus(StageStatus.COMPLETED);
        patch = new StageState(patch.status(), patch.startedAt(), db.now(), patch.attempts(),
                patch.error(), patch.provider(), patch.jobId(), patch.modelUsed(),
                patch.tokensUsed(), patch.costUsd(), patch.refinementPasses(), patch.reviewer(),
                patch.extra());
        return mergeStage(id, stage, patch, List.of("error"), false);
    }

    @Override
    public Episode failStage(UUID id, PipelineStage stage, String error) {
        Checks.notNull(ENTITY, "error", error);
        StageState patch = StageState.empty().withStatus(StageStatus.FAILED);
        patch = new StageState(patch.status(), null, db.now(), null, error, null, null, null,
                null, null, null, null, null);
        return mergeStage(id, stage, patch, List.of(), false);
    }

    /**
     * {@code pipeline_state[stage] = (pipeline_state[stage] - removed) || patch}, in one UPDATE:
     * the row lock orders concurrent merges, and each merges into the state the previous one left.
     */
    private Episode mergeStage(UUID id, PipelineStage stage, StageState patch,
            List<String> removed, boolean countAttempt) {
        Checks.notNull(ENTITY, "id", id);
        Checks.notNull(ENTITY, "stage", stage);
        Field<JSONB> state = mergedState(stage, json(EPISODES.PIPELINE_STATE, patch), removed,
                countAttempt);
        return db.write(dsl -> dsl.update(EPISODES).set(EPISODES.PIPELINE_STATE, state)
                .where(EPISODES.ID.eq(id), EPISODES.DELETED_AT.isNull())
                .returning().fetchOptional(EpisodeStore::map)
                .orElseThrow(() -> notFound(id)));
    }

    /**
     * {@code pipeline_state} with {@code patch} merged into the stage's entry, as an SQL
     * expression over the row being updated: the entry's {@code removed} keys dropped, and with
     * {@code countAttempt} its {@code attempts} one up.
     */
    static Field<JSONB> mergedState(PipelineStage stage, JSONB patch, List<String> removed,
            boolean countAttempt) {
        String key = stage.getLiteral();
        Field<JSONB> entry = DSL.field("coalesce({0} -> {1}, '{}'::jsonb) - {2}::text[]",
                SQLDataType.JSONB, EPISODES.PIPELINE_STATE, DSL.val(key),
                DSL.val(removed.toArray(String[]::new)));
        Field<JSONB> merged = DSL.field("{0} || {1}", SQLDataType.JSONB, entry, DSL.val(patch));
        if (countAttempt) {
            merged = DSL.field("{0} || jsonb_build_object('attempts',"
                    + " coalesce(({1} -> {2} ->> 'attempts')::int, 0) + 1)", SQLDataType.JSONB,
                    merged, EPISODES.PIPELINE_STATE, DSL.val(key));
        }
        return DSL.field("jsonb_set({0}, {1}::text[], {2}, true)", SQLDataType.JSONB,
                EPISODES.PIPELINE_STATE, DSL.val(new String[] {key}), merged);
    }

    @Override
    public List<EpisodeSummary> latestWithAssetCounts(UUID channelId, int limit) {
        Checks.notNull(ENTITY, "channel_id", channelId);
        Checks.pageSize(ENTITY, limit, MAX_PAGE);
        // The seed's LEFT JOIN ... GROUP BY, with the count as a correlated subquery: the 50 rows
        // are chosen first, then only their assets are counted.
        Field<Integer> assets = DSL.field(DSL.selectCount().from(ASSETS)
                .where(ASSETS.EPISODE_ID.eq(EPISODES.ID), ASSETS.DELETED_AT.isNull()));
        return db.read(dsl -> dsl.select(EPISODES.ID, EPISODES.TITLE, EPISODES.STATUS,
                        EPISODES.CREATED_AT, EPISODES.UPDATED_AT, assets)
                .from(EPISODES)
                .where(EPISODES.CHANNEL_ID.eq(channelId), EPISODES.DELETED_AT.isNull())
                .orderBy(EPISODES.CREATED_AT.desc(), EPISODES.ID.desc())
                .limit(limit)
                .fetch(row -> new EpisodeSummary(row.value1(), row.value2(), row.value3(),
                        row.value4(), row.value5(), row.value6())));
    }

    @Override
    public Map<EpisodeStatus, Long> statusOverview(UUID channelId, Duration window) {
        Checks.notNull(ENTITY, "channel_id", channelId);
        Checks.notNull(ENTITY, "window", window);
        if (window.isNegative()) {
            throw new ValidationException(ENTITY, "window", "is " + window + ", must not be"
                    + " negative");
        }
        OffsetDateTime since = db.now().minus(window);
        Map<EpisodeStatus, Long> counts = new EnumMap<>(EpisodeStatus.class);
        db.read(dsl -> dsl.select(EPISODES.STATUS, DSL.count()).from(EPISODES)
                .where(EPISODES.CHANNEL_ID.eq(channelId), EPISODES.DELETED_AT.isNull(),
                        EPISODES.CREATED_AT.gt(since))
                .groupBy(EPISODES.STATUS).fetch())
                .forEach(row -> counts.put(row.value1(), row.value2().longValue()));
        return counts;
    }

    @Override
    public EpisodeWithAssets getWithAssets(UUID id) {
        Checks.notNull(ENTITY, "id", id);
        return db.read(dsl -> dsl.select(EPISODES, DSL.multiset(DSL.selectFrom(ASSETS)
                                .where(ASSETS.EPISODE_ID.eq(EPISODES.ID), ASSETS.DELETED_AT.isNull())
                                .orderBy(ASSETS.CREATED_AT, ASSETS.ID)))
                        .from(EPISODES)
                        .where(EPISODES.ID.eq(id), EPISODES.DELETED_AT.isNull())
                        .fetchOptional(row -> new EpisodeWithAssets(map(row.value1()),
                                row.value2().map(AssetStore::map))))
                .orElseThrow(() -> notFound(id));
    }

    @Override
    public EpisodeWithJobs getWithJobs(UUID id) {
        Checks.notNull(ENTITY, "id", id);
        return db.read(dsl -> dsl.select(EPISODES, DSL.multiset(DSL
                                .select(JOBS.ID, JOBS.STAGE, JOBS.STATUS, JOBS.STARTED_AT,
                                        JOBS.COMPLETED_AT)
                                .from(JOBS).where(JOBS.EPISODE_ID.eq(EPISODES.ID))
                                .orderBy(JOBS.CREATED_AT, JOBS.ID)))
                        .from(EPISODES)
                        .where(EPISODES.ID.eq(id), EPISODES.DELETED_AT.isNull())
                        .fetchOptional(row -> new EpisodeWithJobs(map(row.value1()),
                                row.value2().map(job -> new JobSummary(job.value1(), job.value2(),
                                        job.value3(), job.value4(), job.value5())))))
                .orElseThrow(() -> notFound(id));
    }

    @Override
    public <T> Optional<T> processNext(BiFunction<Acog, Episode, T> work) {
        Checks.notNull(ENTITY, "work", work);
        return db.write(dsl -> dsl.selectFrom(EPISODES)
                .where(IN_PRODUCTION, EPISODES.DELETED_AT.isNull())
                .orderBy(EPISODES.PRIORITY.desc(), EPISODES.CREATED_AT.asc())
                .limit(1).forUpdate().skipLocked()
                .fetchOptional()
                .map(row -> work.apply(scope.apply(dsl), map(row))));
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException(ENTITY, "id " + id);
    }

    private AcogException slugConflict(UUID channelId, String slug, AcogException error) {
        if (slug == null || !Db.uniqueViolation(error)
                .map("idx_episodes_slug_per_channel"::equals).orElse(false)) {
            return error;
        }
        UUID holder = db.read(dsl -> dsl.select(EPISODES.ID).from(EPISODES)
                .where(EPISODES.CHANNEL_ID.eq(channelId), EPISODES.SLUG.eq(slug),
                        EPISODES.DELETED_AT.isNull())
                .fetchOne(EPISODES.ID));
        return new ConflictException(ENTITY, "episode slug " + Checks.show(slug) + " is taken by"
                + " live episode " + (holder != null ? holder : "(another)") + " of channel "
                + channelId + "; nothing was written", error);
    }

    private static JSONB json(Field<JSONB> column, Object value) {
        return JSONB.valueOf(Checks.json(ENTITY, column.getName(), JsonCodec.text(value)));
    }

    static Episode map(EpisodesRecord row) {
        return new Episode(row.getId(), row.getChannelId(), row.getPulseEventId(),
                row.getSourceEpisodeId(), row.getTitle(), row.getSlug(), row.getStatus(),
                row.getIdeaSource(),
                JsonCodec.read(row.getIdea(), EpisodeIdea.class),
                JsonCodec.read(row.getPlan(), EpisodePlan.class),
                row.getScript(),
                JsonCodec.read(row.getScriptMetadata(), ScriptMetadata.class),
                JsonCodec.read(row.getMetadata(), EpisodeMetadata.class),
                JsonCodec.read(row.getPipelineState(), PipelineState.class),
                row.getPublishedUrl(), row.getPublishedAt(), row.getPriority(),
                row.getRetryCount(), row.getLastError(), row.getCreatedAt(), row.getUpdatedAt(),
                row.getDeletedAt());
    }
}
