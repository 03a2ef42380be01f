package io.acog.core.internal.store;

import static io.acog.jooq.generated.Tables.PULSE_EVENTS;

import io.acog.core.NotFoundException;
import io.acog.core.ValidationException;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeIdea;
import io.acog.core.episode.EpisodeRepository;
import io.acog.core.episode.NewEpisode;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.pulse.IngestResult;
import io.acog.core.pulse.NewPulseEvent;
import io.acog.core.pulse.PulseEvent;
import io.acog.core.pulse.PulseEventRepository;
import io.acog.core.pulse.PulsePayload;
import io.acog.core.pulse.TagMatch;
import io.acog.jooq.generated.tables.records.PulseEventsRecord;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

public final class PulseEventStore implements PulseEventRepository {

    static final String ENTITY = "pulse event";
    private static final int ROWS_PER_STATEMENT = 1000;
    private static final int MAX_LIMIT = 1000;

    private final Db db;
    private final EpisodeRepository episodes;

    public PulseEventStore(Db db, EpisodeRepository episodes) {
        this.db = db;
        this.episodes = episodes;
    }

    /** An input checked and ready to bind. */
    private record Row(int index, NewPulseEvent event, JSONB payload) {}

    @Override
    public IngestResult ingest(List<NewPulseEvent> events) {
        Checks.notNull(ENTITY, "events", events);
        List<Row> rows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            rows.add(check(i, events.get(i)));
        }
        if (rows.isEmpty()) {
            return new IngestResult(List.of(), List.of());
        }
        // An insert waits on a (source, source_id) another batch inserted and has not committed;
        // two batches taking shared keys in opposite orders would wait on each other (a deadlock).
        // Taken in one order by every batch, a key is only ever awaited by a batch that holds none
        // after it, so waits cannot close a circle.
        List<Row> inKeyOrder = new ArrayList<>(rows);
        inKeyOrder.sort(KEY_ORDER);
        OffsetDateTime now = db.now();
        List<PulseEventsRecord> inserted = db.write(dsl -> {
            List<PulseEventsRecord> all = new ArrayList<>(rows.size());
            for (int from = 0; from < inKeyOrder.size(); from += ROWS_PER_STATEMENT) {
                all.addAll(insert(
                        dsl, inKeyOrder.subList(from, Math.min(inKeyOrder.size(), from + ROWS_PER_STATEMENT)), now));
            }
            return all;
        });
        return matchBack(rows, inserted);
    }

    /** The order batches insert in: by the unique key (source, source_id). */
    private static final Comparator<Row> KEY_ORDER = Comparator.comparing(
                    (Row row) -> row.event().source())
            .thenComparing(row -> row.event().sourceId(), Comparator.nullsLast(Comparator.naturalOrder()));

    /**
     * One INSERT for many rows, with one array parameter per column (unnest) rather than one
     * parameter per value: binding and rendering stay constant in the number of rows. Rows come
     * back in the order unnest produced them.
     */
    private static List<PulseEventsRecord> insert(DSLContext dsl, List<Row> rows, OffsetDateTime now) {
        int n = rows.size();
        String[] sources = new String[n];
        String[] sourceIds = new String[n];
        String[] urls = new String[n];
        String[] payloads = new String[n];
        String[] tags = new String[n];
        String[] scores = new String[n];
        String[] timestamps = new String[n];
        for (int i = 0; i < n; i++) {
            NewPulseEvent event = rows.get(i).event();
            sources[i] = event.source();
            sourceIds[i] = event.sourceId();
            urls[i] = event.sourceUrl();
            payloads[i] = rows.get(i).payload().data();
            tags[i] = JsonCodec.text(event.topicTags());
            scores[i] = event.relevanceScore() == null
                    ? null
                    : event.relevanceScore().toPlainString();
            timestamps[i] = event.eventTimestamp() == null
                    ? null
                    : event.eventTimestamp().toString();
        }
        return dsl.resultQuery(
                        """
                INSERT INTO pulse_events (source, source_id, source_url, payload, topic_tags,
                                          relevance_score, event_timestamp, created_at, updated_at)
                SELECT s, i, u, p::jsonb, ARRAY(SELECT jsonb_array_elements_text(t::jsonb)),
                       r::numeric, e::timestamptz, {7}, {7}
                FROM unnest({0}::text[], {1}::text[], {2}::text[], {3}::text[], {4}::text[],
                            {5}::text[], {6}::text[]) AS x(s, i, u, p, t, r, e)
                ON CONFLICT DO NOTHING
                RETURNING *""",
                        DSL.val(sources),
                        DSL.val(sourceIds),
                        DSL.val(urls),
                        DSL.val(payloads),
                        DSL.val(tags),
                        DSL.val(scores),
                        DSL.val(timestamps),
                        DSL.val(now))
                .coerce(PULSE_EVENTS)
                .fetch();
    }

    /**
     * Pairs the returned rows with their inputs: by (source, source_id), and inputs without a
     * source id, which never conflict, in order. Inputs left over were skipped.
     */
    private static IngestResult matchBack(List<Row> rows, List<PulseEventsRecord> inserted) {
        Map<List<String>, Deque<PulseEventsRecord>> byKey = new HashMap<>();
        Deque<PulseEventsRecord> withoutKey = new ArrayDeque<>();
        for (PulseEventsRecord record : inserted) {
            if (record.getSourceId() == null) {
                withoutKey.add(record);
            } else {
                byKey.computeIfAbsent(List.of(record.getSource(), record.getSourceId()), key -> new ArrayDeque<>())
                        .add(record);
            }
        }
        List<PulseEvent> created = new ArrayList<>();
        List<NewPulseEvent> skipped = new ArrayList<>();
        for (Row row : rows) {
            NewPulseEvent event = row.event();
            PulseEventsRecord record = event.sourceId() == null
                    ? withoutKey.poll()
                    : Optional.ofNullable(byKey.get(List.of(event.source(), event.sourceId())))
                            .map(Deque::poll)
                            .orElse(null);
            if (record != null) {
                created.add(map(record));
            } else {
                skipped.add(event);
            }
        }
        return new IngestResult(created, skipped);
    }

    private static Row check(int index, NewPulseEvent event) {
        String entity = ENTITY + "[" + index + "]";
        Checks.notNull(entity, "event", event);
        Checks.required(entity, PULSE_EVENTS.SOURCE, event.source());
        Checks.optional(entity, PULSE_EVENTS.SOURCE_ID, event.sourceId());
        Checks.optional(entity, PULSE_EVENTS.SOURCE_URL, event.sourceUrl());
        BigDecimal score = event.relevanceScore();
        if (score != null) {
            if (score.signum() < 0 || score.compareTo(BigDecimal.ONE) > 0) {
                throw new ValidationException(
                        entity, "relevance_score", "is " + score.toPlainString() + ", outside the range 0 to 1");
            }
            if (score.stripTrailingZeros().scale()
                    > PULSE_EVENTS.RELEVANCE_SCORE.getDataType().scale()) {
                throw new ValidationException(
                        entity,
                        "relevance_score",
                        "is "
                                + score.toPlainString() + ", more than "
                                + PULSE_EVENTS.RELEVANCE_SCORE.getDataType().scale()
                                + " decimal places (the column would round it)");
            }
        }
        List<String> tags = event.topicTags();
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i) == null) {
                throw new ValidationException(entity, "topic_tags", "has a null tag at position " + i);
            }
            Checks.storable(entity, "topic_tags[" + i + "]", tags.get(i));
        }
        JSONB payload = JSONB.valueOf(JsonCodec.text(entity, "payload", event.payload()));
        return new Row(index, event, payload);
    }

    @Override
    public PulseEvent get(UUID id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public Optional<PulseEvent> find(UUID id) {
        Checks.notNull(ENTITY, "id", id);
        return db.read(dsl -> dsl.selectFrom(PULSE_EVENTS)
                .where(PULSE_EVENTS.ID.eq(id), PULSE_EVENTS.DELETED_AT.isNull())
                .fetchOptional(PulseEventStore::map));
    }

    @Override
    public List<PulseEvent> searchByTags(Collection<String> tags, TagMatch match, int limit) {
        Checks.notNull(ENTITY, "tags", tags);
        Checks.notNull(ENTITY, "match", match);
        Checks.pageSize(ENTITY, limit, MAX_LIMIT);
        // not tags.contains(null): immutable collections throw on it
        if (tags.isEmpty() || tags.stream().anyMatch(Objects::isNull)) {
            throw new ValidationException(
                    ENTITY, "topic_tags", "to search by must be one or more" + " non-null tags, got " + tags);
        }
        String[] wanted = tags.toArray(String[]::new);
        for (int i = 0; i < wanted.length; i++) {
            Checks.storable(ENTITY, "topic_tags[" + i + "]", wanted[i]);
        }
        String operator = match == TagMatch.ALL ? "@>" : "&&";
        return db.read(dsl -> dsl.selectFrom(PULSE_EVENTS)
                .where(
                        DSL.condition("{0} " + operator + " {1}::text[]", PULSE_EVENTS.TOPIC_TAGS, DSL.val(wanted)),
                        PULSE_EVENTS.DELETED_AT.isNull())
                .orderBy(PULSE_EVENTS.RELEVANCE_SCORE.desc().nullsLast(), PULSE_EVENTS.CREATED_AT.desc())
                .limit(limit)
                .fetch(PulseEventStore::map));
    }

    @Override
    public Map<UUID, List<UUID>> matchChannels(Collection<UUID> eventIds) {
        Checks.notNull(ENTITY, "eventIds", eventIds);
        UUID[] ids = eventIds.toArray(UUID[]::new);
        Map<UUID, List<UUID>> matches = new LinkedHashMap<>();
        db.write(dsl -> dsl.resultQuery("""
                UPDATE pulse_events p SET matched_channels = coalesce((
                    SELECT array_agg(c.id ORDER BY c.id) FROM channels c
                    WHERE c.deleted_at IS NULL AND c.is_active
                      AND (lower(c.niche) IN (SELECT lower(t) FROM unnest(p.topic_tags) t)
                           OR EXISTS (
                               SELECT 1 FROM jsonb_array_elements_text(
                                   CASE WHEN jsonb_typeof(c.persona -> 'expertise_areas') = 'array'
                                        THEN c.persona -> 'expertise_areas'
                                        ELSE '[]'::jsonb END) AS e(area)
                               WHERE lower(e.area) IN (SELECT lower(t) FROM unnest(p.topic_tags) t)))
                ), '{}')
                WHERE p.id = ANY ({0}) AND p.deleted_at IS NULL
                RETURNING p.id, p.matched_channels""", DSL.val(ids))
                        .coerce(PULSE_EVENTS.ID, PULSE_EVENTS.MATCHED_CHANNELS)
                        .fetch())
                .forEach(row -> matches.put(row.value1(), Arrays.asList(row.value2())));
        return matches;
    }

    @Override
    public List<PulseEvent> nextUnprocessed(BigDecimal threshold, int limit) {
        Checks.notNull(ENTITY, "threshold", threshold);
        Checks.pageSize(ENTITY, limit, MAX_LIMIT);
        return db.read(dsl -> dsl.selectFrom(PULSE_EVENTS)
                .where(
                        PULSE_EVENTS.IS_PROCESSED.isFalse(),
                        PULSE_EVENTS.DELETED_AT.isNull(),
                        PULSE_EVENTS.RELEVANCE_SCORE.gt(threshold))
                .orderBy(PULSE_EVENTS.RELEVANCE_SCORE.desc())
                .limit(limit)
                .fetch(PulseEventStore::map));
    }

    @Override
    public int markProcessed(Collection<UUID> eventIds) {
        Checks.notNull(ENTITY, "eventIds", eventIds);
        if (eventIds.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = db.now();
        return db.write(dsl -> dsl.update(PULSE_EVENTS)
                .set(PULSE_EVENTS.IS_PROCESSED, true)
                .set(PULSE_EVENTS.PROCESSED_AT, now)
                .where(
                        PULSE_EVENTS.ID.in(eventIds),
                        PULSE_EVENTS.DELETED_AT.isNull(),
                        PULSE_EVENTS.IS_PROCESSED.isFalse())
                .execute());
    }

    @Override
    public Episode createEpisode(UUID eventId, UUID channelId) {
        PulseEvent event = get(eventId);
        PulsePayload payload = event.payload();
        String title = payload.title() != null && !payload.title().isBlank()
                ? payload.title()
                : event.source() + " " + Objects.toString(event.sourceId(), "");
        title = cut(title.strip(), 500);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("source", event.source());
        if (event.sourceId() != null) {
            context.put("source_id", event.sourceId());
        }
        if (event.sourceUrl() != null) {
            context.put("source_url", event.sourceUrl());
        }
        if (!event.topicTags().isEmpty()) {
            context.put("topic_tags", event.topicTags());
        }
        if (event.relevanceScore() != null) {
            context.put("relevance_score", event.relevanceScore());
        }
        EpisodeIdea idea = EpisodeIdea.of(title).withBrief(payload.content()).withSourceContext(context);
        return episodes.create(NewEpisode.builder(channelId)
                .fromPulseEvent(eventId)
                .title(title)
                .idea(idea)
                .build());
    }

    @Override
    public void softDelete(UUID id) {
        Checks.notNull(ENTITY, "id", id);
        OffsetDateTime now = db.now();
        int deleted = db.write(dsl -> dsl.update(PULSE_EVENTS)
                .set(PULSE_EVENTS.DELETED_AT, now)
                .where(PULSE_EVENTS.ID.eq(id), PULSE_EVENTS.DELETED_AT.isNull())
                .execute());
        if (deleted == 0) {
            throw notFound(id);
        }
    }

    private static String cut(String text, int codePoints) {
        return text.codePointCount(0, text.length()) <= codePoints
                ? text
                : text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException(ENTITY, "id " + id);
    }

    static PulseEvent map(PulseEventsRecord row) {
        return new PulseEvent(
                row.getId(),
                row.getSource(),
                row.getSourceId(),
                row.getSourceUrl(),
                JsonCodec.read(row.getPayload(), PulsePayload.class),
                row.getTopicTags() == null ? List.of() : Arrays.asList(row.getTopicTags()),
                row.getRelevanceScore(),
                row.getIsProcessed(),
                row.getProcessedAt(),
                row.getMatchedChannels() == null ? List.of() : Arrays.asList(row.getMatchedChannels()),
                row.getEventTimestamp(),
                row.getCreatedAt(),
                row.getUpdatedAt(),
                row.getDeletedAt());
    }
}
