package io.acog.spring.boot.tests;

import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import io.acog.core.job.JobListener;
import io.acog.core.pipeline.PipelineListener;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A host's listener beans: they record what they hear. */
@Configuration(proxyBeanMethods = false)
class Recorders {

    @Bean
    StatusRecorder statusRecorder() {
        return new StatusRecorder();
    }

    @Bean
    JobRecorder jobRecorder() {
        return new JobRecorder();
    }

    /** Every status change the pipeline told. */
    static final class StatusRecorder implements PipelineListener {
        record Change(UUID episodeId, EpisodeStatus from, EpisodeStatus to) {}

        final List<Change> changes = new CopyOnWriteArrayList<>();

        @Override
        public void statusChanged(UUID episodeId, EpisodeStatus from, EpisodeStatus to) {
            changes.add(new Change(episodeId, from, to));
        }

        List<EpisodeStatus> of(UUID episodeId) {
            return changes.stream()
                    .filter(change -> change.episodeId().equals(episodeId))
                    .map(Change::to)
                    .toList();
        }
    }

    /**
     * Every job a worker claimed. (A pipeline stage records its job's end with its outputs, so
     * a worker's listener hears its claim, and the pipeline's listeners hear its end.)
     */
    static final class JobRecorder implements JobListener {
        final List<ClaimedJob> claimed = new CopyOnWriteArrayList<>();

        @Override
        public void claimed(ClaimedJob job) {
            claimed.add(job);
        }

        List<PipelineStage> stagesOf(UUID episodeId) {
            return claimed.stream()
                    .map(ClaimedJob::job)
                    .filter(job -> episodeId.equals(job.episodeId()))
                    .map(Job::stage)
                    .distinct()
                    .sorted()
                    .toList();
        }
    }
}
