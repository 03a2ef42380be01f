package io.acog.core.pipeline;

import io.acog.core.Acog;
import java.net.URI;
import java.nio.file.Path;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A pipeline worker in a JVM of its own for {@link ProviderLimitsTest}: its voice is the limited
 * one that asks the test's counting service.
 *
 * <p>Arguments: JDBC URL, user, asset storage directory, the voice's name, the service's URL. The
 * password, if any, comes from ACOG_JDBC_PASSWORD.
 */
public final class LimitedWorkerMain {

    /** The caller name this process gives the service. */
    static final String CALLER = "other-process";

    private LimitedWorkerMain() {}

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = io.acog.core.job.DoomedWorkerMain.dataSource(args);
        Acog acog = Acog.builder().dataSource(dataSource).build();
        EpisodePipeline pipeline =
                LimitedProviders.pipeline(acog, Path.of(args[2]), args[3], URI.create(args[4]), CALLER, null);
        pipeline.worker(CALLER).threads(4).start();
        System.out.println("limited pipeline worker running");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
