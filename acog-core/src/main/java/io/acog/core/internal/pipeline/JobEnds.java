package io.acog.core.internal.pipeline;

import io.acog.core.episode.EpisodeLifecycle;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.internal.pipeline.commit.EpisodeChanges;
import io.acog.core.internal.pipeline.commit.FinishedStage;
import io.acog.core.internal.pipeline.stage.StageResult;
import io.acog.core.internal.pipeline.state.EpisodeDraft;
import io.acog.core.internal.pipeline.state.JobInputs;
import io.acog.core.internal.pipeline.state.PipelineEvent;
import io.acog.core.internal.pipeline.state.StageMachine;
import io.acog.core.internal.queue.JobStore;
import io.acog.core.internal.secret.Redaction;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import io.acog.core.job.JobCompletion;
import io.acog.core.job.JobContext;
import io.acog.core.job.JobOutcome;
import io.acog.core.job.JobStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a stage's job ends other than with stored outputs: failed (retried while it may, else the
 * stage and its episode fail), waiting for a render the provider took, or cancelled with its
 * episode. Each is recorded with the episode's state in one transaction.
 */
final class JobEnds {

    private static final Logger LOG = LoggerFactory.getLogger(JobEnds.class);

    private final JobStore jobs;
    private final EpisodeChanges changes;
    private final ListenerBus listeners;
    private final RenderCancellation renders;

    JobEnds(JobStore jobs, EpisodeChanges changes, ListenerBus listeners, RenderCancellation renders) {
        this.jobs = jobs;
        this.changes = changes;
        this.listeners = listeners;
        this.renders = renders;
    }

    /**
     * A failed run: the job is retried (the stage waits, with the error) while retries are left and
     * the failure is retryable; otherwise the stage fails and, when the episode is on its way, the
     * episode with it (its queued stages that have not begun are cancelled; renders in progress go
     * on, so a retry finds their work).
     *
     * @param forgetTask whether the job's render task is gone (a retry submits anew)
     * @param begun when this run began, or null when its start was recorded already
     */
    JobOutcome failed(
            Job job,
            JobContext context,
            String error,
            boolean retryable,
            Duration retryAfter,
            boolean forgetTask,
            OffsetDateTime begun) {
        PipelineStage stage = job.stage();
        String message = Redaction.recordable(error);
        AtomicReference<Job> failed = new AtomicReference<>();
        listeners.tell(changes.changeIfLive(job.episodeId(), (tx, draft) -> {
            Job after = tx.jobs().fail(context.claim(), message, retryable, retryAfter);
            failed.set(after);
            if (forgetTask) {
                tx.jobs().forgetProgress(job.id(), JobInputs.TASK_ID, JobInputs.PROVIDER);
            }
            if (draft == null) {
                return List.of();
            }
            if (begun != null) {
                FinishedStage.begin(draft, job, begun);
            }
            boolean willRetry = after.status() == JobStatus.QUEUED;
            draft.tell(new PipelineEvent.StageFailed(draft.id(), stage, message, willRetry));
            if (willRetry) {
                draft.put(stage, StageMachine.awaitRetry(draft.get(stage), message));
            } else {
                failForGood(tx, draft, stage, message);
            }
            return List.of();
        }));
        Job after = failed.get();
        if (after.status() == JobStatus.QUEUED) {
            LOG.info(
                    "Stage {} of episode {} failed on attempt {}: {}; retrying at {}",
                    stage.label(),
                    job.episodeId(),
                    Math.max(1, job.attempts()),
                    message,
                    after.runAfter());
        } else {
            LOG.info(
                    "Stage {} of episode {} failed for good on attempt {}{}: {}",
                    stage.label(),
                    job.episodeId(),
                    Math.max(1, job.attempts()),
                    retryable ? " (no retry left)" : "",
                    message);
        }
        return JobOutcome.recorded(after);
    }

    /**
     * A call that came too early (over the provider's concurrency limit, a quota that resets at a
     * known time): the job is tried again after {@code wait} without spending a retry, and the
     * stage stays on its way.
     *
     * @param begun when this run began, or null when its start was recorded already
     */
    JobOutcome tooEarly(Job job, JobContext context, String error, Duration wait, OffsetDateTime begun) {
        Duration delay = wait.isNegative() ? Duration.ZERO : wait;
        AtomicReference<Job> rescheduled = new AtomicReference<>();
        listeners.tell(changes.changeIfLive(job.episodeId(), (tx, draft) -> {
            rescheduled.set(tx.jobs().reschedule(context.claim(), delay, Map.of()));
            if (draft != null && begun != null) {
                FinishedStage.begin(draft, job, begun);
            }
            return List.of();
        }));
        LOG.info(
                "Stage {} of episode {} came too early ({}); trying again in {} without spending a retry",
                job.stage().label(),
                job.episodeId(),
                Redaction.recordable(error),
                delay);
        return JobOutcome.recorded(rescheduled.get());
    }

    /**
     * The stage fails for good and, when the episode is on its way, the episode with it: its queued
     * stages that have not begun are cancelled; renders in progress go on, so a retry finds their
     * work.
     */
    static void failForGood(EpisodeChanges.Tx tx, EpisodeDraft draft, PipelineStage stage, String message) {
        draft.put(stage, StageMachine.fail(draft.get(stage), message, tx.now()));
        if (EpisodeLifecycle.isActive(draft.status())) {
            draft.end(EpisodeStatus.FAILED);
            draft.failedWith(stage.label() + ": " + message);
            tx.jobs().cancelQueued(draft.id(), JobInputs.TASK_ID);
        }
    }

    /**
     * A render the provider accepted: the job waits for it, keeping its task id (for an avatar, the
     * stage's entry shows the provider's id of it). A render of an episode cancelled meanwhile is
     * cancelled at once.
     */
    JobOutcome submitted(Job job, JobContext context, StageResult.Submitted submitted, OffsetDateTime begun) {
        PipelineStage stage = job.stage();
        String taskId = submitted.task().taskId();
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<Job> ended = new AtomicReference<>();
        listeners.tell(changes.changeIfLive(job.episodeId(), (tx, draft) -> {
            if (draft == null || draft.status() == EpisodeStatus.CANCELLED) {
                ended.set(tx.jobs().cancelled(context.claim()));
                cancelled.set(true);
                if (draft != null) {
                    draft.leaveUnchanged();
                }
                return List.of();
            }
            ended.set(tx.jobs()
                    .reschedule(
                            context.claim(),
                            submitted.task().checkAfter(),
                            Map.of(JobInputs.TASK_ID, taskId, JobInputs.PROVIDER, submitted.provider())));
            if (begun != null) {
                FinishedStage.begin(draft, job, begun);
            }
            if (stage == PipelineStage.AVATAR) {
                draft.put(
                        stage,
                        StageMachine.merge(
                                draft.get(stage),
                                StageState.builder()
                                        .provider(submitted.provider())
                                        .jobId(taskId)
                                        .build()));
            }
            return List.of();
        }));
        if (cancelled.get()) {
            renders.cancel(new RenderCancellation.Task(stage, taskId, submitted.provider()));
        }
        return JobOutcome.recorded(ended.get());
    }

    /**
     * The claimed job as a write that ended it and returned no row left it (a stage's commit
     * completes its jobs in batches): {@code status} since {@code at}, with the completion's cost
     * and usage (its result is not kept: nothing that hears of the end reads it).
     *
     * @param completion what it completed with; null for none
     */
    static Job ended(Job claimed, JobStatus status, OffsetDateTime at, JobCompletion completion) {
        return new Job(
                claimed.id(),
                claimed.episodeId(),
                claimed.stage(),
                status,
                claimed.priority(),
                claimed.runAfter(),
                null,
                null,
                claimed.claimToken(),
                claimed.input(),
                claimed.result(),
                claimed.errorMessage(),
                claimed.startedAt(),
                at,
                claimed.retryCount(),
                claimed.maxRetries(),
                claimed.attempts(),
                completion == null ? claimed.costUsd() : completion.costUsd(),
                completion == null ? claimed.tokensUsed() : completion.tokensUsed(),
                claimed.idempotencyKey(),
                claimed.cancelRequested(),
                claimed.createdAt(),
                at);
    }

    /** Ends a job whose episode was cancelled (or is gone), cancelling its render if any. */
    JobOutcome cancelled(JobContext context, JobInputs.RenderTask task) {
        ClaimedJob claim = context.claim();
        Job ended = jobs.cancelled(claim);
        if (task != null && task.taskId() != null) {
            renders.cancel(new RenderCancellation.Task(claim.job().stage(), task.taskId(), task.provider()));
        }
        return JobOutcome.recorded(ended);
    }
}
