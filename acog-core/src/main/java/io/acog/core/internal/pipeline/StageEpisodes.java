package io.acog.core.internal.pipeline;

import io.acog.core.episode.EpisodeStatus;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.pipeline.stage.EpisodeField;
import io.acog.core.internal.pipeline.stage.StageEpisode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Loads an episode for a stage's run: one plain-JDBC statement per set of parts, selecting only what
 * the stage reads (a stage that renders b-roll reads no script, plan or idea at all), with its
 * channel's change time for the channel cache. Every stage of every episode runs it.
 */
final class StageEpisodes {

    /** The live episode as the stage reads it, and when its channel last changed. */
    record Loaded(StageEpisode episode, OffsetDateTime channelUpdatedAt) {}

    private final Db db;
    private final Map<Set<EpisodeField>, String> statements = new ConcurrentHashMap<>();

    StageEpisodes(Db db) {
        this.db = db;
    }

    /** The live episode with the parts named; null when it is gone. */
    Loaded load(UUID episodeId, Set<EpisodeField> parts) {
        Set<EpisodeField> fields = parts.isEmpty() ? EnumSet.noneOf(EpisodeField.class) : EnumSet.copyOf(parts);
        String sql = statements.computeIfAbsent(fields, StageEpisodes::select);
        return db.onConnection(connection -> {
            try (PreparedStatement load = connection.prepareStatement(sql)) {
                load.setObject(1, episodeId);
                try (ResultSet row = load.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    Map<EpisodeField, String> read = new EnumMap<>(EpisodeField.class);
                    int column = 5;
                    for (EpisodeField field : fields) {
                        read.put(field, row.getString(column++));
                    }
                    return new Loaded(
                            new StageEpisode(
                                    row.getObject(1, UUID.class),
                                    row.getObject(2, UUID.class),
                                    EpisodeStatus.fromLabel(row.getString(3)),
                                    read),
                            row.getObject(4, OffsetDateTime.class));
                }
            }
        });
    }

    private static String select(Set<EpisodeField> fields) {
        String parts = fields.stream().map(field -> ", e." + field.select()).collect(Collectors.joining());
        return "SELECT e.id, e.channel_id, e.status::text, c.updated_at" + parts
                + " FROM episodes e JOIN channels c ON c.id = e.channel_id"
                + " WHERE e.id = ? AND e.deleted_at IS NULL";
    }
}
