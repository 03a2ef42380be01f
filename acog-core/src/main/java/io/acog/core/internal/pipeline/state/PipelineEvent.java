package io.acog.core.internal.pipeline.state;

import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.StageState;
import io.acog.core.pipeline.CompletedStage;
import io.acog.core.pipeline.PipelineListener;
import io.acog.core.pipeline.ProviderCall;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

/** Something a {@link PipelineListener} hears once the change that made it has committed. */
public sealed interface PipelineEvent {

    /** Tells the listener. */
    void tell(PipelineListener listener);

    record StageStarted(UUID episodeId, PipelineStage stage, int attempt) implements PipelineEvent {
        @Override
        public void tell(PipelineListener listener) {
            listener.stageStarted(episodeId, stage, attempt);
        }
    }

    record StageQueued(UUID episodeId, PipelineStage stage, int jobs) implements PipelineEvent {
        @Override
        public void tell(PipelineListener listener) {
            listener.stageQueued(episodeId, stage, jobs);
        }
    }

    record StageCompleted(CompletedStage completed) implements PipelineEvent {

        /** The event of the stage's entry as it stands once completed. */
        public static StageCompleted of(UUID episodeId, UUID channelId, PipelineStage stage, StageState entry) {
            Duration took = entry.startedAt() == null || entry.completedAt() == null
                    ? Duration.ZERO
                    : Duration.between(entry.startedAt(), entry.completedAt());
            return new StageCompleted(new CompletedStage(
                    episodeId,
                    channelId,
                    stage,
                    entry.provider(),
                    took.isNegative() ? Duration.ZERO : took,
                    entry.costUsd() == null ? BigDecimal.ZERO : entry.costUsd()));
        }

        @Override
        public void tell(PipelineListener listener) {
            listener.stageCompleted(completed);
        }
    }

    record ProviderCalled(ProviderCall call) implements PipelineEvent {
        @Override
        public void tell(PipelineListener listener) {
            listener.providerCalled(call);
        }
    }

    record StageFailed(UUID episodeId, PipelineStage stage, String error, boolean willRetry) implements PipelineEvent {
        @Override
        public void tell(PipelineListener listener) {
            listener.stageFailed(episodeId, stage, error, willRetry);
        }
    }

    record StageProgress(UUID episodeId, PipelineStage stage, double fractionDone) implements PipelineEvent {
        @Override
        public void tell(PipelineListener listener) {
            listener.stageProgress(episodeId, stage, fractionDone);
        }
    }

    record StatusChanged(UUID episodeId, EpisodeStatus from, EpisodeStatus to) implements PipelineEvent {
        @Override
        public void tell(PipelineListener listener) {
            listener.statusChanged(episodeId, from, to);
        }
    }
}
