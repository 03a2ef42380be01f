package io.acog.core.internal.worker;

import io.acog.core.episode.PipelineStage;
import io.acog.core.internal.db.PoolCheck;
import io.acog.core.internal.queue.JobStore;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.JobHandler;
import io.acog.core.job.JobListener;
import io.acog.core.job.JobWorker;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Builds and starts a {@link Worker}: {@link io.acog.core.job.JobTracker#worker(String)}. */
public final class WorkerBuilder implements JobWorker.Builder {

    /** The shortest wait between claims while idle. */
    static final long MIN_IDLE_WAIT_MILLIS = 5;

    private final JobStore store;
    private final String name;
    private final DataSource listenSource;
    private int threads = 4;
    private int batchSize = 100;
    private Duration lease = Duration.ofSeconds(30);
    private Duration pollInterval = Duration.ofSeconds(1);
    private boolean listen = true;
    private final Map<PipelineStage, JobHandler> handlers = new EnumMap<>(PipelineStage.class);
    private JobListener listener = new JobListener() {};
    private Consumer<List<ClaimedJob>> onClaimed = batch -> {};
    private Runnable housekeeping = () -> {};

    public WorkerBuilder(JobStore store, String name, DataSource listenSource) {
        this.store = store;
        this.name = name;
        this.listenSource = listenSource;
    }

    @Override
    public WorkerBuilder threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
        }
        this.threads = threads;
        return this;
    }

    @Override
    public WorkerBuilder batchSize(int batchSize) {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("batchSize must lie between 1 and 1000, got " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    @Override
    public WorkerBuilder lease(Duration lease) {
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("lease must be at least 1 second, got " + lease);
        }
        this.lease = lease;
        return this;
    }

    @Override
    public WorkerBuilder pollInterval(Duration pollInterval) {
        if (pollInterval.toMillis() < MIN_IDLE_WAIT_MILLIS) {
            throw new IllegalArgumentException(
                    "pollInterval must be at least " + MIN_IDLE_WAIT_MILLIS + " ms, got " + pollInterval);
        }
        this.pollInterval = pollInterval;
        return this;
    }

    @Override
    public WorkerBuilder listen(boolean listen) {
        this.listen = listen;
        return this;
    }

    @Override
    public WorkerBuilder handler(PipelineStage stage, JobHandler handler) {
        handlers.put(Objects.requireNonNull(stage, "stage"), Objects.requireNonNull(handler, "handler"));
        return this;
    }

    @Override
    public WorkerBuilder stages(java.util.Set<PipelineStage> stages) {
        Objects.requireNonNull(stages, "stages");
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("stages is empty; name at least one stage to run");
        }
        java.util.List<String> unhandled = stages.stream()
                .filter(stage -> !handlers.containsKey(stage))
                .sorted()
                .map(PipelineStage::label)
                .toList();
        if (!unhandled.isEmpty()) {
            throw new IllegalArgumentException("stages " + unhandled + " have no handler; this worker has handlers for "
                    + handlers.keySet().stream().map(PipelineStage::label).toList());
        }
        handlers.keySet().retainAll(stages);
        return this;
    }

    @Override
    public WorkerBuilder listener(JobListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Called on the claim loop with each batch it claimed, before the batch's jobs go to the
     * handler threads: a handler that needs data for its job can have it read for the whole batch
     * at once. What it throws is logged and ignored.
     */
    public WorkerBuilder onClaimed(Consumer<List<ClaimedJob>> onClaimed) {
        this.onClaimed = Objects.requireNonNull(onClaimed, "onClaimed");
        return this;
    }

    /**
     * Called on the worker's reclaiming loop at start and then every half lease, right after jobs
     * whose leases ran out were reclaimed: the handlers' owner repairs there what a job that ended
     * outside its handler left behind. What it throws is logged and ignored.
     */
    public WorkerBuilder housekeeping(Runnable housekeeping) {
        this.housekeeping = Objects.requireNonNull(housekeeping, "housekeeping");
        return this;
    }

    @Override
    public JobWorker start() {
        if (handlers.isEmpty()) {
            throw new IllegalStateException("worker " + name + " has no handler; add one per stage it" + " should run");
        }
        PoolCheck.warnIfUnpooled(listenSource);
        return new Worker(
                        store,
                        listenSource,
                        new WorkerSettings(
                                name,
                                threads,
                                batchSize,
                                lease,
                                pollInterval,
                                listen,
                                handlers,
                                listener,
                                onClaimed,
                                housekeeping))
                .start();
    }
}
