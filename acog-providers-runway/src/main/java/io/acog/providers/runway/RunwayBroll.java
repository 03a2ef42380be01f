package io.acog.providers.runway;

import io.acog.spi.BrollGenerator;
import io.acog.spi.Cancellation;
import io.acog.spi.FileMedia;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.ProviderLimits;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.spi.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code broll} stage on Runway's text-to-video: one task per clip, never paid for twice.
 * Runway takes no idempotency key, so the task's id is saved in the job's checkpoint the moment
 * Runway answers the create, before anything else, and a later attempt of the same job with a
 * checkpointed task takes that task up instead of creating another. A task that then failed or was
 * cancelled is marked so in the checkpoint, and the attempt after it creates a new one.
 *
 * <p>Polls read {@code GET /v1/tasks/{id}}: PENDING, THROTTLED (over the account's concurrency,
 * queued at Runway: not an error) and RUNNING are pending; SUCCEEDED downloads the output at once
 * (its URL expires) into a temporary file; FAILED and CANCELLED are failures, classified by {@link
 * TaskFailures}. Thread-safe: calls share only the HTTP client.
 */
final class RunwayBroll implements BrollGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(RunwayBroll.class);

    private final RunwaySettings settings;
    private final RunwayClient client;

    RunwayBroll(RunwaySettings settings) {
        this.settings = settings;
        this.client = new RunwayClient(settings);
    }

    @Override
    public String name() {
        return RunwaySettings.NAME;
    }

    /**
     * Returns {@code runway.concurrent-requests} calls in flight (none by default): Runway queues
     * tasks over an account's concurrency itself (THROTTLED), so a limit only caps ACOG's calls.
     */
    @Override
    public ProviderLimits limits() {
        return ProviderLimits.none().withConcurrentRequests(settings.concurrentRequests());
    }

    /** Returns the durations the configured model accepts, e.g. 2 to 10 for gen4.5. */
    @Override
    public List<Integer> clipSeconds() {
        return settings.model().seconds();
    }

    @Override
    public RenderTask submit(ClipRequest request, ProviderCall call) {
        Optional<TaskCheckpoint> saved = TaskCheckpoint.read(call.checkpoint());
        if (saved.isPresent() && !saved.get().ended()) {
            LOG.info(
                    "Runway: episode {} clip {} takes up task {}, created by an earlier attempt",
                    call.episodeId(),
                    request.clipIndex(),
                    saved.get().taskId());
            return new RenderTask(saved.get().taskId(), Duration.ZERO); // it has run meanwhile: ask at once
        }
        if (request.description() == null || request.description().isBlank()) {
            throw ProviderException.permanent(
                    name(), Reason.INVALID_REQUEST, "clip " + request.clipIndex() + " has no description to render");
        }
        if (call.cancelRequested()) { // before the create: it is billed
            throw ProviderException.permanent(
                    name(), Reason.INVALID_REQUEST, "the episode was cancelled; no Runway task was created");
        }
        TextToVideoBody body = TextToVideoBody.of(request, settings);
        String taskId = client.create(body);
        TaskCheckpoint checkpoint =
                new TaskCheckpoint(taskId, body.model().name(), body.duration(), body.ratio(), false);
        try {
            call.saveCheckpoint(checkpoint.json()); // first thing: a crash from here on takes this task up again
        } catch (RuntimeException e) {
            abandon(taskId, call, e);
            throw e;
        }
        if (body.duration() != request.seconds()) {
            LOG.warn(
                    "Runway: clip {} was asked for {} s, which {} does not render; asked for {} s",
                    request.clipIndex(),
                    request.seconds(),
                    body.model().name(),
                    body.duration());
        }
        LOG.info(
                "Runway: episode {} clip {} is task {} ({}, {} s, {})",
                call.episodeId(),
                request.clipIndex(),
                taskId,
                body.model().name(),
                body.duration(),
                body.ratio());
        return new RenderTask(taskId, settings.pollInterval());
    }

    /**
     * Cancels a task whose id could not be saved (this worker lost the job): another attempt will
     * not know it, so it would run and be billed for nothing. Best effort: what fails is logged.
     */
    private void abandon(String taskId, ProviderCall call, RuntimeException why) {
        LOG.warn(
                "Runway: episode {}: task {} was created but its id could not be saved ({}); cancelling it so that"
                        + " it is not paid for without use",
                call.episodeId(),
                taskId,
                why.toString());
        try {
            client.cancel(taskId);
        } catch (ProviderException e) {
            LOG.warn(
                    "Runway: task {} could not be cancelled ({}); delete it in Runway's developer portal",
                    taskId,
                    e.getMessage());
        }
    }

    @Override
    public RenderProgress poll(String taskId, ProviderCall call) {
        TaskStatus status;
        try {
            status = client.status(taskId);
        } catch (ProviderException e) {
            if (e.reason() == Reason.NOT_FOUND) {
                ended(taskId, call); // gone at Runway: a retried job must create a new task
            }
            throw e;
        }
        LOG.debug("Runway: task {} is {}", taskId, status);
        return switch (status.state()) {
            case PENDING, THROTTLED, RUNNING -> {
                call.progress(status.progress());
                yield RenderProgress.pending(settings.pollInterval(), status.progress());
            }
            case SUCCEEDED -> done(taskId, status, call);
            case FAILED -> {
                ended(taskId, call);
                RenderProgress.Failed failed = TaskFailures.failed(
                        status.failureCode(),
                        status.failure() == null ? null : client.http().excerpt(status.failure()));
                LOG.info("Runway: task {} failed: {}", taskId, failed.error());
                yield failed;
            }
            case CANCELLED -> {
                ended(taskId, call);
                yield TaskFailures.cancelled();
            }
        };
    }

    /** Downloads the finished clip, at once: its URL expires. */
    private RenderProgress done(String taskId, TaskStatus status, ProviderCall call) {
        Optional<TaskCheckpoint> saved = savedFor(taskId, call);
        FileMedia media = client.download(status.output(), fileName(taskId));
        try {
            OptionalLong measured = measure(media.file());
            int seconds = saved.map(TaskCheckpoint::seconds)
                    .filter(known -> known > 0)
                    .orElseGet(() ->
                            measured.isPresent() ? (int) Math.max(1, Math.round(measured.getAsLong() / 1000.0)) : 0);
            long durationMs = measured.orElse(seconds * 1000L);
            String model = saved.map(TaskCheckpoint::model)
                    .filter(name -> !name.isBlank())
                    .orElse(settings.model().name());
            LOG.info(
                    "Runway: task {} done: {} bytes from {}, {} ms of video",
                    taskId,
                    media.size(),
                    status.output().getHost(),
                    durationMs);
            call.progress(1);
            return new RenderProgress.Done(media, durationMs, usage(model, seconds), metadata(taskId, model, saved));
        } catch (RuntimeException e) {
            media.close();
            throw e;
        }
    }

    /** The clip's length from its MP4 boxes; empty when they do not say it. */
    private static OptionalLong measure(Path file) {
        try {
            return Mp4File.durationMs(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the downloaded clip", e);
        }
    }

    /**
     * What the clip cost: Runway bills the seconds asked for, at the model's credits per second,
     * each credit at {@code runway.price-per-credit}.
     */
    private Usage usage(String model, int seconds) {
        BigDecimal perSecond = model.equals(settings.model().name())
                ? settings.creditsPerSecond()
                : RunwayModel.named(model).map(RunwayModel::creditsPerSecond).orElse(settings.creditsPerSecond());
        BigDecimal credits = perSecond.multiply(BigDecimal.valueOf(seconds));
        return Usage.cost(credits.multiply(settings.pricePerCredit()))
                .withSeconds(BigDecimal.valueOf(seconds))
                .withCredits(credits);
    }

    private static Map<String, String> metadata(String taskId, String model, Optional<TaskCheckpoint> saved) {
        return saved.filter(checkpoint -> !checkpoint.ratio().isBlank())
                .map(checkpoint -> Map.of("runway_task", taskId, "model", model, "ratio", checkpoint.ratio()))
                .orElse(Map.of("runway_task", taskId, "model", model));
    }

    /** Marks the job's checkpoint so that its next attempt creates a new task. */
    private void ended(String taskId, ProviderCall call) {
        Optional<TaskCheckpoint> saved = savedFor(taskId, call);
        TaskCheckpoint ended =
                saved.map(TaskCheckpoint::withEnded).orElseGet(() -> new TaskCheckpoint(taskId, "", 0, "", true));
        if (saved.isPresent() && saved.get().ended()) {
            return;
        }
        try {
            call.saveCheckpoint(ended.json());
        } catch (RuntimeException e) {
            LOG.warn(
                    "Runway: episode {}: task {} ended without a clip, and this could not be saved ({}); the next"
                            + " attempt polls it once more before creating another",
                    call.episodeId(),
                    taskId,
                    e.toString());
        }
    }

    /** The job's checkpoint, when it is about this task. */
    private static Optional<TaskCheckpoint> savedFor(String taskId, ProviderCall call) {
        try {
            return TaskCheckpoint.read(call.checkpoint())
                    .filter(saved -> saved.taskId().equals(taskId));
        } catch (ProviderException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Stops a task that has not ended ({@code DELETE /v1/tasks/{id}}). A task that has ended is left
     * alone: the same request would delete it and its output.
     */
    @Override
    public Cancellation cancel(String taskId, ProviderCall call) {
        TaskStatus status;
        try {
            status = client.status(taskId);
        } catch (ProviderException e) {
            if (e.reason() == Reason.NOT_FOUND) {
                return Cancellation.ALREADY_ENDED;
            }
            throw e;
        }
        if (status.state().ended()) {
            LOG.debug("Runway: task {} had already ended ({}); left as it is", taskId, status.state());
            return Cancellation.ALREADY_ENDED;
        }
        if (!client.cancel(taskId)) {
            return Cancellation.ALREADY_ENDED;
        }
        LOG.info("Runway: task {} cancelled (it was {})", taskId, status.state());
        return Cancellation.STOPPED;
    }

    private static String fileName(String taskId) {
        String safe = taskId.replaceAll("[^A-Za-z0-9_-]", "_");
        return "runway-" + (safe.length() > 80 ? safe.substring(0, 80) : safe) + ".mp4";
    }

    @Override
    public String toString() {
        return "RunwayBroll[" + settings.baseUrl() + ", " + settings.model().name() + ", polled every "
                + settings.pollInterval() + "]";
    }
}
