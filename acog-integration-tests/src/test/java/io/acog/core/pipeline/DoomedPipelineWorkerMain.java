package io.acog.core.pipeline;

import io.acog.core.Acog;
import io.acog.providers.offline.OfflineProviders;
import java.nio.file.Path;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A pipeline worker in a JVM of its own, for {@link PipelineWorkerKilledTest} to kill with
 * SIGKILL: it runs every stage with offline providers, but audio takes ten minutes and each
 * b-roll submit a second and a half, so the kill finds it in the middle of both.
 *
 * <p>Arguments: JDBC URL, user, asset storage directory. The password, if any, comes from
 * ACOG_JDBC_PASSWORD.
 */
public final class DoomedPipelineWorkerMain {

    /** The worker's name, as in {@code jobs.locked_by}. */
    static final String NAME = "doomed-pipeline";
    /** The worker's lease: short, so that survivors take over soon after the kill. */
    static final Duration LEASE = Duration.ofSeconds(2);
    /** How long one b-roll submit takes here. */
    static final Duration CLIP_LATENCY = Duration.ofMillis(1500);

    private DoomedPipelineWorkerMain() {}

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = io.acog.core.job.DoomedWorkerMain.dataSource(args);
        Acog acog = Acog.builder().dataSource(dataSource).build();
        OfflineProviders offline = PipelineTesting.offline()
                .latency("audio", Duration.ofMinutes(10))
                .latency("broll", CLIP_LATENCY)
                .build();
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog))
                .assetStorage(new LocalFileStorage(Path.of(args[2])))
                .build();
        pipeline.worker(NAME).threads(6).lease(LEASE).start();
        System.out.println("doomed pipeline worker running");
        Thread.sleep(Long.MAX_VALUE);
    }
}
