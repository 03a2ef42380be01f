package io.acog.core.internal.pipeline;

import io.acog.core.internal.pipeline.commit.CommitLane;
import io.acog.core.internal.pipeline.commit.Committed;
import io.acog.core.internal.pipeline.commit.StageCommit;
import io.acog.core.internal.secret.Redaction;
import io.acog.core.job.ClaimedJob;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a stage shows as running. A provider call that answers within the pipeline's
 * {@code runningAfter} is recorded begun and finished by one commit (no separate write: most of a
 * fast pipeline's cost); one that outlasts it is marked running then, by a commit of its own, so
 * that a long call (a voice, a render submitted) shows in {@code pipeline_state} while it runs.
 * With {@code runningAfter} zero every stage is marked running before its call.
 */
final class RunningMarks {

    private static final Logger LOG = LoggerFactory.getLogger(RunningMarks.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final int PENDING = 0;
    private static final int MARKING = 1;
    private static final int STOPPED = 2;

    private final Duration after;
    private final CommitLane<StageCommit, Committed> lane;
    private final ListenerBus listeners;
    private final ScheduledThreadPoolExecutor timer;

    RunningMarks(Duration after, CommitLane<StageCommit, Committed> lane, ListenerBus listeners) {
        this.after = after;
        this.lane = lane;
        this.listeners = listeners;
        this.timer = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = new Thread(runnable, "acog-pipeline-running-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // idle pipelines keep no threads
        timer.setKeepAliveTime(10, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * A stage's run begins: marked running now (with {@code runningAfter} zero) or once its call
     * outlasts {@code runningAfter}.
     */
    Mark begin(ClaimedJob claim, OffsetDateTime begunAt) {
        Mark mark = new Mark(claim, begunAt);
        if (after.isZero()) {
            mark.run();
        } else {
            mark.scheduled = timer.schedule(mark::run, after.toNanos(), TimeUnit.NANOSECONDS);
        }
        return mark;
    }

    /** One run's running mark. */
    final class Mark {
        private final ClaimedJob claim;
        private final OffsetDateTime begunAt;
        /**
         * Who got there first: the mark ({@code MARKING}) or the end of the call ({@code STOPPED}).
         * Decided once, so a mark never commits after the call's end was recorded without it.
         */
        private final AtomicInteger state = new AtomicInteger(PENDING);
        /** Completed with whether the mark committed. */
        private final CompletableFuture<Boolean> committed = new CompletableFuture<>();

        private volatile ScheduledFuture<?> scheduled;

        private Mark(ClaimedJob claim, OffsetDateTime begunAt) {
            this.claim = claim;
            this.begunAt = begunAt;
        }

        void run() {
            if (!state.compareAndSet(PENDING, MARKING)) {
                return;
            }
            try {
                Committed result = lane.submit(new StageCommit.Start(claim, begunAt));
                boolean marked = result.outcome() == Committed.Outcome.COMMITTED;
                if (marked) {
                    listeners.tell(result.events());
                }
                committed.complete(marked);
            } catch (RuntimeException e) {
                LOG.warn(
                        "Cannot mark stage {} of episode {} running: {}",
                        claim.job().stage().label(),
                        claim.job().episodeId(),
                        Redaction.redact(e.getMessage()));
                committed.complete(false);
            }
        }

        /**
         * Whether the episode was found no longer on its way when the mark was made before the call
         * (with {@code runningAfter} zero).
         */
        boolean refused() {
            return after.isZero() && !committed.join();
        }

        /**
         * The call ended: a mark not made yet is not made; one being made is waited for.
         *
         * @return whether the stage was marked running (so its end need not record its start)
         */
        boolean stop() {
            if (state.compareAndSet(PENDING, STOPPED)) {
                committed.complete(false);
                ScheduledFuture<?> pending = scheduled;
                if (pending != null) {
                    pending.cancel(false);
                }
            }
            return committed.join(); // a mark being made is waited for
        }
    }
}
