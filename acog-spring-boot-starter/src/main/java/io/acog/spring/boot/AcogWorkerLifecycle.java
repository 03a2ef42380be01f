package io.acog.spring.boot;

import io.acog.core.episode.PipelineStage;
import io.acog.core.job.JobListener;
import io.acog.core.job.JobWorker;
import io.acog.core.pipeline.EpisodePipeline;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the application's {@link JobWorker}: started once the context has refreshed, drained when
 * it closes. Stopping is synchronous: {@link JobWorker#shutdown} returns when the running stages
 * finished within {@code acog.worker.shutdown-timeout} or were interrupted and handed back to the
 * queue, and only then does the context go on to close the DataSource.
 */
final class AcogWorkerLifecycle implements SmartLifecycle {

    /**
     * Late: started after the web server, stopped before it and before anything in an earlier
     * phase; the DataSource closes after every phase has stopped.
     */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private static final Logger LOG = LoggerFactory.getLogger(AcogWorkerLifecycle.class);

    private final EpisodePipeline pipeline;
    private final AcogProperties.Worker settings;
    private final String name;
    private final JobListener listener;
    private volatile JobWorker worker;

    AcogWorkerLifecycle(EpisodePipeline pipeline, AcogProperties.Worker settings, String name, JobListener listener) {
        this.pipeline = pipeline;
        this.settings = settings;
        this.name = name;
        this.listener = listener;
    }

    @Override
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        Set<PipelineStage> stages = settings.stageSet();
        worker = pipeline.worker(name)
                .threads(settings.getThreads())
                .batchSize(settings.getBatchSize())
                .lease(settings.getLease())
                .pollInterval(settings.getPollInterval())
                .listen(settings.isListen())
                .stages(stages)
                .listener(listener)
                .start();
        LOG.info(
                "ACOG worker {} started: {} threads, stages {}",
                name,
                settings.getThreads(),
                stages.size() == PipelineStage.values().length ? "all" : labels(stages));
    }

    @Override
    public synchronized void stop() {
        JobWorker running = worker;
        if (running == null) {
            return;
        }
        Duration timeout = settings.getShutdownTimeout();
        LOG.info("ACOG worker {} stopping: running stages have {} to finish", name, timeout);
        boolean finished = running.shutdown(timeout);
        worker = null;
        if (finished) {
            LOG.info("ACOG worker {} stopped; every running stage finished", name);
        } else {
            LOG.warn(
                    "ACOG worker {} stopped; stages still running after {} were interrupted and their jobs went back"
                            + " to the queue",
                    name,
                    timeout);
        }
    }

    @Override
    public boolean isRunning() {
        JobWorker running = worker;
        return running != null && running.running();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The worker's name, whether it runs, and its stages: for the health details. */
    Map<String, Object> describe() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        details.put("running", isRunning());
        details.put("threads", settings.getThreads());
        details.put("stages", labels(settings.stageSet()));
        return details;
    }

    private static List<String> labels(Set<PipelineStage> stages) {
        return stages.stream().sorted().map(PipelineStage::label).toList();
    }
}
