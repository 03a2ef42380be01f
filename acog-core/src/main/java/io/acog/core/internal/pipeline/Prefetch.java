package io.acog.core.internal.pipeline;

import io.acog.core.internal.pipeline.stage.Stages;
import io.acog.core.internal.pipeline.state.JobInputs;
import io.acog.core.internal.pipeline.state.StageGraph;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One worker's episodes loaded ahead: when its claim loop claims a batch, the episodes of the
 * batch's stage runs are read in one statement, and each run takes its own (by its job and claim)
 * instead of reading it alone. Read after the claim, an episode holds everything the stages before
 * it wrote (they enqueued its job when they committed). A run finds nothing here (a render's
 * later check, a batch whose read failed) and loads its episode itself. Thread-safe.
 */
final class Prefetch implements Consumer<List<ClaimedJob>> {

    private final StageEpisodes episodes;
    private final Stages stages;
    /** By job id, with the claim it was read for (a batch's jobs share their claim's token). */
    private final Map<UUID, Ahead> loaded = new ConcurrentHashMap<>();

    private record Ahead(String token, StageEpisodes.Loaded episode) {}

    /** Far more than a worker holds at once. */
    private static final int MAX_AHEAD = 10_000;

    Prefetch(StageEpisodes episodes, Stages stages) {
        this.episodes = episodes;
        this.stages = stages;
    }

    @Override
    public void accept(List<ClaimedJob> batch) {
        List<ClaimedJob> runs = new ArrayList<>(batch.size());
        List<StageEpisodes.Wanted> wanted = new ArrayList<>(batch.size());
        for (ClaimedJob claim : batch) {
            Job job = claim.job();
            if (!job.cancelRequested() && !checksARender(job)) {
                runs.add(claim);
                wanted.add(new StageEpisodes.Wanted(
                        job.episodeId(), stages.get(job.stage()).reads()));
            }
        }
        if (runs.isEmpty()) {
            return;
        }
        if (loaded.size() > MAX_AHEAD) {
            loaded.clear(); // left by jobs handed back or released unrun: a run that misses loads alone
        }
        List<StageEpisodes.Loaded> read = episodes.loadAll(wanted);
        for (int i = 0; i < runs.size(); i++) {
            if (read.get(i) != null) {
                ClaimedJob claim = runs.get(i);
                loaded.put(claim.job().id(), new Ahead(claim.token(), read.get(i)));
            }
        }
    }

    /** What was read ahead for the claim (once: it is forgotten here); null when nothing was. */
    StageEpisodes.Loaded take(ClaimedJob claim) {
        Ahead ahead = loaded.remove(claim.job().id());
        return ahead != null && ahead.token().equals(claim.token()) ? ahead.episode() : null;
    }

    /** A render's later run, which asks its provider first and loads only once the render is done. */
    private static boolean checksARender(Job job) {
        return StageGraph.RENDERS.contains(job.stage()) && job.input().get(JobInputs.TASK_ID) != null;
    }
}
