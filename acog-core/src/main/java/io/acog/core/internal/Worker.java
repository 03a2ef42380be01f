package io.acog.core.internal;

import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import io.acog.core.job.JobCancelledException;
import io.acog.core.job.JobContext;
import io.acog.core.job.JobHandler;
import io.acog.core.job.JobListener;
import io.acog.core.job.JobOutcome;
import io.acog.core.job.JobTracker;
import io.acog.core.job.JobWorker;
import io.acog.core.job.LeaseLostException;
import io.acog.core.job.PermanentJobFailure;
import io.acog.spi.ProviderException;
import io.acog.jooq.generated.enums.PipelineStage;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The job runtime. Claimer threads claim batches and hand each job to the handler pool; recorder
 * threads write outcomes in batches (one UPDATE for all completions that piled up); a heartbeat
 * thread extends the leases of jobs in hand and learns of cancel requests; a listener thread holds
 * a LISTEN connection and wakes the claimers on enqueue. The first claimer also reclaims jobs
 * whose leases ran out. Claims and records are database round trips: several of each in flight
 * keep the database busy where one claimer and one recorder would take turns waiting on it. Database errors (a dropped connection) are retried with backoff; nothing
 * in hand is forgotten, and what cannot be recorded is recovered by lease expiry.
 */
final class Worker implements JobWorker {

    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);
    private static final long MIN_IDLE_WAIT_MILLIS = 5;
    private static final int RECORD_BATCH = 1000;
    /** Handlers faster than this on average count as fast: the worker then claims ahead. */
    private static final double SLOW_RUN_NANOS = 5_000_000;

    private final JobStore store;
    private final String name;
    private final int threads;
    private final int batchSize;
    private final Duration lease;
    private final long maxIdleWaitMillis;
    private final boolean listen;
    private final Map<PipelineStage, JobHandler> handlers;
    private final JobListener listener;
    private final DataSource listenSource;

    private final ThreadPoolExecutor pool;
    private final Map<UUID, Running> inHand = new ConcurrentHashMap<>();
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final Object signal = new Object();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private boolean signalled;
    private volatile boolean claiming = true;
    private volatile boolean recording = true;
    private volatile boolean stopped;
    private final List<Thread> claimers = new ArrayList<>();
    private final List<Thread> recorders = new ArrayList<>();
    private final int fastCapacity;
    private final int slowCapacity;
    private final AtomicInteger reserved = new AtomicInteger();
    /** How long handlers take, smoothed; taken for slow until seen otherwise. */
    private volatile double meanRunNanos = SLOW_RUN_NANOS;
    private final Thread heartbeater;
    private final Thread notifications;

    private Worker(Builder builder) {
        this.store = builder.store;
        this.name = builder.name;
        this.threads = builder.threads;
        this.batchSize = builder.batchSize;
        this.lease = builder.lease;
        this.maxIdleWaitMillis = builder.pollInterval.toMillis();
        this.listen = builder.listen;
        this.handlers = new EnumMap<>(builder.handlers);
        this.listener = builder.listener;
        this.listenSource = builder.listenSource;
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> thread("handler-" + threadNumber
                        .incrementAndGet(), runnable));
        int lanes = Math.max(1, Math.min(4, threads / 2));
        // Fast jobs: room for the batches being recorded, run and claimed meanwhile. Slow jobs:
        // hold little more than the threads can run, so that other workers get the rest.
        this.fastCapacity = threads + (lanes + 1) * batchSize;
        this.slowCapacity = 2 * threads;
        for (int lane = 0; lane < lanes; lane++) {
            boolean reclaims = lane == 0;
            claimers.add(thread("claimer-" + lane, () -> poll(reclaims)));
            recorders.add(thread("recorder-" + lane, this::record));
        }
        this.heartbeater = thread("heartbeat", this::heartbeat);
        this.notifications = thread("listen", this::listenForJobs);
    }

    private Thread thread(String role, Runnable body) {
        Thread thread = new Thread(body, "acog-worker-" + name + "-" + role);
        thread.setDaemon(true);
        return thread;
    }

    private Worker start() {
        claimers.forEach(Thread::start);
        recorders.forEach(Thread::start);
        heartbeater.start();
        if (listen) {
            notifications.start();
        }
        LOG.info("Job worker {} started: {} threads, batches of {}, lease {}, stages {}", name,
                threads, batchSize, lease, handlers.keySet());
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean running() {
        return !stopped;
    }

    // ---- claiming ------------------------------------------------------------------------------

    private void poll(boolean reclaims) {
        long idleWait = MIN_IDLE_WAIT_MILLIS;
        long nextReclaim = 0;
        Backoff backoff = new Backoff();
        while (claiming) {
            int want = 0;
            try {
                if (reclaims && System.nanoTime() - nextReclaim > 0) {
                    reclaim();
                    nextReclaim = System.nanoTime() + lease.toNanos() / 2;
                }
                want = reserve();
                if (want == 0) {
                    await(idleWait); // recorded outcomes free room and signal
                    continue;
                }
                List<ClaimedJob> claimed = store.claim(name, want, lease, handlers.keySet());
                backoff.reset();
                for (ClaimedJob job : claimed) {
                    Running running = new Running(job);
                    inHand.put(job.job().id(), running);
                    notify(() -> listener.claimed(job));
                    pool.execute(() -> run(running));
                }
                reserved.addAndGet(-want);
                want = 0;
                if (claimed.isEmpty()) {
                    await(idleWait);
                    idleWait = Math.min(maxIdleWaitMillis, idleWait * 2);
                } else {
                    idleWait = MIN_IDLE_WAIT_MILLIS;
                }
            } catch (RuntimeException e) {
                reserved.addAndGet(-want);
                LOG.warn("Job worker {} cannot claim: {}; retrying", name, e.getMessage());
                backoff.pause();
            }
        }
    }

    /**
     * Reserves room for a claim: a batch when at least half the room is free (a full batch when
     * there is room for one), or whatever is free when nothing is in hand; else 0.
     */
    private int reserve() {
        while (true) {
            int capacity = meanRunNanos < SLOW_RUN_NANOS ? fastCapacity : slowCapacity;
            int taken = reserved.get();
            int free = capacity - inHand.size() - taken;
            int want = free >= Math.min(batchSize, Math.max(1, capacity / 2))
                    ? Math.min(free, batchSize)
                    : inHand.isEmpty() && taken == 0 ? Math.max(0, free) : 0;
            if (want == 0 || reserved.compareAndSet(taken, taken + want)) {
                return want;
            }
        }
    }

    private void reclaim() {
        List<JobStore.Reclaimed> reclaimed = store.reclaim();
        if (!reclaimed.isEmpty()) {
            LOG.warn("Job worker {} reclaimed {} job(s) whose workers' leases ran out: {}", name,
                    reclaimed.size(), reclaimed.stream().map(JobStore.Reclaimed::worker)
                            .distinct().toList());
        }
        for (JobStore.Reclaimed job : reclaimed) {
            notify(() -> listener.leaseExpired(job.id(), job.worker()));
        }
    }

    private void await(long millis) {
        synchronized (signal) {
            if (!signalled) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    claiming = false;
                }
            }
            signalled = false;
        }
    }

    private void wake() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    // ---- running -------------------------------------------------------------------------------

    /** A job in hand, and the context its handler sees. */
    private final class Running implements JobContext {
        private volatile ClaimedJob claim;
        private volatile boolean cancelRequested;
        private volatile boolean leaseLost;
        private volatile boolean started;
        /** The handler ended the job itself ({@link JobOutcome.Recorded}): no lease to keep. */
        private volatile boolean recorded;
        /** Heartbeats in a row that did not find the job held (only the heartbeat thread). */
        private int missedHeartbeat;
        private volatile Thread thread;
        private final long claimedAt = System.nanoTime();

        Running(ClaimedJob claim) {
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
    }

    private void run(Running running) {
        Job job = running.claim.job();
        if (!claiming) {
            outcomes.add(new Outcome(running, Kind.RELEASE, null, null));
            return;
        }
        running.started = true;
        running.thread = Thread.currentThread();
        MDC.put("job_id", job.id().toString());
        MDC.put("episode_id", job.episodeId().toString());
        MDC.put("stage", job.stage().getLiteral());
        long start = System.nanoTime();
        try {
            JobOutcome outcome = handlers.get(job.stage()).handle(job, running);
            Objects.requireNonNull(outcome, "the handler returned no JobOutcome");
            running.recorded = outcome instanceof JobOutcome.Recorded;
            outcomes.add(new Outcome(running, outcome instanceof JobOutcome.CheckAgain
                    ? Kind.CHECK_AGAIN
                    : outcome instanceof JobOutcome.Recorded ? Kind.RECORDED : Kind.COMPLETE,
                    outcome, null));
        } catch (JobCancelledException e) {
            outcomes.add(new Outcome(running, Kind.CANCELLED, null, e));
        } catch (PermanentJobFailure e) {
            outcomes.add(new Outcome(running, Kind.FAIL_PERMANENTLY, null, e));
        } catch (ProviderException e) {
            outcomes.add(new Outcome(running, e.retryable() ? Kind.FAIL : Kind.FAIL_PERMANENTLY,
                    null, e));
        } catch (Throwable e) {
            boolean interruptedByShutdown = !claiming && (e instanceof InterruptedException
                    || Thread.currentThread().isInterrupted());
            outcomes.add(new Outcome(running, interruptedByShutdown ? Kind.RELEASE : Kind.FAIL,
                    null, e));
        } finally {
            // racy on purpose: a smoothed estimate needs no lock
            meanRunNanos = 0.9 * meanRunNanos + 0.1 * (System.nanoTime() - start);
            running.thread = null;
            Thread.interrupted();
            MDC.remove("job_id");
            MDC.remove("episode_id");
            MDC.remove("stage");
        }
    }

    // ---- recording outcomes --------------------------------------------------------------------

    private enum Kind { COMPLETE, CHECK_AGAIN, RECORDED, FAIL, FAIL_PERMANENTLY, CANCELLED, RELEASE }

    private record Outcome(Running running, Kind kind, JobOutcome outcome, Throwable error) {}

    private void record() {
        List<Outcome> batch = new ArrayList<>();
        Backoff backoff = new Backoff();
        while (recording || !outcomes.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Outcome first = outcomes.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    outcomes.drainTo(batch, RECORD_BATCH - 1);
                }
                write(batch);
                batch.clear();
                backoff.reset();
                wake();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The batch stays and is written again: leases are still extended meanwhile.
                LOG.warn("Job worker {} cannot record {} outcome(s): {}; retrying", name,
                        batch.size(), e.getMessage());
                backoff.pause();
            }
        }
    }

    private void write(List<Outcome> batch) {
        List<JobTracker.Completion> completions = new ArrayList<>();
        List<Outcome> completed = new ArrayList<>();
        List<Outcome> others = new ArrayList<>();
        for (Outcome outcome : batch) {
            if (outcome.kind() == Kind.COMPLETE) {
                completions.add(new JobTracker.Completion(outcome.running().claim,
                        ((JobOutcome.Completed) outcome.outcome()).completion()));
                completed.add(outcome);
            } else {
                others.add(outcome);
            }
        }
        Set<UUID> lost = store.completeAll(completions);
        for (Outcome outcome : completed) {
            ClaimedJob claim = outcome.running().claim;
            done(outcome);
            if (lost.contains(claim.job().id())) {
                notify(() -> listener.leaseLost(claim));
            } else {
                Duration took = Duration.ofNanos(System.nanoTime() - outcome.running().claimedAt);
                notify(() -> listener.completed(claim.job(), took));
            }
        }
        for (Outcome outcome : others) {
            writeOne(outcome);
            done(outcome);
        }
    }

    private void writeOne(Outcome outcome) {
        ClaimedJob claim = outcome.running().claim;
        try {
            switch (outcome.kind()) {
                case CHECK_AGAIN -> {
                    JobOutcome.CheckAgain again = (JobOutcome.CheckAgain) outcome.outcome();
                    Job job = store.reschedule(claim, again.delay(), again.progress());
                    notify(() -> listener.rescheduled(job));
                }
                case FAIL, FAIL_PERMANENTLY -> {
                    Duration notBefore = outcome.error() instanceof ProviderException p
                            ? p.retryAfter().orElse(Duration.ZERO) : Duration.ZERO;
                    Job job = store.fail(claim, describe(outcome.error()),
                            outcome.kind() == Kind.FAIL, notBefore);
                    if (job.status() == io.acog.jooq.generated.enums.JobStatus.QUEUED) {
                        notify(() -> listener.retried(job, outcome.error()));
                    } else {
                        LOG.warn("Job {} ({}) failed for good: {}", job.id(),
                                job.stage().getLiteral(), job.errorMessage());
                        notify(() -> listener.failed(job, outcome.error()));
                    }
                }
                case CANCELLED -> {
                    Job job = store.cancelled(claim);
                    notify(() -> listener.cancelled(job));
                }
                case RELEASE -> store.release(claim);
                case RECORDED -> { } // the handler wrote the job's end with its outputs
                case COMPLETE -> throw new IllegalStateException("completions go in batches");
            }
        } catch (LeaseLostException e) {
            notify(() -> listener.leaseLost(claim));
        }
    }

    private void done(Outcome outcome) {
        inHand.remove(outcome.running().claim.job().id());
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getName()
                : error instanceof PermanentJobFailure || error instanceof ProviderException
                        ? message
                : error.getClass().getSimpleName() + ": " + message;
    }

    // ---- leases and cancel requests ------------------------------------------------------------

    private void heartbeat() {
        long period = Math.max(200, lease.toMillis() / 3);
        while (recording) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            List<Running> held = new ArrayList<>(inHand.values());
            held.removeIf(running -> running.recorded);
            if (held.isEmpty()) {
                continue;
            }
            try {
                Map<UUID, Job> alive = new java.util.HashMap<>();
                for (Job job : store.heartbeat(held.stream().map(r -> r.claim).toList(), lease)) {
                    alive.put(job.id(), job);
                }
                for (Running running : held) {
                    Job job = alive.get(running.claim.job().id());
                    if (job == null) {
                        // A handler that ends its job itself (JobOutcome.Recorded) has committed
                        // before it returns: a job missing once may be just that. Missing on two
                        // heartbeats in a row, with its handler still on it, the lease is lost.
                        if (inHand.containsKey(running.claim.job().id()) && !running.leaseLost
                                && !running.recorded && running.missedHeartbeat++ > 0) {
                            running.leaseLost = true;
                            LOG.warn("Job worker {} lost the lease of job {}", name,
                                    running.claim.job().id());
                        }
                    } else {
                        running.missedHeartbeat = 0;
                        running.claim = running.claim.withLeaseUntil(job.lockedUntil());
                        running.cancelRequested = job.cancelRequested();
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("Job worker {} cannot extend its leases: {}", name, e.getMessage());
            }
        }
    }

    // ---- notifications -------------------------------------------------------------------------

    private void listenForJobs() {
        Backoff backoff = new Backoff();
        while (claiming) {
            try (Connection connection = listenSource.getConnection();
                    Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("LISTEN " + JobStore.CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                backoff.reset();
                wake(); // jobs enqueued while not listening
                while (claiming) {
                    PGNotification[] received = pg.getNotifications(250);
                    if (received != null && received.length > 0) {
                        wake();
                    }
                }
            } catch (Exception e) {
                if (claiming) {
                    LOG.warn("Job worker {} lost its LISTEN connection: {}; polling meanwhile",
                            name, e.getMessage());
                    backoff.pause();
                }
            }
        }
    }

    // ---- shutdown ------------------------------------------------------------------------------

    @Override
    public boolean shutdown(Duration deadline) {
        synchronized (this) {
            if (stopped) {
                return true;
            }
            stopped = true;
        }
        claiming = false;
        wake();
        claimers.forEach(Worker::join);
        join(notifications);
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
        heartbeater.interrupt();
        join(heartbeater);
        for (Running left : new ArrayList<>(inHand.values())) {
            try {
                store.release(left.claim);
            } catch (RuntimeException e) {
                LOG.warn("Job {} could not be handed back ({}); its lease will run out",
                        left.claim.job().id(), e.getMessage());
            }
            inHand.remove(left.claim.job().id());
        }
        LOG.info("Job worker {} stopped{}", name, finished ? "" : " (some handlers were interrupted)");
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

    private void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("Job listener failed: {}", e.toString());
        }
    }

    /** Waits after errors: 50 ms, doubling up to 2 s. */
    private final class Backoff {
        private long millis = 50;

        void pause() {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                claiming = false;
            }
            millis = Math.min(2000, millis * 2);
        }

        void reset() {
            millis = 50;
        }
    }

    // ---- building ------------------------------------------------------------------------------

    static final class Builder implements JobWorker.Builder {
        private final JobStore store;
        private final String name;
        private final DataSource listenSource;
        private int threads = 4;
        private int batchSize = 100;
        private Duration lease = Duration.ofSeconds(30);
        private Duration pollInterval = Duration.ofSeconds(1);
        private boolean listen = true;
        private final Map<PipelineStage, JobHandler> handlers = new EnumMap<>(PipelineStage.class);
        private JobListener listener = new JobListener() {};

        Builder(JobStore store, String name, DataSource listenSource) {
            this.store = store;
            this.name = name;
            this.listenSource = listenSource;
        }

        @Override
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 1000) {
                throw new IllegalArgumentException("batchSize must lie between 1 and 1000, got "
                        + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        @Override
        public Builder lease(Duration lease) {
            if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("lease must be at least 1 second, got " + lease);
            }
            this.lease = lease;
            return this;
        }

        @Override
        public Builder pollInterval(Duration pollInterval) {
            if (pollInterval.toMillis() < MIN_IDLE_WAIT_MILLIS) {
                throw new IllegalArgumentException("pollInterval must be at least "
                        + MIN_IDLE_WAIT_MILLIS + " ms, got " + pollInterval);
            }
            this.pollInterval = pollInterval;
            return this;
        }

        @Override
        public Builder listen(boolean listen) {
            this.listen = listen;
            return this;
        }

        @Override
        public Builder handler(PipelineStage stage, JobHandler handler) {
            handlers.put(Objects.requireNonNull(stage, "stage"),
                    Objects.requireNonNull(handler, "handler"));
            return this;
        }

        @Override
        public Builder listener(JobListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        @Override
        public JobWorker start() {
            if (handlers.isEmpty()) {
                throw new IllegalStateException("worker " + name + " has no handler; add one per"
                        + " stage it should run");
            }
            return new Worker(this).start();
        }
    }
}
