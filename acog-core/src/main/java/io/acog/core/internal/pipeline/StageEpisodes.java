package io.acog.core.internal.pipeline;

import io.acog.core.episode.EpisodeStatus;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.pipeline.stage.EpisodeField;
import io.acog.core.internal.pipeline.stage.StageEpisode;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Loads episodes for stage runs: for any number of runs one plain-JDBC statement, which reads of
 * each episode only the parts its runs' stages name (a b-roll clip's run reads no script, plan or
 * idea at all), with its channel's change time for the channel cache. Every stage of every episode
 * runs it, most of them in batches ({@link Prefetch}).
 */
final class StageEpisodes {

    /** The live episode as the stage reads it, and when its channel last changed. */
    record Loaded(StageEpisode episode, OffsetDateTime channelUpdatedAt) {}

    /** What one run reads: its episode, and the parts its stage names. */
    record Wanted(UUID episodeId, Set<EpisodeField> parts) {}

    private static final EpisodeField[] FIELDS = EpisodeField.values();

    /**
     * One row per episode asked for (and live): for each part, a flag saying whether to read it,
     * so that one statement text serves every mix of stages.
     */
    private static final String SELECT = "SELECT e.id, e.channel_id, e.status::text, c.updated_at"
            + IntStream.range(0, FIELDS.length)
                    .mapToObj(i -> ", CASE WHEN w.f" + i + " THEN " + FIELDS[i].select() + " END")
                    .collect(Collectors.joining())
            + " FROM unnest(?::uuid[]"
            + ", ?::boolean[]".repeat(FIELDS.length)
            + ") AS w(id"
            + IntStream.range(0, FIELDS.length).mapToObj(i -> ", f" + i).collect(Collectors.joining())
            + ") JOIN episodes e ON e.id = w.id AND e.deleted_at IS NULL"
            + " JOIN channels c ON c.id = e.channel_id";

    private final Db db;

    StageEpisodes(Db db) {
        this.db = db;
    }

    /** The live episode with the parts named; null when it is gone. */
    Loaded load(UUID episodeId, Set<EpisodeField> parts) {
        return loadAll(List.of(new Wanted(episodeId, parts))).get(0);
    }

    /**
     * The episodes, each with the parts its run names, in one statement.
     *
     * @return for each run in order, what it reads; null where the episode is gone
     */
    List<Loaded> loadAll(List<Wanted> runs) {
        Map<UUID, Set<EpisodeField>> parts = new LinkedHashMap<>();
        for (Wanted run : runs) {
            parts.computeIfAbsent(run.episodeId(), id -> EnumSet.noneOf(EpisodeField.class))
                    .addAll(run.parts());
        }
        Map<UUID, Row> rows = db.onConnection(connection -> {
            try (PreparedStatement load = connection.prepareStatement(SELECT)) {
                UUID[] ids = parts.keySet().toArray(UUID[]::new);
                load.setArray(1, connection.createArrayOf("uuid", ids));
                for (int f = 0; f < FIELDS.length; f++) {
                    Boolean[] flags = new Boolean[ids.length];
                    for (int i = 0; i < ids.length; i++) {
                        flags[i] = parts.get(ids[i]).contains(FIELDS[f]);
                    }
                    Array array = connection.createArrayOf("boolean", flags);
                    load.setArray(2 + f, array);
                }
                Map<UUID, Row> read = new LinkedHashMap<>();
                try (ResultSet row = load.executeQuery()) {
                    while (row.next()) {
                        Map<EpisodeField, String> values = new EnumMap<>(EpisodeField.class);
                        for (int f = 0; f < FIELDS.length; f++) {
                            values.put(FIELDS[f], row.getString(5 + f));
                        }
                        UUID id = row.getObject(1, UUID.class);
                        read.put(
                                id,
                                new Row(
                                        id,
                                        row.getObject(2, UUID.class),
                                        EpisodeStatus.fromLabel(row.getString(3)),
                                        row.getObject(4, OffsetDateTime.class),
                                        values));
                    }
                }
                return read;
            }
        });
        List<Loaded> loaded = new ArrayList<>(runs.size());
        for (Wanted run : runs) {
            Row row = rows.get(run.episodeId());
            loaded.add(row == null ? null : row.as(run.parts()));
        }
        return loaded;
    }

    /** An episode as read for all its runs at once. */
    private record Row(
            UUID id,
            UUID channelId,
            EpisodeStatus status,
            OffsetDateTime channelUpdatedAt,
            Map<EpisodeField, String> values) {

        /** The episode as one run sees it: only the parts its stage names. */
        Loaded as(Set<EpisodeField> parts) {
            Map<EpisodeField, String> read = new EnumMap<>(EpisodeField.class);
            for (EpisodeField part : parts) {
                read.put(part, values.get(part));
            }
            return new Loaded(new StageEpisode(id, channelId, status, read), channelUpdatedAt);
        }
    }
}
