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

    /**
     * Returns the worker's name, as recorded in {@code locked_by}.
     *
     * @return the name
     */
    String name();

    /**
     * Tells whether it is running (started and not shut down).
     *
     * @return whether it runs
     */
    boolean running();

    /**
     * Stops claiming, waits up to {@code deadline} for running handlers to finish, then interrupts
     * the rest and hands their jobs back to the queue, unfinished and without counting a retry.
     * Returns when all is recorded.
     *
     * @param deadline how long to wait for running handlers
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

        /**
         * Sets the number of handler threads; 4 by default.
         *
         * @param threads 1 or more
         * @return this builder
         * @throws IllegalArgumentException for fewer than 1
         */
        Builder threads(int threads);

        /**
         * Sets the most jobs claimed in one statement; 100 by default. While its handlers are fast
         * (under 5 ms on average) the worker claims ahead, a few batches deep; while they are slow
         * it holds at most twice as many jobs as it has threads, leaving the rest to other workers.
         *
         * @param batchSize from 1 to 1000
         * @return this builder
         * @throws IllegalArgumentException outside 1 to 1000
         */
        Builder batchSize(int batchSize);

        /**
         * Sets how long a claim holds without a heartbeat; 30 seconds by default. Heartbeats extend
         * it while handlers run; a job whose worker died is reclaimed once it runs out.
         *
         * @param lease at least one second
         * @return this builder
         * @throws IllegalArgumentException for less than one second
         */
        Builder lease(Duration lease);

        /**
         * Sets the longest wait between claims while idle, should a notification be missed; the
         * wait starts short and doubles up to this. 1 second by default.
         *
         * @param pollInterval at least 5 ms
         * @return this builder
         * @throws IllegalArgumentException for less than 5 ms
         */
        Builder pollInterval(Duration pollInterval);

        /**
         * Sets whether to wake up on PostgreSQL notifications of new jobs; true by default.
         *
         * @param listen false to rely on polling alone (e.g. behind a pooler that drops LISTEN)
         * @return this builder
         */
        Builder listen(boolean listen);

        /**
         * Sets the handler for a stage's jobs, replacing any set before; the worker claims jobs of
         * these stages only.
         *
         * @param stage the stage
         * @param handler runs the stage's jobs
         * @return this builder
         */
        Builder handler(PipelineStage stage, JobHandler handler);

        /**
         * Keeps only these stages' handlers: the worker claims jobs of these stages only. A fleet
         * splits its work so, e.g. render nodes that run {@code AVATAR_VIDEO}, {@code BROLL} and
         * {@code ASSEMBLY} next to writer nodes that run the rest.
         *
         * @param stages the stages to run, each with a handler set (a pipeline's worker has all nine)
         * @return this builder
         * @throws IllegalArgumentException when {@code stages} is empty, or names a stage without a
         *     handler
         */
        Builder stages(java.util.Set<PipelineStage> stages);

        /**
         * Sets the listener that hears what the worker does, replacing any set before.
         *
         * @param listener the listener
         * @return this builder
         */
        Builder listener(JobListener listener);

        /**
         * Starts the worker's threads.
         *
         * @return the running worker; shut it down when done
         * @throws IllegalStateException without any handler
         */
        JobWorker start();
    }
}
