package io.acog.core.internal.pipeline;

import io.acog.core.ValidationException;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeRepository;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.internal.db.Checks;
import io.acog.core.internal.pipeline.stage.Providers;
import io.acog.core.internal.pipeline.state.JobInputs;
import io.acog.core.internal.pipeline.state.StageGraph;
import io.acog.core.internal.queue.JobStore;
import io.acog.core.internal.worker.WorkerBuilder;
import io.acog.core.job.JobWorker;
import io.acog.core.pipeline.ChannelCost;
import io.acog.core.pipeline.EpisodeCost;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.core.pipeline.RenderCallback;
import io.acog.spi.RenderWebhooks;
import io.acog.spi.WebhookDelivery;
import io.acog.spi.WebhookEvent;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EpisodePipeline}: a facade over the operations on episodes, the stage runner the
 * workers call, and spending. Every change to an episode happens under its row lock, so stages
 * finishing at the same moment, and a host cancelling meanwhile, are ordered; provider calls run
 * outside any transaction.
 */
final class Pipeline implements EpisodePipeline {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final EpisodeRepository episodes;
    private final JobStore jobs;
    private final EpisodeOperations operations;
    private final StageRunner runner;
    private final Spending spending;
    private final StrandedStages stranded;
    private final EpisodeWaits waits;
    private final Providers providers;

    Pipeline(
            EpisodeRepository episodes,
            JobStore jobs,
            EpisodeOperations operations,
            StageRunner runner,
            Spending spending,
            StrandedStages stranded,
            EpisodeWaits waits,
            Providers providers) {
        this.providers = providers;
        this.episodes = episodes;
        this.jobs = jobs;
        this.operations = operations;
        this.runner = runner;
        this.spending = spending;
        this.stranded = stranded;
        this.waits = waits;
    }

    @Override
    public Episode start(UUID episodeId) {
        operations.start(episodeId);
        return episodes.get(episodeId);
    }

    @Override
    public Episode approveScript(UUID episodeId, String reviewer) {
        operations.approveScript(episodeId, reviewer);
        return episodes.get(episodeId);
    }

    @Override
    public Episode rejectScript(UUID episodeId, String notes) {
        operations.rejectScript(episodeId, notes);
        return episodes.get(episodeId);
    }

    @Override
    public Episode publish(UUID episodeId) {
        operations.publish(episodeId);
        return episodes.get(episodeId);
    }

    @Override
    public Episode retry(UUID episodeId) {
        operations.retry(episodeId);
        return episodes.get(episodeId);
    }

    @Override
    public Episode cancel(UUID episodeId) {
        operations.cancel(episodeId);
        return episodes.get(episodeId);
    }

    @Override
    public Episode await(UUID episodeId, Duration timeout, EpisodeStatus... statuses) throws InterruptedException {
        return waits.await(episodeId, timeout, statuses);
    }

    @Override
    public boolean callback(RenderCallback callback) {
        Objects.requireNonNull(callback, "callback");
        return jobs.wake(
                StageGraph.RENDERS, JobInputs.TASK_ID, callback.taskId(), JobInputs.PROVIDER, callback.provider());
    }

    @Override
    public boolean webhook(String provider, WebhookDelivery delivery) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(delivery, "delivery");
        RenderWebhooks receiver = providers
                .webhooks(provider)
                .orElseThrow(() -> new ValidationException(
                        "webhook",
                        "provider",
                        "is '" + provider + "'; the pipeline has no render provider of that name that receives"
                                + " webhooks (those that do: " + providers.webhookProviders() + ")"));
        Optional<WebhookEvent> event = receiver.receive(delivery);
        if (event.isEmpty()) {
            LOG.debug("{} webhook: a genuine event ACOG does not follow; ignored", provider);
            return false;
        }
        boolean woke = callback(new RenderCallback(provider, event.get().taskId()));
        LOG.debug(
                "{} webhook {} for render {}: {}",
                provider,
                event.get().type(),
                event.get().taskId(),
                woke ? "its job is checked now" : "no job waits for it");
        return woke;
    }

    @Override
    public EpisodeCost cost(UUID episodeId) {
        return spending.cost(episodeId);
    }

    @Override
    public java.util.Map<String, java.util.List<String>> providers() {
        return providers.names();
    }

    @Override
    public ChannelCost cost(UUID channelId, YearMonth month) {
        return spending.cost(channelId, month);
    }

    @Override
    public JobWorker.Builder worker(String name) {
        Checks.notNull("worker", "name", name);
        Prefetch prefetch = runner.prefetch();
        WorkerBuilder builder = jobs.worker(name).onClaimed(prefetch).housekeeping(stranded);
        for (PipelineStage stage : PipelineStage.values()) {
            builder.handler(stage, (job, context) -> runner.handle(job, context, prefetch));
        }
        return builder;
    }
}
