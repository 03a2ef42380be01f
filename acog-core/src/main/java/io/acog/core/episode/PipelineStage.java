package io.acog.core.episode;

import io.acog.core.internal.Labels;

/**
 * The nine stages an episode goes through ({@code jobs.stage} and the keys of
 * {@code pipeline_state}), in pipeline order. Each stage's run is a job.
 */
public enum PipelineStage {
    /** The outline: the writer plans the episode from its idea. */
    PLANNING,
    /** The script: the writer writes it from the plan (again after a rejected review). */
    SCRIPTING,
    /** The review of the script: by the writer, or by a person on channels with manual review. */
    SCRIPT_REVIEW,
    /** SEO metadata: title, description, tags. No episode status of its own. */
    METADATA,
    /** The speech: the channel's voice speaks the script. */
    AUDIO,
    /**
     * The presenter on camera: the channel's avatar provider renders the avatar segments over the
     * speech.
     */
    AVATAR,
    /** The b-roll clips: one job per {@code [BROLL:...]} marker. */
    BROLL,
    /** The final video, cut from speech, avatar video and clips. */
    ASSEMBLY,
    /** Publishing; the episode shows {@code publishing} meanwhile. */
    UPLOAD;

    /**
     * Returns the stage as stored, e.g. {@code "script_review"}.
     *
     * @return the label
     */
    public String label() {
        return Labels.of(this);
    }

    /**
     * Returns the stage with this label.
     *
     * @param label the stage as stored, e.g. {@code "broll"}
     * @return the stage
     * @throws IllegalArgumentException naming the label and the ones allowed
     */
    public static PipelineStage fromLabel(String label) {
        return Labels.parse(PipelineStage.class, label);
    }
}
