package io.acog.core.internal.pipeline.commit;

import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.PipelineState;
import io.acog.core.episode.StageState;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.internal.pipeline.state.EpisodeColumns;
import io.acog.core.internal.pipeline.state.EpisodeDraft;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
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
     * Only the columns a change needs: the JSON of the plan, idea and metadata stays unread, the
     * script is read only where a change may schedule b-roll from it, and the pipeline state only
     * where the row's version is not the one whose state is known ({@link KnownStates}); the
     * timeline, like the script, only where b-roll clips may be planned.
     */
    private static final String LOCK_TEMPLATE = """
            SELECT e.id, e.channel_id, e.status::text, e.xmin::text || ':' || e.ctid::text,
                   CASE WHEN e.xmin::text || ':' || e.ctid::text IS NOT DISTINCT FROM k.known
                        THEN NULL ELSE e.pipeline_state::text END,
                   e.priority, %s
            FROM unnest(?::uuid[], ?::text[]) AS k(id, known)
            JOIN episodes e ON e.id = k.id AND e.deleted_at IS NULL
            ORDER BY e.id FOR NO KEY UPDATE OF e""";

    private static final String LOCK_SQL = LOCK_TEMPLATE.formatted("e.script, e.timeline::text");

    private static final String LOCK_WITHOUT_SCRIPT_SQL = LOCK_TEMPLATE.formatted("NULL, NULL");

    /**
     * What a change of an episode needs of its locked row.
     *
     * @param state the pipeline state as the row holds it
     */
    public record Locked(
            UUID id,
            UUID channelId,
            EpisodeStatus status,
            PipelineState state,
            int priority,
            String script,
            String timeline) {

        /** A draft of the change, starting from this row. */
        public EpisodeDraft draft() {
            return new EpisodeDraft(id, channelId, status, state, priority, script, timeline);
        }
    }

    /**
     * Locks the live episodes' rows for the rest of the transaction.
     *
     * @return the rows by id; gone episodes are missing
     */
    public static Map<UUID, Locked> lock(Connection connection, Collection<UUID> ids, KnownStates states)
            throws SQLException {
        return lock(connection, ids, true, states);
    }

    /**
     * As {@link #lock(Connection, Collection, KnownStates)}, without the scripts and timelines
     * unless asked for (the drafts' are then null).
     */
    public static Map<UUID, Locked> lock(
            Connection connection, Collection<UUID> ids, boolean withScripts, KnownStates states) throws SQLException {
        UUID[] episodes = ids.toArray(UUID[]::new);
        KnownStates.Known[] known = new KnownStates.Known[episodes.length];
        String[] versions = new String[episodes.length];
        for (int i = 0; i < episodes.length; i++) {
            known[i] = states.get(episodes[i]);
            versions[i] = known[i] == null ? null : known[i].version();
        }
        Map<UUID, KnownStates.Known> byId = new HashMap<>();
        for (int i = 0; i < episodes.length; i++) {
            if (known[i] != null) {
                byId.put(episodes[i], known[i]);
            }
        }
        Map<UUID, Locked> rows = new HashMap<>();
        try (PreparedStatement lock = connection.prepareStatement(withScripts ? LOCK_SQL : LOCK_WITHOUT_SCRIPT_SQL)) {
            lock.setArray(1, connection.createArrayOf("uuid", episodes));
            lock.setArray(2, connection.createArrayOf("text", versions));
            try (ResultSet row = lock.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject(1, UUID.class);
                    String stored = row.getString(5);
                    PipelineState state = stored != null
                            ? JsonCodec.read(stored, PipelineState.class)
                            : byId.get(id).state(); // the row is still the version known
                    rows.put(
                            id,
                            new Locked(
                                    id,
                                    row.getObject(2, UUID.class),
                                    EpisodeStatus.fromLabel(row.getString(3)),
                                    state,
                                    row.getInt(6),
                                    row.getString(7),
                                    row.getString(8)));
                }
            }
        }
        return rows;
    }

    /**
     * A locked episode's new values: its state (and the state it had when locked), its status,
     * the columns a stage produced, why it failed, and whether it is being retried.
     */
    public record Update(
            UUID id,
            PipelineState before,
            PipelineState state,
            EpisodeStatus status,
            EpisodeColumns columns,
            String lastError,
            boolean retried) {

        public static Update of(EpisodeDraft draft, PipelineState before) {
            return new Update(
                    draft.id(),
                    before,
                    draft.state(),
                    draft.status(),
                    draft.columns(),
                    draft.lastError(),
                    draft.isRetried());
        }

        /**
         * What to write of the state: the entries that changed (merged into the stored state), or
         * when an entry went away, all of it.
         *
         * @return {@code [json, "merge" or "replace"]}
         */
        String[] stateChange() {
            if (!state.extra().equals(before.extra())
                    || !state.stages().keySet().containsAll(before.stages().keySet())) {
                return new String[] {JsonCodec.text("episode", "pipeline_state", state), "replace"};
            }
            EnumMap<PipelineStage, StageState> changed = new EnumMap<>(PipelineStage.class);
            state.stages().forEach((stage, entry) -> {
                if (!entry.equals(before.stages().get(stage))) {
                    changed.put(stage, entry);
                }
            });
            return new String[] {JsonCodec.text("episode", "pipeline_state", new PipelineState(changed, null)), "merge"
            };
        }
    }

    /**
     * Writes many episodes from unnested arrays, one statement whatever their number; a null
     * column value leaves the column as it is. The pipeline state takes the entries that changed
     * (a few hundred bytes instead of the whole state). Returns each row's new version.
     */
    private static final String UPDATE_SQL = """
            UPDATE episodes e SET
                pipeline_state = CASE WHEN x.state_change = 'replace' THEN x.state::jsonb
                                      ELSE coalesce(e.pipeline_state, '{}') || x.state::jsonb END,
                status = x.status::episode_status,
                plan = coalesce(x.plan::jsonb, e.plan), script = coalesce(x.script, e.script),
                script_metadata = coalesce(x.script_metadata::jsonb, e.script_metadata),
                metadata = coalesce(x.metadata::jsonb, e.metadata), title = coalesce(x.title, e.title),
                published_url = coalesce(x.published_url, e.published_url),
                published_at = coalesce(x.published_at::timestamptz, e.published_at),
                timeline = coalesce(x.timeline::jsonb, e.timeline),
                last_error = coalesce(x.last_error, e.last_error),
                retry_count = e.retry_count + x.retried
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[])
                 AS x(id, state, state_change, status, plan, script, script_metadata, metadata, title,
                      published_url, published_at, timeline, last_error, retried)
            WHERE e.id = x.id
            RETURNING e.id, e.xmin::text || ':' || e.ctid::text""";

    /**
     * Writes locked episodes in one statement.
     *
     * @return each episode's new row version, by id
     */
    public static Map<UUID, String> updateAll(Connection connection, List<Update> updates) throws SQLException {
        if (updates.isEmpty()) {
            return Map.of();
        }
        int n = updates.size();
        UUID[] ids = new UUID[n];
        String[][] text = new String[12][n];
        Integer[] retried = new Integer[n];
        for (int i = 0; i < n; i++) {
            Update update = updates.get(i);
            EpisodeColumns columns = update.columns();
            ids[i] = update.id();
            String[] state = update.stateChange();
            text[0][i] = state[0];
            text[1][i] = state[1];
            text[2][i] = update.status().label();
            text[3][i] = columns.plan();
            text[4][i] = columns.script();
            text[5][i] = columns.scriptMetadata();
            text[6][i] = columns.metadata();
            text[7][i] = columns.title();
            text[8][i] = columns.publishedUrl();
            text[9][i] =
                    columns.publishedAt() == null ? null : columns.publishedAt().toString();
            text[10][i] = columns.timeline();
            text[11][i] = update.lastError();
            retried[i] = update.retried() ? 1 : 0;
        }
        Map<UUID, String> versions = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(UPDATE_SQL)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids));
            for (int c = 0; c < text.length; c++) {
                statement.setArray(2 + c, connection.createArrayOf("text", text[c]));
            }
            statement.setArray(2 + text.length, connection.createArrayOf("int4", retried));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    versions.put(row.getObject(1, UUID.class), row.getString(2));
                }
            }
        }
        if (versions.size() != n) {
            throw new IllegalStateException(
                    "episodes vanished while locked: " + n + " to write, " + versions.size() + " written");
        }
        return versions;
    }
}
