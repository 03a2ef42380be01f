package io.acog.core.internal.pipeline.commit;

import io.acog.core.internal.pipeline.stage.StageResult;
import io.acog.core.internal.store.AssetStore;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import java.time.OffsetDateTime;
import java.util.List;

/** What a stage's job asks the {@link CommitLane} to write for its episode. */
public sealed interface StageCommit {

    /** The claimed job. */
    ClaimedJob claim();

    default Job job() {
        return claim().job();
    }

    /** The stage began at {@code begunAt} and its call outlasts a glance: it shows as running. */
    record Start(ClaimedJob claim, OffsetDateTime begunAt) implements StageCommit {}

    /**
     * The stage's results, stored with its job's completion and the next stages' jobs.
     *
     * @param assets the output's assets, checked before the transaction
     * @param started whether a {@link Start} of this run committed already (else the finish
     *     records the start too, at {@code begunAt})
     */
    record Finish(
            ClaimedJob claim,
            StageResult.Output output,
            List<AssetStore.Prepared> assets,
            boolean started,
            OffsetDateTime begunAt)
            implements StageCommit {

        public Finish {
            assets = List.copyOf(assets);
        }
    }
}
