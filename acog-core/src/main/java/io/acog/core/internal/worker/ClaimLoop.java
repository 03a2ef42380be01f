package io.acog.core.internal.worker;

import io.acog.core.internal.queue.JobStore;
import io.acog.core.internal.secret.Redaction;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.JobListener;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims jobs for a worker while it has room ({@link Capacity}) and hands each to its handlers.
 * Idle, it waits for a wake-up: a notification of new jobs, or room freed by a finished job or a
 * written outcome. With notifications
 * live it waits until the next queued job comes due, at most the poll interval; without, it polls
 * soon and backs off towards the poll interval. One of a worker's claim loops also reclaims jobs whose leases ran out, every half
 * lease (then runs the handlers' owner's housekeeping), and hands back the jobs that waited in hand too long for a handler thread.
 */
final class ClaimLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimLoop.class);

    private final WorkerSettings settings;
    private final JobStore store;
    private final Capacity capacity;
    private final Wakeup wakeup;
    private final JobNotifications notifications;
    private final BooleanSupplier claiming;
    private final IntSupplier unfinished;
    private final IntSupplier unwritten;
    private final Consumer<ClaimedJob> hand;
    private final Runnable handBack;
    private final boolean reclaims;

    ClaimLoop(
            WorkerSettings settings,
            JobStore store,
            Capacity capacity,
            Wakeup wakeup,
            JobNotifications notifications,
            BooleanSupplier claiming,
            IntSupplier unfinished,
            IntSupplier unwritten,
            Consumer<ClaimedJob> hand,
            Runnable handBack,
            boolean reclaims) {
        this.settings = settings;
        this.store = store;
        this.capacity = capacity;
        this.wakeup = wakeup;
        this.notifications = notifications;
        this.claiming = claiming;
        this.unfinished = unfinished;
        this.unwritten = unwritten;
        this.hand = hand;
        this.handBack = handBack;
        this.reclaims = reclaims;
    }

    @Override
    public void run() {
        long maxIdleWait = settings.pollInterval().toMillis();
        long idleWait = WorkerBuilder.MIN_IDLE_WAIT_MILLIS;
        long nextReclaim = System.nanoTime();
        Backoff backoff = new Backoff();
        while (claiming.getAsBoolean()) {
            int reservation = 0;
            try {
                if (reclaims) {
                    handBack.run();
                }
                if (reclaims && System.nanoTime() - nextReclaim >= 0) {
                    reclaim();
                    nextReclaim = System.nanoTime() + settings.lease().toNanos() / 2;
                }
                reservation = capacity.reserve(unfinished.getAsInt(), unwritten.getAsInt());
                if (reservation == 0) {
                    wakeup.await(maxIdleWait); // finished jobs and written outcomes free room and wake us
                    continue;
                }
                List<ClaimedJob> claimed = store.claim(
                        settings.name(),
                        reservation,
                        settings.lease(),
                        settings.handlers().keySet());
                backoff.reset();
                if (!claimed.isEmpty()) {
                    prepare(claimed);
                }
                claimed.forEach(hand);
                capacity.release(reservation);
                reservation = 0;
                if (claimed.isEmpty()) {
                    wakeup.await(notifications.listening() ? untilNextDue(maxIdleWait) : idleWait);
                    idleWait = Math.min(maxIdleWait, idleWait * 2);
                } else {
                    idleWait = WorkerBuilder.MIN_IDLE_WAIT_MILLIS;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                capacity.release(reservation);
                return;
            } catch (RuntimeException e) {
                capacity.release(reservation);
                LOG.warn("Job worker {} cannot claim: {}; retrying", settings.name(), Redaction.redact(e.getMessage()));
                if (!backoff.pause()) {
                    return;
                }
            }
        }
    }

    /**
     * With notifications live, a new job wakes the loop: it sleeps until the next queued job comes
     * due, or the poll interval, whichever is sooner.
     */
    private long untilNextDue(long maxIdleWait) {
        return store.untilNextDue(settings.handlers().keySet())
                .map(due -> Math.max(WorkerBuilder.MIN_IDLE_WAIT_MILLIS, Math.min(maxIdleWait, due.toMillis() + 1)))
                .orElse(maxIdleWait);
    }

    /** Lets the handlers' owner read what the batch needs, in one go; its failure costs nothing. */
    private void prepare(List<ClaimedJob> claimed) {
        try {
            settings.onClaimed().accept(claimed);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Job worker {} could not prepare a claimed batch: {}",
                    settings.name(),
                    Redaction.redact(e.toString()));
        }
    }

    private void reclaim() {
        List<JobStore.Reclaimed> reclaimed = store.reclaim();
        if (!reclaimed.isEmpty()) {
            LOG.warn(
                    "Job worker {} reclaimed {} job(s) whose workers' leases ran out: {}",
                    settings.name(),
                    reclaimed.size(),
                    reclaimed.stream()
                            .map(JobStore.Reclaimed::worker)
                            .distinct()
                            .toList());
        }
        JobListener listener = settings.listener();
        for (JobStore.Reclaimed job : reclaimed) {
            try {
                listener.leaseExpired(job.id(), job.worker());
            } catch (RuntimeException e) {
                LOG.warn("Job listener failed: {}", Redaction.redact(e.toString()));
            }
        }
        try {
            settings.housekeeping().run();
        } catch (RuntimeException e) {
            LOG.warn("Job worker {} housekeeping failed: {}", settings.name(), Redaction.redact(e.toString()));
        }
    }
}
