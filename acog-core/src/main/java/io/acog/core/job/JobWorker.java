package io.acog.core.job;

import io.acog.core.episode.PipelineStage;
import java.time.Duration;

/**
 * Runs jobs: claims them in batches for the stages it has handlers for, runs each handler on one
 * of its threads, extends the leases of running jobs, records outcomes in batches, reclaims jobs
 * whose workers died, and wakes up on enqueue (PostgreSQL LISTEN/NOTIFY; polling alone stays
 * correct). Many workers in many JVMs can share one database.
 *
 * <pre>{@code
 * JobWorker worker = acog.jobs().worker("render-1")
 *         .threads(4)
 *         .handler(PipelineStage.AUDIO, (job, context) -> JobOutcome.completed(render(job)))
 *         .start();
 * ...
 * worker.shutdown(Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>Connections: the worker holds one connection of the data source for LISTEN, and borrows one
 * per claim, heartbeat and batch of outcomes. While a handler runs, the MDC holds
 * {@code job_id}, {@code episode_id} and {@code stage}.
 */
public interface JobWorker extends AutoCloseable {

    /** The worker's name, as recorded in {@code locked_by}. */
    String name();

    /** Whether it is running (started and not shut down). */
    boolean running();

    /**
     * Stops claiming, waits up to {@code deadline} for running handlers to finish, then
     * interrupts the rest and hands their jobs back to the queue, unfinished and without counting
     * a retry. Returns when all is recorded.
     *
     * @return whether every handler finished within the deadline
     */
    boolean shutdown(Duration deadline);

    /** {@link #shutdown(Duration)} with 30 seconds. */
    @Override
    default void close() {
        shutdown(Duration.ofSeconds(30));
    }

    /** Builds and starts a {@link JobWorker}; from {@link JobTracker#worker(String)}. */
    interface Builder {

        /** Handler threads; 4 by default. */
        Builder threads(int threads);

        /**
         * The most jobs claimed in one statement; 100 by default. While its handlers are fast
         * (under 5 ms on average) the worker claims ahead, a few batches deep; while they are
         * slow it holds at most twice as many jobs as it has threads, leaving the rest to other
         * workers.
         */
        Builder batchSize(int batchSize);

        /** How long a claim holds without a heartbeat; 30 seconds by default. */
        Builder lease(Duration lease);

        /**
         * The longest wait between claims while idle, should a notification be missed; the wait
         * starts short and doubles up to this. 1 second by default.
         */
        Builder pollInterval(Duration pollInterval);

        /** Whether to wake up on PostgreSQL notifications of new jobs; true by default. */
        Builder listen(boolean listen);

        /** The handler for a stage's jobs; the worker claims jobs of these stages only. */
        Builder handler(PipelineStage stage, JobHandler handler);

        Builder listener(JobListener listener);

        /**
         * Starts the worker's threads.
         *
         * @throws IllegalStateException without any handler
         */
        JobWorker start();
    }
}
