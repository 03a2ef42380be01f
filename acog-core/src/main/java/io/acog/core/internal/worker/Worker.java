package io.acog.core.internal.worker;

import io.acog.core.internal.queue.JobStore;
import io.acog.core.internal.secret.Redaction;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import io.acog.core.job.JobCancelledException;
import io.acog.core.job.JobOutcome;
import io.acog.core.job.JobWorker;
import io.acog.core.job.PermanentJobFailureException;
import io.acog.spi.ProviderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The job runtime: claim loops hand claimed jobs to a pool of handler threads; recorders write
 * their outcomes in batches; a heartbeat extends the leases of jobs in hand; a LISTEN connection
 * wakes the claim loops on enqueue. Claims and records are database round trips: with several
 * handler threads, several of each are in flight, so the database is kept busy where one claimer
 * and one recorder would take turns waiting on it.
 */
final class Worker implements JobWorker {

    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);
    /**
     * How long a claimed job may wait in hand for a handler thread before it goes back to the
     * queue; a worker holds no more than it starts within milliseconds at its handlers' pace, so a
     * job that waits this long waits for handlers that stalled.
     */
    static final long HAND_BACK_AFTER_NANOS = 5_000_000_000L;

    private final JobStore store;
    private final WorkerSettings settings;
    private final ThreadPoolExecutor pool;
    private final Map<UUID, HeldJob> held = new ConcurrentHashMap<>();
    /** Held jobs whose handlers have not finished (not started, or running). */
    private final AtomicInteger unfinished = new AtomicInteger();

    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final Wakeup wakeup = new Wakeup();
    private final Capacity capacity;
    private final AtomicInteger threadNumber = new AtomicInteger();
    private volatile boolean claiming = true;
    private volatile boolean recording = true;
    private volatile boolean stopped;
    private final List<Thread> claimers = new ArrayList<>();
    private final List<Thread> recorders = new ArrayList<>();
    private final Thread heartbeat;
    private final Thread listening;

    Worker(JobStore store, DataSource listenSource, WorkerSettings settings) {
        this.store = store;
        this.settings = settings;
        this.capacity = new Capacity(settings.threads(), settings.batchSize());
        this.pool = new ThreadPoolExecutor(
                settings.threads(),
                settings.threads(),
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                runnable -> thread("handler-" + threadNumber.incrementAndGet(), runnable));
        JobNotifications notifications = new JobNotifications(settings.name(), listenSource, wakeup, () -> claiming);
        int lanes = Math.max(1, Math.min(4, settings.threads() / 2));
        for (int lane = 0; lane < lanes; lane++) {
            claimers.add(thread(
                    "claimer-" + lane,
                    new ClaimLoop(
                            settings,
                            store,
                            capacity,
                            wakeup,
                            notifications,
                            () -> claiming,
                            unfinished::get,
                            () -> held.size() - unfinished.get(),
                            this::hand,
                            this::handBackWaiting,
                            lane == 0)));
            recorders.add(thread(
                    "recorder-" + lane,
                    new OutcomeRecorder(
                            settings.name(), store, outcomes, held, settings.listener(), wakeup, () -> recording)));
        }
        this.heartbeat =
                thread("heartbeat", new Heartbeats(settings.name(), store, settings.lease(), held, () -> recording));
        this.listening = thread("listen", notifications);
    }

    private Thread thread(String role, Runnable body) {
        Thread thread = new Thread(body, "acog-worker-" + settings.name() + "-" + role);
        thread.setDaemon(true);
        return thread;
    }

    Worker start() {
        claimers.forEach(Thread::start);
        recorders.forEach(Thread::start);
        heartbeat.start();
        if (settings.listen()) {
            listening.start();
        }
        LOG.info(
                "Job worker {} started: {} threads, batches of {}, lease {}, stages {}",
                settings.name(),
                settings.threads(),
                settings.batchSize(),
                settings.lease(),
                settings.handlers().keySet());
        return this;
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public boolean running() {
        return !stopped;
    }

    /** Takes a claimed job into hand and gives it to the handler threads. */
    private void hand(ClaimedJob claim) {
        HeldJob job = new HeldJob(claim);
        unfinished.incrementAndGet();
        held.put(claim.job().id(), job);
        try {
            settings.listener().claimed(claim);
        } catch (RuntimeException e) {
            LOG.warn("Job listener failed: {}", Redaction.redact(e.toString()));
        }
        pool.execute(() -> run(job));
    }

    private void run(HeldJob held) {
        if (!held.take()) {
            return; // handed back while it waited
        }
        Job job = held.claim().job();
        if (!claiming) {
            finished(new Outcome(held, Outcome.Kind.HAND_BACK, null, null));
            return;
        }
        MDC.put("job_id", job.id().toString());
        MDC.put("episode_id", job.episodeId().toString());
        MDC.put("stage", job.stage().label());
        capacity.begin(held);
        try {
            JobOutcome outcome = Objects.requireNonNull(
                    settings.handlers().get(job.stage()).handle(job, held), "the handler returned no JobOutcome");
            if (outcome instanceof JobOutcome.Recorded) {
                held.recorded();
            }
            finished(new Outcome(
                    held,
                    outcome instanceof JobOutcome.CheckAgain
                            ? Outcome.Kind.CHECK_AGAIN
                            : outcome instanceof JobOutcome.Recorded ? Outcome.Kind.RECORDED : Outcome.Kind.COMPLETE,
                    outcome,
                    null));
        } catch (JobCancelledException e) {
            finished(new Outcome(held, Outcome.Kind.CANCELLED, null, e));
        } catch (PermanentJobFailureException e) {
            finished(new Outcome(held, Outcome.Kind.FAIL_PERMANENTLY, null, e));
        } catch (ProviderException e) {
            finished(new Outcome(held, e.retryable() ? Outcome.Kind.FAIL : Outcome.Kind.FAIL_PERMANENTLY, null, e));
        } catch (Throwable e) {
            boolean interruptedByShutdown = !claiming
                    && (e instanceof InterruptedException
                            || Thread.currentThread().isInterrupted());
            finished(new Outcome(held, interruptedByShutdown ? Outcome.Kind.RELEASE : Outcome.Kind.FAIL, null, e));
        } finally {
            capacity.ran(held);
            Thread.interrupted();
            MDC.remove("job_id");
            MDC.remove("episode_id");
            MDC.remove("stage");
        }
    }

    /**
     * Hands back the jobs that have waited in hand for longer than {@link #HAND_BACK_AFTER_NANOS}
     * (every handler thread is stuck on a job far slower than the ones before), so that workers
     * with free threads can run them.
     */
    private void handBackWaiting() {
        long now = System.nanoTime();
        int handedBack = 0;
        for (HeldJob job : held.values()) {
            if (job.waiting() && now - job.claimedAt() > HAND_BACK_AFTER_NANOS && job.take()) {
                finished(new Outcome(job, Outcome.Kind.HAND_BACK, null, null));
                handedBack++;
            }
        }
        if (handedBack > 0) {
            LOG.info(
                    "Job worker {} handed back {} job(s) that waited {} s for a handler thread",
                    settings.name(),
                    handedBack,
                    HAND_BACK_AFTER_NANOS / 1_000_000_000);
        }
    }

    /**
     * A handler is done with its job: its outcome goes to the recorders, and a claimer waiting for
     * room is woken when this made some.
     */
    private void finished(Outcome outcome) {
        outcomes.add(outcome);
        if (capacity.opened(unfinished.decrementAndGet())) {
            wakeup.signal();
        }
    }

    @Override
    public boolean shutdown(Duration deadline) {
        synchronized (this) {
            if (stopped) {
                return true;
            }
            stopped = true;
        }
        claiming = false;
        wakeup.close();
        claimers.forEach(Worker::join);
        join(listening);
        pool.shutdown();
        boolean finished;
        try {
            finished = pool.awaitTermination(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                for (Runnable never : pool.shutdownNow()) {
                    never.run(); // not started: records a release, since claiming is off
                }
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        recording = false;
        recorders.forEach(Worker::join);
        heartbeat.interrupt();
        join(heartbeat);
        for (HeldJob left : new ArrayList<>(held.values())) {
            try {
                store.release(left.claim());
            } catch (RuntimeException e) {
                LOG.warn(
                        "Job {} could not be handed back ({}); its lease will run out",
                        left.claim().job().id(),
                        e.getMessage());
            }
            held.remove(left.claim().job().id());
        }
        LOG.info("Job worker {} stopped{}", settings.name(), finished ? "" : " (some handlers were interrupted)");
        return finished;
    }

    private static void join(Thread thread) {
        if (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
