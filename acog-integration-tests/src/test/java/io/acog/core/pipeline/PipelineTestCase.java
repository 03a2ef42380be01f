package io.acog.core.pipeline;

import io.acog.core.Acog;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.providers.OfflineProviders;
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
        acog = Acog.builder().dataSource(dataSource).jobRetryPolicy(PipelineTesting.IMMEDIATE)
                .build();
        fixtures = new AcogFixtures(acog);
    }

    /** A pipeline builder with the offline providers, storing files under {@link #storage}. */
    protected EpisodePipeline.Builder builder(OfflineProviders offline) {
        return offline.installInto(EpisodePipeline.builder(acog))
                .assetStorage(new LocalFileStorage(storage));
    }

    protected EpisodePipeline pipeline(OfflineProviders offline) {
        return builder(offline).build();
    }
}
