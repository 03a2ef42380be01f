package io.acog.core.internal.pipeline.commit;

import io.acog.core.internal.pipeline.state.PipelineEvent;
import java.util.List;

/**
 * What the lane did with a {@link StageCommit}, and the events to tell once it committed.
 *
 * @param attempt for a start: the attempt it began
 */
public record Committed(Outcome outcome, int attempt, List<PipelineEvent> events) {

    public Committed {
        events = List.copyOf(events);
    }

    /** How a request ended. */
    public enum Outcome {
        /** Written. */
        COMMITTED,
        /** A start whose episode is no longer on its way (or gone): nothing written. */
        NOT_ON_ITS_WAY,
        /** A finish whose episode was cancelled (or is gone): the job ended cancelled. */
        CANCELLED,
        /** A finish whose job was no longer held by its claim: nothing written. */
        LEASE_LOST
    }

    static Committed of(Outcome outcome) {
        return new Committed(outcome, 0, List.of());
    }
}
