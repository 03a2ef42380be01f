package io.acog.core.internal.worker;

import io.acog.core.job.JobOutcome;

/** How a held job's run ended, to be recorded. */
record Outcome(HeldJob job, Kind kind, JobOutcome outcome, Throwable error) {

    enum Kind {
        COMPLETE,
        CHECK_AGAIN,
        /** The handler wrote the job's end with its outputs. */
        RECORDED,
        FAIL,
        FAIL_PERMANENTLY,
        CANCELLED,
        /** Handed back unfinished (shutdown), to run again. */
        RELEASE,
        /** Handed back before any handler started it (shutdown, or stuck handlers), to run again. */
        HAND_BACK
    }
}
