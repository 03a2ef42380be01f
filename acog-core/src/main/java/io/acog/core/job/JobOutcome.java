package io.acog.core.job;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link JobHandler} reports: the job is done ({@link #completed}), or it should be looked
 * at again later ({@link #checkAgainIn}) — for a long provider render that was submitted and is
 * polled, so that no worker thread waits for it — or the handler already recorded the end itself
 * ({@link #recorded}). To fail, the handler throws (see {@link JobHandler}).
 */
public sealed interface JobOutcome {

    /**
     * The job completed with this result and cost.
     *
     * @param completion the result and cost to record
     */
    record Completed(JobCompletion completion) implements JobOutcome {
        /**
         * Creates the outcome.
         *
         * @param completion the result and cost to record
         * @throws NullPointerException when {@code completion} is null
         */
        public Completed {
            Objects.requireNonNull(completion, "completion");
        }
    }

    /**
     * The job goes back to the queue, to be claimed again after {@code delay}; it is neither
     * completed nor failed, and no retry is counted.
     *
     * @param delay how long to wait; not negative
     * @param progress merged into the job's input, so the next run sees it (e.g. a provider's task
     *     id); null for none
     */
    record CheckAgain(Duration delay, java.util.Map<String, Object> progress) implements JobOutcome {
        /**
         * Creates the outcome, copying {@code progress} (null becomes empty).
         *
         * @param delay how long to wait; not negative
         * @param progress merged into the job's input, so the next run sees it (e.g. a provider's
         *     task id); null for none
         * @throws NullPointerException when {@code delay} is null
         * @throws IllegalArgumentException when {@code delay} is negative
         */
        public CheckAgain {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative, got " + delay);
            }
            progress = progress == null ? java.util.Map.of() : java.util.Map.copyOf(progress);
        }
    }

    /**
     * The handler recorded the job's end itself, in the same transaction as its outputs (with
     * {@link JobTracker#complete}, {@link JobTracker#fail}, {@link JobTracker#reschedule} or
     * {@link JobTracker#cancelled} on the claim in {@link JobContext#claim()}); the worker writes
     * nothing more.
     *
     * <p>With the job as that write left it, the worker's {@link JobListener} hears the end as if
     * the worker had written it: {@link JobListener#completed completed}, {@link
     * JobListener#failed failed} or {@link JobListener#cancelled cancelled} by its status; queued
     * with one retry more than when it was claimed, {@link JobListener#retried retried}; queued
     * otherwise, {@link JobListener#rescheduled rescheduled}. Without it, the listener hears
     * nothing of the end.
     *
     * @param job the job as the handler's write returned it; null when the handler does not have
     *     it
     */
    record Recorded(Job job) implements JobOutcome {

        /** Creates the outcome without the job: the worker's listener hears nothing of the end. */
        public Recorded() {
            this(null);
        }
    }

    /**
     * Returns the outcome of a handler that recorded the job's end itself, without telling the
     * worker how it ended: its {@link JobListener} hears nothing of the end. Prefer {@link
     * #recorded(Job)}.
     *
     * @return a {@link Recorded} without the job
     */
    static JobOutcome recorded() {
        return new Recorded();
    }

    /**
     * Returns the outcome of a handler that recorded the job's end itself, with the job as its
     * write returned it (what {@link JobTracker#complete}, {@link JobTracker#fail}, {@link
     * JobTracker#reschedule} or {@link JobTracker#cancelled} returned), so the worker's {@link
     * JobListener} hears that end.
     *
     * @param job the job as recorded
     * @return a {@link Recorded} with the job
     * @throws NullPointerException when {@code job} is null
     */
    static JobOutcome recorded(Job job) {
        return new Recorded(Objects.requireNonNull(job, "job"));
    }

    /**
     * Returns a completion without result or cost.
     *
     * @return a {@link Completed}
     */
    static JobOutcome completed() {
        return new Completed(JobCompletion.empty());
    }

    /**
     * Returns a completion with this result and cost.
     *
     * @param completion the result and cost
     * @return a {@link Completed}
     */
    static JobOutcome completed(JobCompletion completion) {
        return new Completed(completion);
    }

    /**
     * Returns a completion with this result and no cost.
     *
     * @param result a record, a map, or null
     * @return a {@link Completed}
     */
    static JobOutcome completed(Object result) {
        return new Completed(JobCompletion.of(result));
    }

    /**
     * Returns an outcome that puts the job back in the queue for {@code delay}.
     *
     * @param delay how long to wait; not negative
     * @param progress merged into the job's input for the next run; null for none
     * @return a {@link CheckAgain}
     */
    static JobOutcome checkAgainIn(Duration delay, java.util.Map<String, Object> progress) {
        return new CheckAgain(delay, progress);
    }
}
