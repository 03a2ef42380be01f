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

    /** The job completed with this result and cost. */
    record Completed(JobCompletion completion) implements JobOutcome {
        public Completed {
            Objects.requireNonNull(completion, "completion");
        }
    }

    /**
     * The job goes back to the queue, to be claimed again after {@code delay}; it is neither
     * completed nor failed, and no retry is counted.
     *
     * @param progress merged into the job's input, so the next run sees it (e.g. a provider's
     *     task id); null for none
     */
    record CheckAgain(Duration delay, java.util.Map<String, Object> progress) implements JobOutcome {
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
     * {@link JobTracker#complete} or {@link JobTracker#fail} on the claim in
     * {@link JobContext#claim()}); the worker writes nothing more.
     */
    record Recorded() implements JobOutcome {}

    static JobOutcome recorded() {
        return new Recorded();
    }

    static JobOutcome completed() {
        return new Completed(JobCompletion.empty());
    }

    static JobOutcome completed(JobCompletion completion) {
        return new Completed(completion);
    }

    static JobOutcome completed(Object result) {
        return new Completed(JobCompletion.of(result));
    }

    static JobOutcome checkAgainIn(Duration delay, java.util.Map<String, Object> progress) {
        return new CheckAgain(delay, progress);
    }
}
