package io.acog.core.internal.pipeline.state;

import java.util.List;

/**
 * What the pipeline's jobs carry in {@code jobs.input_params}, typed: written when a stage's job is
 * made, read when it runs. A render's task is merged into its job's input once the provider took
 * it, so the job's later runs poll it instead of submitting again.
 */
public final class JobInputs {

    private JobInputs() {}

    /** The keys of a render's task in its job's input. */
    public static final String TASK_ID = "task_id";

    public static final String PROVIDER = "provider";

    /** A scripting job sent back by a review: what the writer should change. */
    public record Scripting(List<String> reviewNotes) {
        public Scripting {
            reviewNotes = reviewNotes == null ? List.of() : List.copyOf(reviewNotes);
        }
    }

    /**
     * One b-roll clip: its place among the script's clips, what it shows, and how long its cut on
     * the narration runs ({@code neededMs}; {@code seconds} rounded up, at least 1). Jobs made
     * before the timeline existed have no {@code neededMs} (0): their {@code seconds} stands.
     */
    public record Clip(int clipIndex, String description, int seconds, long neededMs) {}

    /** A render a provider took, as its job's input records it. */
    public record RenderTask(String taskId, String provider) {}
}
