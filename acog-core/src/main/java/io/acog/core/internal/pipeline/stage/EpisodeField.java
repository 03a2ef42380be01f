package io.acog.core.internal.pipeline.stage;

/**
 * The parts of an episode a stage may read: each stage names the ones it needs ({@link
 * Stage#reads()}), and only those are loaded for its run (the plan and the script are the large
 * ones, read from their TOAST tables).
 */
public enum EpisodeField {
    IDEA("e.idea::text"),
    PLAN("e.plan::text"),
    SCRIPT("e.script"),
    SCRIPT_METADATA("e.script_metadata::text"),
    METADATA("e.metadata::text"),
    PIPELINE_STATE("e.pipeline_state::text"),
    /** The timeline the audio stage laid out ({@code TimelineCodec}'s JSON); null before. */
    TIMELINE("e.timeline::text"),
    /**
     * The assets a later stage hands its provider: the primaries of every type and the b-roll
     * clips, as a JSON array of {@code [type, uri, is_primary, provider, duration_ms, clip_index]}
     * in clip order (a clip rendered again comes after its earlier render).
     */
    ASSETS("(SELECT coalesce(json_agg(json_build_array(a.type, a.uri, a.is_primary, a.provider, a.duration_ms,"
            + " (a.metadata ->> 'clip_index')::int)"
            + " ORDER BY (a.metadata ->> 'clip_index')::int, a.created_at), '[]')::text"
            + " FROM assets a WHERE a.episode_id = e.id AND a.deleted_at IS NULL"
            + " AND (a.is_primary OR a.type = 'b_roll'))");

    private final String select;

    EpisodeField(String select) {
        this.select = select;
    }

    /** The column as the load selects it (from {@code episodes e}). */
    public String select() {
        return select;
    }
}
