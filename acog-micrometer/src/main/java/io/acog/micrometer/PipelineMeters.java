package io.acog.micrometer;

import io.acog.core.episode.PipelineStage;
import io.acog.core.pipeline.CompletedStage;
import io.acog.core.pipeline.PipelineListener;
import io.acog.core.pipeline.ProviderCall;
import io.micrometer.core.instrument.Tags;
import java.util.Locale;
import java.util.UUID;

/**
 * Records what a pipeline does: jobs queued, stages completed (time and cost) and provider calls:
 * the listener of {@link AcogMetrics#pipelineListener()}.
 */
final class PipelineMeters implements PipelineListener {

    private final BoundRegistries registries;
    private final ChannelSlugs channels;

    PipelineMeters(BoundRegistries registries, ChannelSlugs channels) {
        this.registries = registries;
        this.channels = channels;
    }

    @Override
    public void stageQueued(UUID episodeId, PipelineStage stage, int jobs) {
        registries.count(
                AcogMeters.JOBS_ENQUEUED, "Jobs a pipeline queued", Tags.of(AcogMeters.TAG_STAGE, stage.label()), jobs);
    }

    @Override
    public void stageCompleted(CompletedStage completed) {
        String provider = completed.provider() == null ? AcogMeters.NO_PROVIDER : completed.provider();
        registries.time(
                AcogMeters.STAGE_DURATION,
                "How long completed stages took, from the start of their latest try",
                Tags.of(AcogMeters.TAG_STAGE, completed.stage().label(), AcogMeters.TAG_PROVIDER, provider),
                completed.took());
        if (completed.costUsd().signum() > 0) {
            registries.count(
                    AcogMeters.PROVIDER_COST,
                    "What completed stages cost, in US dollars",
                    AcogMeters.USD,
                    Tags.of(
                            AcogMeters.TAG_PROVIDER,
                            provider,
                            AcogMeters.TAG_CHANNEL,
                            channels.slug(completed.channelId())),
                    completed.costUsd().doubleValue());
        }
    }

    @Override
    public void providerCalled(ProviderCall call) {
        registries.time(
                AcogMeters.PROVIDER_CALLS,
                "Calls to providers, answered or failed",
                Tags.of(
                        AcogMeters.TAG_PROVIDER,
                        call.provider(),
                        AcogMeters.TAG_STAGE,
                        call.stage().label(),
                        AcogMeters.TAG_KIND,
                        call.kind().name().toLowerCase(Locale.ROOT),
                        AcogMeters.TAG_OUTCOME,
                        call.outcome()),
                call.took());
    }

    @Override
    public String toString() {
        return "AcogMetrics.pipelineListener";
    }
}
