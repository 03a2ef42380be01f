package io.acog.core.internal.pipeline.state;

import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.pipeline.PipelineListener;
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

    record StageCompleted(UUID episodeId, PipelineStage stage) implements PipelineEvent {
        @Override
        public void tell(PipelineListener listener) {
            listener.stageCompleted(episodeId, stage);
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
