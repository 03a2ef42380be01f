package io.acog.core.pipeline;

import io.acog.core.Acog;
import io.acog.core.episode.Episode;
import io.acog.core.job.JobWorker;
import io.acog.providers.offline.OfflineProviders;
import io.acog.testkit.fixtures.AcogFixtures;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a pipeline test class starts from: an {@link Acog} on its test's database whose failed jobs
 * are retried at once, fixtures, and a directory for the files stages store.
 */
abstract class PipelineTestCase {

    protected Acog acog;
    protected AcogFixtures fixtures;

    @TempDir
    protected Path storage;

    @BeforeEach
    void startAcog(DataSource dataSource) {
        acog = Acog.builder()
                .dataSource(dataSource)
                .jobRetryPolicy(PipelineTesting.IMMEDIATE)
                .build();
        fixtures = new AcogFixtures(acog);
    }

    /** A pipeline builder with the offline providers, storing files under {@link #storage}. */
    protected EpisodePipeline.Builder builder(OfflineProviders offline) {
        return offline.installInto(EpisodePipeline.builder(acog)).assetStorage(new LocalFileStorage(storage));
    }

    protected EpisodePipeline pipeline(OfflineProviders offline) {
        return builder(offline).build();
    }

    /**
     * Starts the episode and runs a two-thread worker until it rests (published, failed,
     * cancelled or ready) with no live jobs left; returns it as it then is.
     */
    protected Episode startAndRunToRest(EpisodePipeline pipeline, Episode episode) throws InterruptedException {
        pipeline.start(episode.id());
        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            PipelineTesting.awaitRest(acog, episode.id());
            PipelineTesting.awaitNoLiveJobs(acog, episode.id());
        }
        return acog.episodes().get(episode.id());
    }
}
