package io.acog.core.internal.worker;

import io.acog.core.internal.queue.JobStore;
import io.acog.core.internal.secret.Redaction;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import io.acog.core.job.JobListener;
import io.acog.core.job.JobOutcome;
import io.acog.core.job.JobStatus;
import io.acog.core.job.JobTracker;
import io.acog.core.job.LeaseLostException;
import io.acog.spi.ProviderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the outcomes of a worker's runs in batches: all completions that piled up in one
 * statement, the rest one by one. A batch that cannot be written (a dropped connection) is written
 * again after a backoff; leases are extended meanwhile, and what is never written is recovered by
 * lease expiry. Each written outcome frees room and wakes the claimers.
 */
final class OutcomeRecorder implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);
    private static final int BATCH = 1000;

    private final String worker;
    private final JobStore store;
    private final BlockingQueue<Outcome> outcomes;
    private final Map<UUID, HeldJob> held;
    private final JobListener listener;
    private final Wakeup wakeup;
    private final BooleanSupplier recording;

    OutcomeRecorder(
            String worker,
            JobStore store,
            BlockingQueue<Outcome> outcomes,
            Map<UUID, HeldJob> held,
            JobListener listener,
            Wakeup wakeup,
            BooleanSupplier recording) {
        this.worker = worker;
        this.store = store;
        this.outcomes = outcomes;
        this.held = held;
        this.listener = listener;
        this.wakeup = wakeup;
        this.recording = recording;
    }

    @Override
    public void run() {
        List<Outcome> batch = new ArrayList<>();
        Backoff backoff = new Backoff();
        while (recording.getAsBoolean() || !outcomes.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Outcome first = outcomes.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    outcomes.drainTo(batch, BATCH - 1);
                }
                write(batch);
                batch.clear();
                backoff.reset();
                wakeup.signal();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn(
                        "Job worker {} cannot record {} outcome(s): {}; retrying",
                        worker,
                        batch.size(),
                        Redaction.redact(e.getMessage()));
                if (!backoff.pause()) {
                    return;
                }
            }
        }
    }

    private void write(List<Outcome> batch) {
        List<JobTracker.Completion> completions = new ArrayList<>();
        List<Outcome> completed = new ArrayList<>();
        List<Outcome> others = new ArrayList<>();
        for (Outcome outcome : batch) {
            if (outcome.kind() == Outcome.Kind.COMPLETE) {
                completions.add(new JobTracker.Completion(
                        outcome.job().claim(), ((JobOutcome.Completed) outcome.outcome()).completion()));
                completed.add(outcome);
            } else {
                others.add(outcome);
            }
        }
        Set<UUID> lost = store.completeAll(completions);
        for (Outcome outcome : completed) {
            ClaimedJob claim = outcome.job().claim();
            done(outcome);
            if (lost.contains(claim.job().id())) {
                tell(() -> listener.leaseLost(claim));
            } else {
                Duration took =
                        Duration.ofNanos(System.nanoTime() - outcome.job().claimedAt());
                tell(() -> listener.completed(claim.job(), took));
            }
        }
        for (Outcome outcome : others) {
            writeOne(outcome);
            done(outcome);
        }
    }

    private void writeOne(Outcome outcome) {
        ClaimedJob claim = outcome.job().claim();
        try {
            switch (outcome.kind()) {
                case CHECK_AGAIN -> {
                    JobOutcome.CheckAgain again = (JobOutcome.CheckAgain) outcome.outcome();
                    Job job = store.reschedule(claim, again.delay(), again.progress());
                    tell(() -> listener.rescheduled(job));
                }
                case FAIL, FAIL_PERMANENTLY -> {
                    Duration notBefore = outcome.error() instanceof ProviderException provider
                            ? provider.retryAfter().orElse(Duration.ZERO)
                            : Duration.ZERO;
                    Job job = store.fail(
                            claim, describe(outcome.error()), outcome.kind() == Outcome.Kind.FAIL, notBefore);
                    if (job.status() == JobStatus.QUEUED) {
                        tell(() -> listener.retried(job, outcome.error()));
                    } else {
                        LOG.warn(
                                "Job {} ({}) failed for good: {}",
                                job.id(),
                                job.stage().label(),
                                job.errorMessage());
                        tell(() -> listener.failed(job, outcome.error()));
                    }
                }
                case CANCELLED -> {
                    Job job = store.cancelled(claim);
                    tell(() -> listener.cancelled(job));
                }
                case RELEASE -> store.release(claim);
                case HAND_BACK -> store.handBack(claim);
                case RECORDED -> { // the handler wrote the job's end with its outputs
                    Job job = ((JobOutcome.Recorded) outcome.outcome()).job();
                    if (job != null) {
                        tellRecorded(outcome.job(), job);
                    }
                }
                case COMPLETE -> throw new IllegalStateException("completions go in batches");
            }
        } catch (LeaseLostException e) {
            tell(() -> listener.leaseLost(claim));
        }
    }

    /**
     * Tells the listener the end a handler wrote itself, as if this recorder had written it: by
     * the job's status, and, queued again, by whether a retry was counted (a failure) or not (a
     * check later).
     */
    private void tellRecorded(HeldJob held, Job job) {
        switch (job.status()) {
            case COMPLETED -> {
                Duration took = Duration.ofNanos(System.nanoTime() - held.claimedAt());
                tell(() -> listener.completed(job, took));
            }
            case FAILED -> tell(() -> listener.failed(job, new RecordedFailure(job.errorMessage())));
            case CANCELLED -> tell(() -> listener.cancelled(job));
            case QUEUED -> {
                if (job.retryCount() > held.claim().job().retryCount()) {
                    tell(() -> listener.retried(job, new RecordedFailure(job.errorMessage())));
                } else {
                    tell(() -> listener.rescheduled(job));
                }
            }
            case RUNNING -> {} // not an end: nothing to tell
        }
    }

    private void done(Outcome outcome) {
        held.remove(outcome.job().claim().job().id());
    }

    private static String describe(Throwable error) {
        return Redaction.recordable(Redaction.describe(error));
    }

    private void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("Job listener failed: {}", Redaction.redact(e.toString()));
        }
    }
}
