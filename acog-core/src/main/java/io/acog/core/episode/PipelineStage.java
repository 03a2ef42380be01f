package io.acog.core.episode;

import io.acog.core.internal.Labels;

/**
 * The nine stages an episode goes through ({@code jobs.stage} and the keys of
 * {@code pipeline_state}), in pipeline order. Each stage's run is a job.
 */
public enum PipelineStage {
    PLANNING,
    SCRIPTING,
    SCRIPT_REVIEW,
    /** SEO metadata: title, description, tags. No episode status of its own. */
    METADATA,
    AUDIO,
    AVATAR,
    BROLL,
    ASSEMBLY,
    /** Publishing; the episode shows {@code publishing} meanwhile. */
    UPLOAD;

    /** The stage as stored, e.g. {@code "script_review"}. */
    public String label() {
        return Labels.of(this);
    }

    /**
     * The stage with this label.
     *
     * @throws IllegalArgumentException naming the label and the ones allowed
     */
    public static PipelineStage fromLabel(String label) {
        return Labels.parse(PipelineStage.class, label);
    }
}
