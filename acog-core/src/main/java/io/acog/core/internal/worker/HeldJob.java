package io.acog.core.internal.worker;

import io.acog.core.job.ClaimedJob;
import io.acog.core.job.JobContext;
import java.util.concurrent.atomic.AtomicBoolean;

/** A job a worker holds, and the context its handler sees. */
final class HeldJob implements JobContext {

    private volatile ClaimedJob claim;
    private volatile boolean cancelRequested;
    private volatile boolean leaseLost;
    /** The handler ended the job itself ({@code JobOutcome.Recorded}): no lease to keep. */
    private volatile boolean recorded;
    /** Heartbeats in a row that did not find the job held (only the heartbeat thread). */
    private int missedHeartbeats;

    private final long claimedAt = System.nanoTime();
    /** Whether a handler took the job, or it was handed back unstarted: whichever came first. */
    private final AtomicBoolean taken = new AtomicBoolean();

    HeldJob(ClaimedJob claim) {
        this.claim = claim;
        this.cancelRequested = claim.job().cancelRequested();
    }

    @Override
    public ClaimedJob claim() {
        return claim;
    }

    @Override
    public boolean cancelRequested() {
        return cancelRequested;
    }

    @Override
    public boolean leaseLost() {
        return leaseLost;
    }

    /** What the last heartbeat learnt: the extended lease and whether a cancel was asked for. */
    void extended(ClaimedJob extended, boolean cancel) {
        this.claim = extended;
        this.cancelRequested = cancel;
        this.missedHeartbeats = 0;
    }

    /**
     * A heartbeat did not find the job held. A handler that ends its job itself has committed
     * before it returns: a job missing once may be just that. Missing twice in a row, with its
     * handler still on it, the lease is lost.
     *
     * @return whether the lease counts as lost now (for the first time)
     */
    boolean missed() {
        if (leaseLost || recorded || missedHeartbeats++ == 0) {
            return false;
        }
        leaseLost = true;
        return true;
    }

    void recorded() {
        this.recorded = true;
    }

    boolean isRecorded() {
        return recorded;
    }

    long claimedAt() {
        return claimedAt;
    }

    /**
     * Takes the job, for its handler or to hand it back unstarted.
     *
     * @return false when it was taken already (the other way)
     */
    boolean take() {
        return taken.compareAndSet(false, true);
    }

    /** Whether the job is still waiting in hand: no handler took it, and it was not handed back. */
    boolean waiting() {
        return !taken.get();
    }
}
