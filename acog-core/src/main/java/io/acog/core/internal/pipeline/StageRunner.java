package io.acog.core.internal.pipeline;

import io.acog.core.BudgetExceededException;
import io.acog.core.ValidationException;
import io.acog.core.asset.NewAsset;
import io.acog.core.episode.EpisodeLifecycle;
import io.acog.core.episode.PipelineStage;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.limits.ProviderLimiter;
import io.acog.core.internal.pipeline.commit.CommitLane;
import io.acog.core.internal.pipeline.commit.Committed;
import io.acog.core.internal.pipeline.commit.StageCommit;
import io.acog.core.internal.pipeline.stage.ProviderCallContext;
import io.acog.core.internal.pipeline.stage.RenderStage;
import io.acog.core.internal.pipeline.stage.Stage;
import io.acog.core.internal.pipeline.stage.StageFailedException;
import io.acog.core.internal.pipeline.stage.StageResult;
import io.acog.core.internal.pipeline.stage.StageWork;
import io.acog.core.internal.pipeline.stage.Stages;
import io.acog.core.internal.pipeline.state.JobInputs;
import io.acog.core.internal.pipeline.state.PipelineEvent;
import io.acog.core.internal.pipeline.state.StageGraph;
import io.acog.core.internal.pipeline.state.StageMachine;
import io.acog.core.internal.queue.JobStore;
import io.acog.core.internal.secret.Redaction;
import io.acog.core.internal.store.AssetStore;
import io.acog.core.job.Job;
import io.acog.core.job.JobContext;
import io.acog.core.job.JobOutcome;
import io.acog.core.job.JobStatus;
import io.acog.core.job.LeaseLostException;
import io.acog.core.pipeline.ProviderCall;
import io.acog.spi.AssetStorage;
import io.acog.spi.Provider;
import io.acog.spi.ProviderException;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler of every stage's jobs: loads the episode and its channel, calls the stage's provider
 * outside any transaction, and hands the outcome to the commit lane (outputs) or records the end
 * of the job (a failure, a render to wait for, a cancelled episode). A render's later runs poll
 * its provider until it is done.
 */
final class StageRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);
    /** How long a call that came too early (over a concurrency limit) waits when not told. */
    static final Duration TOO_EARLY = Duration.ofSeconds(15);

    /** The checkpoint's key in the job's input. */
    static final String CHECKPOINT = "checkpoint";

    /** How often a stage's progress is told at most. */
    private static final long PROGRESS_EVERY_NANOS = 250_000_000L;

    /** How often an automatic script review may send a script back before the stage fails. */
    static final int MAX_REVISIONS = 2;

    private final Db db;
    private final JobStore jobs;
    private final StageEpisodes episodes;
    private final Stages stages;
    private final AssetStorage storage;
    private final ChannelCache channels;
    private final Spending spending;
    private final CommitLane<StageCommit, Committed> lane;
    private final RunningMarks marks;
    private final ProviderLimiter limiter;
    private final JobEnds ends;
    private final ListenerBus listeners;

    StageRunner(
            Db db,
            JobStore jobs,
            Stages stages,
            AssetStorage storage,
            ChannelCache channels,
            Spending spending,
            CommitLane<StageCommit, Committed> lane,
            RunningMarks marks,
            ProviderLimiter limiter,
            JobEnds ends,
            ListenerBus listeners) {
        this.db = db;
        this.jobs = jobs;
        this.episodes = new StageEpisodes(db);
        this.stages = stages;
        this.storage = storage;
        this.channels = channels;
        this.spending = spending;
        this.lane = lane;
        this.marks = marks;
        this.limiter = limiter;
        this.ends = ends;
        this.listeners = listeners;
    }

    /** A worker's own read-ahead of the episodes its claimed batches run on. */
    Prefetch prefetch() {
        return new Prefetch(episodes, stages);
    }

    /**
     * Runs the job. Whatever goes wrong, the job's end is recorded with its episode's state: a
     * failure ACOG did not foresee (a result that cannot be stored, a database error) fails the
     * run like a provider's failure would, so its episode never stays on a stage nobody runs.
     */
    JobOutcome handle(Job job, JobContext context, Prefetch prefetch) {
        try {
            return run(job, context, prefetch);
        } catch (LeaseLostException | StageInterrupted e) {
            throw e;
        } catch (RuntimeException e) {
            return unforeseen(job, context, e, "Stage " + job.stage().label() + " failed unexpectedly", "", null);
        }
    }

    /**
     * A worker that shuts down interrupts the handlers still running at its deadline and hands
     * their jobs back to the queue, unfinished and without counting a retry. A provider call so
     * interrupted fails (as it should: the adapters keep the interrupt and throw); that failure is
     * the shutdown's, not the provider's, so it is not recorded as the stage's: the run ends with
     * {@link StageInterrupted}, and the worker, seeing its thread interrupted while it no longer
     * claims, releases the job, as if it had stopped before the call.
     */
    private static void handBackIfInterrupted(Job job, RuntimeException failure) {
        if (Thread.currentThread().isInterrupted()) {
            throw new StageInterrupted(job, failure);
        }
    }

    /** A run cut short by its worker's shutdown: nothing of it is recorded, the worker releases the job. */
    static final class StageInterrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StageInterrupted(Job job, RuntimeException cause) {
            super(
                    "Stage " + job.stage().label() + " of episode " + job.episodeId()
                            + " was interrupted by its worker's shutdown: " + Redaction.describe(cause),
                    Redaction.redact(cause));
        }
    }

    /**
     * A provider's failure: retried (after its retry-after, if it gave one) when it says it may
     * be.
     *
     * @param begun when this run began, if its start is not recorded yet; else null
     */
    private JobOutcome providerFailed(Job job, JobContext context, ProviderException e, OffsetDateTime begun) {
        handBackIfInterrupted(job, e);
        if (!e.attemptSpent()) {
            Duration wait = e.retryAt()
                    .map(at -> Duration.between(db.now().toInstant(), at))
                    .or(e::retryAfter)
                    .orElse(TOO_EARLY);
            return ends.tooEarly(job, context, Redaction.describe(e), wait, begun);
        }
        return ends.failed(
                job,
                context,
                Redaction.describe(e),
                e.retryable(),
                e.retryAfter().orElse(null),
                false,
                begun);
    }

    /**
     * A failure ACOG did not foresee: logged with its stack trace (redacted), and recorded as the
     * run's failure, retryable unless what the run produced is invalid (running it again would
     * produce it again, and pay for it again).
     *
     * @param what what failed, for the log
     * @param prefix what the stored error begins with
     * @param begun when this run began, if its start is not recorded yet; else null
     */
    private JobOutcome unforeseen(
            Job job, JobContext context, RuntimeException e, String what, String prefix, OffsetDateTime begun) {
        handBackIfInterrupted(job, e);
        LOG.warn("{} (episode {})", what, job.episodeId(), Redaction.redact(e));
        return ends.failed(
                job, context, prefix + Redaction.describe(e), !(e instanceof ValidationException), null, false, begun);
    }

    private JobOutcome run(Job job, JobContext context, Prefetch prefetch) {
        StageEpisodes.Loaded prefetched = prefetch.take(context.claim());
        JobInputs.RenderTask task =
                StageGraph.RENDERS.contains(job.stage()) ? job.input(JobInputs.RenderTask.class) : null;
        if (context.cancelRequested()) {
            return ends.cancelled(context, task);
        }
        if (task != null && task.taskId() != null) {
            return poll(job, context, null, task.taskId(), task.provider(), null);
        }
        OffsetDateTime begun = db.now();
        StageWork work = load(job, context, prefetched);
        if (work == null || !EpisodeLifecycle.isActive(work.episode().status())) {
            return ends.cancelled(context, null);
        }
        RunningMarks.Mark mark = marks.begin(context.claim(), begun);
        if (mark.refused()) {
            return ends.cancelled(context, null);
        }
        StageResult result;
        try {
            BudgetExceededException overBudget = spending.refusal(
                            work.channel().id(), work.channel().platformConfig().monthlyBudgetUsd())
                    .orElse(null);
            if (overBudget != null) {
                return ends.failed(job, context, overBudget.getMessage(), false, null, false, unmarked(mark, begun));
            }
            long called = System.nanoTime();
            String answer = "the call failed";
            try {
                Stage stage = stages.get(job.stage());
                // the provider's limits, held across the fleet; a call over one waits, unspent
                Provider provider = stage.provider(work);
                try (ProviderLimiter.Permit permit = limiter.acquire(provider, context.claim())) {
                    result = timed(
                            job,
                            provider == null ? null : provider.name(),
                            ProviderCall.Kind.CALL,
                            () -> stage.run(work));
                }
                answer = result instanceof StageResult.Submitted submitted
                        ? submitted.provider() + " took render "
                                + submitted.task().taskId()
                        : ((StageResult.Output) result).details().provider() + " answered";
            } finally {
                LOG.debug(
                        "Stage {} of episode {}, attempt {}: {} in {} ms",
                        job.stage().label(),
                        job.episodeId(),
                        Math.max(1, job.attempts()),
                        answer,
                        (System.nanoTime() - called) / 1_000_000);
            }
        } catch (ProviderException e) {
            return providerFailed(job, context, e, unmarked(mark, begun));
        } catch (StageFailedException e) {
            return ends.failed(job, context, Redaction.describe(e), e.retryable(), null, false, unmarked(mark, begun));
        } catch (RuntimeException e) {
            return unforeseen(
                    job,
                    context,
                    e,
                    "Stage " + job.stage().label() + " failed unexpectedly",
                    "",
                    unmarked(mark, begun));
        } finally {
            mark.stop(); // idempotent: after an Error too, no mark is made once the call is over
        }
        OffsetDateTime unrecorded = unmarked(mark, begun);
        if (result instanceof StageResult.Submitted submitted) {
            if (submitted.task().checkAfter().isZero()) {
                // a provider that may be done already: ask at once rather than queue a check
                return poll(job, context, work, submitted.task().taskId(), submitted.provider(), unrecorded);
            }
            return ends.submitted(job, context, submitted, unrecorded);
        }
        StageResult.Output output = (StageResult.Output) result;
        if (output.sendsBack()
                && StageMachine.revisions(work.episode()
                                .pipelineState()
                                .stage(PipelineStage.SCRIPT_REVIEW)
                                .orElse(null))
                        >= MAX_REVISIONS) {
            return ends.failed(
                    job,
                    context,
                    "the script was not approved after " + MAX_REVISIONS + " revisions: "
                            + String.join("; ", output.review().notes()),
                    false,
                    null,
                    false,
                    unrecorded);
        }
        return commit(job, context, output, unrecorded);
    }

    /** Makes a provider's call and tells listeners how it went ({@code provider} null: tells nothing). */
    private <T> T timed(Job job, String provider, ProviderCall.Kind kind, Supplier<T> call) {
        if (provider == null) {
            return call.get();
        }
        long started = System.nanoTime();
        Throwable failure = null;
        try {
            return call.get();
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            listeners.tell(List.of(new PipelineEvent.ProviderCalled(new ProviderCall(
                    job.episodeId(),
                    job.stage(),
                    provider,
                    kind,
                    Duration.ofNanos(System.nanoTime() - started),
                    ProviderCall.outcomeOf(failure)))));
        }
    }

    /** When the run began, if its start is not recorded yet (no running mark was made); else null. */
    private static OffsetDateTime unmarked(RunningMarks.Mark mark, OffsetDateTime begun) {
        return mark.stop() ? null : begun;
    }

    /**
     * Asks the provider how a render goes: on a later run of its job ({@code work} null), or right
     * after submitting it (the task id is then not stored yet).
     *
     * @param begun when this run began, if its start is not recorded yet; else null
     */
    private JobOutcome poll(
            Job job, JobContext context, StageWork work, String taskId, String provider, OffsetDateTime begun) {
        RenderStage stage = stages.render(job.stage());
        RenderProgress progress;
        try {
            // a status request counts against the provider's limits like any other call
            try (ProviderLimiter.Permit permit = limiter.acquire(stage.named(provider), context.claim())) {
                progress = Objects.requireNonNull(
                        timed(
                                job,
                                provider,
                                ProviderCall.Kind.POLL,
                                () -> stage.poll(provider, taskId, call(job, context))),
                        () -> provider + " returned no render progress");
            }
        } catch (ProviderException e) {
            if (work != null && !e.attemptSpent()) {
                // just submitted, the task not stored yet: store it, to be asked about once the
                // limit allows, rather than submit it again
                Duration wait = e.retryAt()
                        .map(at -> Duration.between(db.now().toInstant(), at))
                        .or(e::retryAfter)
                        .orElse(TOO_EARLY);
                return ends.submitted(
                        job,
                        context,
                        new StageResult.Submitted(
                                new RenderTask(taskId, wait.isNegative() ? Duration.ZERO : wait), provider),
                        begun);
            }
            return providerFailed(job, context, e, begun);
        } catch (RuntimeException e) {
            return unforeseen(
                    job,
                    context,
                    e,
                    "Polling render " + taskId + " of " + provider + " failed unexpectedly",
                    "",
                    begun);
        }
        if (progress instanceof RenderProgress.Pending pending) {
            if (work != null) {
                return ends.submitted(
                        job,
                        context,
                        new StageResult.Submitted(new RenderTask(taskId, pending.checkAfter()), provider),
                        begun);
            }
            return JobOutcome.checkAgainIn(pending.checkAfter(), Map.of("progress", pending.fractionDone()));
        }
        if (progress instanceof RenderProgress.Failed failed) {
            return ends.failed(
                    job,
                    context,
                    provider + ": render " + taskId + " failed"
                            + (failed.code() == null ? "" : " (" + failed.code() + ")") + ": " + failed.error(),
                    failed.retryable(),
                    null,
                    true,
                    begun);
        }
        RenderProgress.Done done = (RenderProgress.Done) progress;
        StageWork loaded = work != null ? work : load(job, context, null);
        if (loaded == null) {
            return ends.cancelled(context, null);
        }
        StageResult.Output output;
        try {
            output = stage.rendered(loaded, provider, taskId, done);
        } catch (ProviderException e) {
            return providerFailed(job, context, e, begun);
        } catch (StageFailedException e) {
            return ends.failed(job, context, Redaction.describe(e), e.retryable(), null, false, begun);
        }
        return commit(job, context, output, begun);
    }

    /**
     * Stores the stage's outputs with its job's completion and the next stages' jobs. Outputs that
     * cannot be stored (the provider's work is done, maybe paid for) fail the stage for good, with
     * the reason, so that its episode fails visibly and can be retried.
     *
     * @param begun when this run began, if its start is not recorded yet; else null
     */
    private JobOutcome commit(Job job, JobContext context, StageResult.Output output, OffsetDateTime begun) {
        Committed committed;
        try {
            List<AssetStore.Prepared> assets = new ArrayList<>();
            for (NewAsset asset : output.assets()) {
                assets.add(AssetStore.prepare(asset));
            }
            committed = lane.submit(new StageCommit.Finish(context.claim(), output, assets, begun == null, begun));
        } catch (LeaseLostException e) {
            throw e;
        } catch (RuntimeException e) {
            return unforeseen(
                    job,
                    context,
                    e,
                    "The outcome of stage " + job.stage().label() + " cannot be recorded",
                    "the stage's outcome cannot be recorded: ",
                    begun);
        }
        if (committed.outcome() == Committed.Outcome.LEASE_LOST) {
            throw new LeaseLostException(
                    context.claim().job().id(), context.claim().token());
        }
        listeners.tell(committed.events());
        // the commit wrote the job's end without reading it back: the worker's listener hears it
        // from the claimed job as that end left it
        return JobOutcome.recorded(
                committed.outcome() == Committed.Outcome.CANCELLED
                        ? JobEnds.ended(job, JobStatus.CANCELLED, db.now(), null)
                        : JobEnds.ended(job, JobStatus.COMPLETED, db.now(), output.completion()));
    }

    /**
     * The episode (the parts its stage reads) and channel, as read ahead or as they are now; null
     * when it is gone.
     */
    private StageWork load(Job job, JobContext context, StageEpisodes.Loaded prefetched) {
        StageEpisodes.Loaded loaded = prefetched != null
                ? prefetched
                : episodes.load(job.episodeId(), stages.get(job.stage()).reads());
        if (loaded == null) {
            return null;
        }
        ChannelCache.Cached channel = channels.get(loaded.episode().channelId(), loaded.channelUpdatedAt());
        return new StageWork(job, loaded.episode(), channel.channel(), channel.brief(), call(job, context));
    }

    private ProviderCallContext call(Job job, JobContext context) {
        Object checkpoint = job.input().get(CHECKPOINT);
        return new ProviderCallContext(
                job.episodeId(),
                job.stage().label(),
                "acog-" + job.id(),
                Math.max(1, job.attempts()),
                storage,
                context::cancelRequested,
                checkpoint instanceof String saved ? saved : null,
                saved -> jobs.noteQuietly(context.claim(), Map.of(CHECKPOINT, saved)),
                progress(job));
    }

    /** Tells listeners a stage's progress, a few times a second at most (and always its end). */
    private DoubleConsumer progress(Job job) {
        long[] told = {System.nanoTime() - PROGRESS_EVERY_NANOS};
        return fraction -> {
            long now = System.nanoTime();
            if (fraction < 1 && now - told[0] < PROGRESS_EVERY_NANOS) {
                return;
            }
            told[0] = now;
            listeners.tell(List.of(new PipelineEvent.StageProgress(job.episodeId(), job.stage(), fraction)));
        };
    }
}
