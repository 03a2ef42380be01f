package io.acog.core.internal.worker;

import io.acog.core.episode.PipelineStage;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.JobHandler;
import io.acog.core.job.JobListener;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** How a worker was configured on its builder. */
record WorkerSettings(
        String name,
        int threads,
        int batchSize,
        Duration lease,
        Duration pollInterval,
        boolean listen,
        Map<PipelineStage, JobHandler> handlers,
        JobListener listener,
        Consumer<List<ClaimedJob>> onClaimed,
        Runnable housekeeping) {

    WorkerSettings {
        handlers = Collections.unmodifiableMap(new EnumMap<>(handlers));
    }
}
