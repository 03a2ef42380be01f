package io.acog.core.internal.pipeline.commit;

import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineState;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.internal.pipeline.state.EpisodeColumns;
import io.acog.core.internal.pipeline.state.EpisodeDraft;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The statements of the pipeline's hot path, as constant plain-JDBC SQL (prepared once per
 * connection by the driver, planned once by the server, no query building): locking the episodes
 * a change works on, and writing many of them in one statement. Every stage of every episode runs
 * them.
 */
public final class EpisodeRows {

    private EpisodeRows() {}

    /**
     * Live episodes, rows locked in id order (so two lockers never deadlock) and
     * {@code FOR NO KEY UPDATE} (inserting jobs and assets that reference them is not blocked).
     * Only the columns a change needs: the JSON of the plan, idea and metadata stays unread, and
     * the script is read only where a change may schedule b-roll from it.
     */
    private static final String LOCK_SQL = """
            SELECT id, channel_id, status::text, pipeline_state::text, priority, script
            FROM episodes WHERE id = ANY (?) AND deleted_at IS NULL
            ORDER BY id FOR NO KEY UPDATE""";

    private static final String LOCK_WITHOUT_SCRIPT_SQL = LOCK_SQL.replace(", script", ", NULL");

    /** What a change of an episode needs of its locked row. */
    public record Locked(
            UUID id, UUID channelId, EpisodeStatus status, PipelineState state, int priority, String script) {

        /** A draft of the change, starting from this row. */
        public EpisodeDraft draft() {
            return new EpisodeDraft(id, channelId, status, state, priority, script);
        }
    }

    /**
     * Locks the live episodes' rows for the rest of the transaction.
     *
     * @return the rows by id; gone episodes are missing
     */
    public static Map<UUID, Locked> lock(Connection connection, Collection<UUID> ids) throws SQLException {
        return lock(connection, ids, true);
    }

    /**
     * As {@link #lock(Connection, Collection)}, without the scripts unless asked for (the drafts'
     * scripts are then null).
     */
    public static Map<UUID, Locked> lock(Connection connection, Collection<UUID> ids, boolean withScripts)
            throws SQLException {
        Map<UUID, Locked> rows = new HashMap<>();
        try (PreparedStatement lock = connection.prepareStatement(withScripts ? LOCK_SQL : LOCK_WITHOUT_SCRIPT_SQL)) {
            lock.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet row = lock.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject(1, UUID.class);
                    rows.put(
                            id,
                            new Locked(
                                    id,
                                    row.getObject(2, UUID.class),
                                    EpisodeStatus.fromLabel(row.getString(3)),
                                    JsonCodec.read(row.getString(4), PipelineState.class),
                                    row.getInt(5),
                                    row.getString(6)));
                }
            }
        }
        return rows;
    }

    /**
     * A locked episode's new values: its state and status, the columns a stage produced, why it
     * failed, and whether it is being retried.
     */
    public record Update(
            UUID id,
            PipelineState state,
            EpisodeStatus status,
            EpisodeColumns columns,
            String lastError,
            boolean retried) {

        public static Update of(EpisodeDraft draft) {
            return new Update(
                    draft.id(), draft.state(), draft.status(), draft.columns(), draft.lastError(), draft.isRetried());
        }
    }

    /**
     * Writes many episodes from unnested arrays, one statement whatever their number; a null
     * column value leaves the column as it is.
     */
    private static final String UPDATE_SQL = """
            UPDATE episodes e SET
                pipeline_state = x.state::jsonb, status = x.status::episode_status,
                plan = coalesce(x.plan::jsonb, e.plan), script = coalesce(x.script, e.script),
                script_metadata = coalesce(x.script_metadata::jsonb, e.script_metadata),
                metadata = coalesce(x.metadata::jsonb, e.metadata), title = coalesce(x.title, e.title),
                published_url = coalesce(x.published_url, e.published_url),
                published_at = coalesce(x.published_at::timestamptz, e.published_at),
                last_error = coalesce(x.last_error, e.last_error),
                retry_count = e.retry_count + x.retried
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::int[])
                 AS x(id, state, status, plan, script, script_metadata, metadata, title,
                      published_url, published_at, last_error, retried)
            WHERE e.id = x.id""";

    /** Writes locked episodes in one statement. */
    public static void updateAll(Connection connection, List<Update> updates) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        int n = updates.size();
        UUID[] ids = new UUID[n];
        String[][] text = new String[10][n];
        Integer[] retried = new Integer[n];
        for (int i = 0; i < n; i++) {
            Update update = updates.get(i);
            EpisodeColumns columns = update.columns();
            ids[i] = update.id();
            text[0][i] = JsonCodec.text(update.state());
            text[1][i] = update.status().label();
            text[2][i] = columns.plan();
            text[3][i] = columns.script();
            text[4][i] = columns.scriptMetadata();
            text[5][i] = columns.metadata();
            text[6][i] = columns.title();
            text[7][i] = columns.publishedUrl();
            text[8][i] =
                    columns.publishedAt() == null ? null : columns.publishedAt().toString();
            text[9][i] = update.lastError();
            retried[i] = update.retried() ? 1 : 0;
        }
        try (PreparedStatement statement = connection.prepareStatement(UPDATE_SQL)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids));
            for (int c = 0; c < text.length; c++) {
                statement.setArray(2 + c, connection.createArrayOf("text", text[c]));
            }
            statement.setArray(2 + text.length, connection.createArrayOf("int4", retried));
            if (statement.executeUpdate() != n) {
                throw new IllegalStateException("episodes vanished while locked: " + n + " to write");
            }
        }
    }
}
