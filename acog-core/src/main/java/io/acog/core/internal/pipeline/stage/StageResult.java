package io.acog.core.internal.pipeline.stage;

import io.acog.core.asset.NewAsset;
import io.acog.core.episode.StageState;
import io.acog.core.internal.pipeline.state.EpisodeColumns;
import io.acog.core.job.JobCompletion;
import io.acog.spi.RenderTask;
import java.util.List;

/** What one run of a stage produced: outputs to store, or a render a provider took. */
public sealed interface StageResult {

    /**
     * A stage's results, stored in one transaction with its job's completion.
     *
     * @param columns episode columns to set
     * @param details merged into {@code pipeline_state[stage]} as it completes
     * @param review for script review: the verdict; null for other stages
     * @param script the script this stage worked from, when the stages it lets start are planned
     *     from it (the audio stage lets the b-roll clips start); null otherwise (commits do not
     *     read scripts)
     */
    record Output(
            EpisodeColumns columns,
            List<NewAsset> assets,
            StageState details,
            JobCompletion completion,
            Review review,
            String script)
            implements StageResult {

        public Output {
            assets = List.copyOf(assets);
        }

        public Output(StageState details, JobCompletion completion) {
            this(EpisodeColumns.NONE, List.of(), details, completion, null, null);
        }

        public Output with(EpisodeColumns produced) {
            return new Output(columns.then(produced), assets, details, completion, review, script);
        }

        public Output with(NewAsset asset) {
            List<NewAsset> more = new java.util.ArrayList<>(assets);
            more.add(asset);
            return new Output(columns, more, details, completion, review, script);
        }

        public Output with(Review verdict) {
            return new Output(columns, assets, details, completion, verdict, script);
        }

        /** This output, bringing the script the next stages are planned from. */
        public Output plannedFrom(String read) {
            return new Output(columns, assets, details, completion, review, read);
        }

        /** Whether this is a script review that did not pass. */
        public boolean sendsBack() {
            return review != null && !review.approved();
        }
    }

    /**
     * A review's verdict on a script, and what the writer should change.
     *
     * @param script the script reviewed: what the b-roll clips come from once it passes
     */
    record Review(boolean approved, List<String> notes, String script) {
        public Review {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    /** A render the provider accepted: the job waits for it. */
    record Submitted(RenderTask task, String provider) implements StageResult {}
}
