package io.acog.core.internal;

import static io.acog.jooq.generated.Tables.EPISODES;

import io.acog.core.episode.PipelineState;
import io.acog.jooq.generated.enums.EpisodeStatus;
import io.acog.jooq.generated.tables.records.EpisodesRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The statements of the pipeline's hot path, as constant SQL (prepared once per connection by the
 * driver, planned once by the server): locking episodes with their channels' change times, and
 * writing many episodes in one statement. Every stage of every episode runs them.
 */
final class PipelineRows {

    private PipelineRows() {}

    /** The episode's columns, qualified with the alias {@code e}. */
    private static final String EPISODE_COLUMNS = Stream.of(EPISODES.fields())
            .map(field -> "e." + field.getName()).collect(Collectors.joining(", "));

    private static final Field<OffsetDateTime> CHANNEL_UPDATED_AT =
            DSL.field(DSL.name("channel_updated_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    private static final Field<?>[] ROW_FIELDS = Stream.concat(Stream.of(EPISODES.fields()),
            Stream.of(CHANNEL_UPDATED_AT)).toArray(Field<?>[]::new);

    /**
     * Live episodes with their channels' change times, rows locked in id order (so two lockers
     * never deadlock) and {@code FOR NO KEY UPDATE} (inserting jobs and assets that reference
     * them is not blocked).
     */
    private static final String LOCK_SQL = """
            SELECT %s, c.updated_at AS channel_updated_at
            FROM episodes e JOIN channels c ON c.id = e.channel_id
            WHERE e.id = ANY ({0}) AND e.deleted_at IS NULL
            ORDER BY e.id FOR NO KEY UPDATE OF e""".formatted(EPISODE_COLUMNS);

    private static final String LOAD_SQL = """
            SELECT %s, c.updated_at AS channel_updated_at
            FROM episodes e JOIN channels c ON c.id = e.channel_id
            WHERE e.id = {0} AND e.deleted_at IS NULL""".formatted(EPISODE_COLUMNS);

    /** An episode's row, and when its channel last changed. */
    record Row(EpisodesRecord episode, OffsetDateTime channelUpdatedAt) {

        Locked locked() {
            return new Locked(episode.getId(), episode.getChannelId(), episode.getStatus(),
                    JsonCodec.read(episode.getPipelineState(), PipelineState.class),
                    episode.getPriority(), episode.getScript());
        }
    }

    /** What a change of an episode needs of its locked row. */
    record Locked(UUID id, UUID channelId, EpisodeStatus status, PipelineState state,
            int priority, String script) {}

    /** Locks the live episode's row for the rest of the transaction; null when it is gone. */
    static Locked lock(DSLContext dsl, UUID episodeId) {
        Row row = lockAll(dsl, List.of(episodeId)).get(episodeId);
        return row == null ? null : row.locked();
    }

    /**
     * Locks the live episodes' rows for the rest of the transaction.
     *
     * @return the rows by id; gone episodes are missing
     */
    static Map<UUID, Row> lockAll(DSLContext dsl, Collection<UUID> ids) {
        Map<UUID, Row> rows = new HashMap<>();
        for (Record row : dsl.resultQuery(LOCK_SQL, DSL.val(ids.toArray(UUID[]::new)))
                .coerce(ROW_FIELDS).fetch()) {
            EpisodesRecord episode = row.into(EPISODES);
            rows.put(episode.getId(), new Row(episode, row.get(CHANNEL_UPDATED_AT)));
        }
        return rows;
    }

    /** Reads the live episode; null when it is gone. */
    static Row load(DSLContext dsl, UUID episodeId) {
        Record row = dsl.resultQuery(LOAD_SQL, DSL.val(episodeId)).coerce(ROW_FIELDS).fetchOne();
        return row == null ? null : new Row(row.into(EPISODES), row.get(CHANNEL_UPDATED_AT));
    }

    /**
     * A locked episode's new values, for {@link #updateAll}: its state and status, the columns a
     * stage produced (JSONB as {@link JSONB}), and whether it is being retried.
     */
    record Update(UUID id, PipelineState state, EpisodeStatus status,
            Map<Field<?>, Object> columns, boolean retried) {}

    /** The columns a change may set besides state and status; a null value leaves one as is. */
    private static final List<Field<?>> COLUMNS = List.of(EPISODES.PLAN, EPISODES.SCRIPT,
            EPISODES.SCRIPT_METADATA, EPISODES.METADATA, EPISODES.TITLE, EPISODES.PUBLISHED_URL,
            EPISODES.PUBLISHED_AT, EPISODES.LAST_ERROR);

    private static final Set<Field<?>> JSON_COLUMNS = Set.of(EPISODES.PLAN,
            EPISODES.SCRIPT_METADATA, EPISODES.METADATA);

    /** Writes many episodes from unnested arrays, one statement whatever their number. */
    private static final String UPDATE_SQL = "UPDATE episodes e SET"
            + " pipeline_state = x.state::jsonb, status = x.status::episode_status, "
            + COLUMNS.stream().map(column -> column.getName() + " = coalesce(x."
                    + column.getName() + (JSON_COLUMNS.contains(column) ? "::jsonb"
                            : column == EPISODES.PUBLISHED_AT ? "::timestamptz" : "")
                    + ", e." + column.getName() + ")").collect(Collectors.joining(", "))
            + ", retry_count = e.retry_count + x.retried"
            + " FROM unnest(?::uuid[], ?::text[], ?::text[], "
            + COLUMNS.stream().map(column -> "?::text[]").collect(Collectors.joining(", "))
            + ", ?::int[]) AS x(id, state, status, "
            + COLUMNS.stream().map(Field::getName).collect(Collectors.joining(", "))
            + ", retried) WHERE e.id = x.id";

    /**
     * Writes locked episodes in one statement: each one's pipeline state and status, the columns
     * a stage produced, and for a retry {@code retry_count} one up.
     */
    static void updateAll(Connection connection, List<Update> updates) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        int n = updates.size();
        UUID[] ids = new UUID[n];
        String[] states = new String[n];
        String[] statuses = new String[n];
        String[][] values = new String[COLUMNS.size()][n];
        Integer[] retried = new Integer[n];
        for (int i = 0; i < n; i++) {
            Update update = updates.get(i);
            ids[i] = update.id();
            states[i] = JsonCodec.text(update.state());
            statuses[i] = update.status().getLiteral();
            retried[i] = update.retried() ? 1 : 0;
            for (Field<?> column : update.columns().keySet()) {
                if (!COLUMNS.contains(column)) {
                    throw new IllegalArgumentException("the pipeline does not write "
                            + column.getName());
                }
            }
            for (int c = 0; c < COLUMNS.size(); c++) {
                Object value = update.columns().get(COLUMNS.get(c));
                values[c][i] = value == null ? null
                        : value instanceof JSONB json ? json.data() : value.toString();
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(UPDATE_SQL)) {
            int p = 1;
            statement.setArray(p++, connection.createArrayOf("uuid", ids));
            statement.setArray(p++, connection.createArrayOf("text", states));
            statement.setArray(p++, connection.createArrayOf("text", statuses));
            for (String[] column : values) {
                statement.setArray(p++, connection.createArrayOf("text", column));
            }
            statement.setArray(p, connection.createArrayOf("int4", retried));
            if (statement.executeUpdate() != n) {
                throw new IllegalStateException("episodes vanished while locked: " + n
                        + " to write");
            }
        }
    }
}
