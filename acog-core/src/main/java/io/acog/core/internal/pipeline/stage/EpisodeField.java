package io.acog.core.internal.pipeline.stage;

/**
 * The parts of an episode a stage may read: each stage names the ones it needs ({@link
 * Stage#reads()}), and only those are loaded for its run (the plan and the script are the large
 * ones, read from their TOAST tables).
 */
public enum EpisodeField {
    IDEA("idea::text"),
    PLAN("plan::text"),
    SCRIPT("script"),
    SCRIPT_METADATA("script_metadata::text"),
    METADATA("metadata::text"),
    PIPELINE_STATE("pipeline_state::text");

    private final String select;

    EpisodeField(String select) {
        this.select = select;
    }

    /** The column as the load selects it. */
    public String select() {
        return select;
    }
}
