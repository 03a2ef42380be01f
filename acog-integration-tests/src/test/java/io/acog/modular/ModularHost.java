package io.acog.modular;

import io.acog.core.Acog;
import io.acog.core.channel.Channel;
import io.acog.core.channel.NewChannel;
import io.acog.core.channel.Persona;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeIdea;
import io.acog.core.episode.NewEpisode;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.JobWorker;
import io.acog.core.job.NewJob;
import io.acog.core.pipeline.EpisodePipeline;
import io.acog.core.pipeline.LocalFileStorage;
import io.acog.jooq.AcogSchema;
import io.acog.jooq.SchemaMigration;
import io.acog.providers.offline.OfflineProviders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A host application with ACOG on the module path (run by {@link ModulePathTest} in a JVM of its
 * own): migrates an empty database, stores a channel with JSON profiles and an episode, queues and
 * claims a job, tries to reach ACOG's internals, and runs an episode through the pipeline on the
 * offline providers with no test library in the JVM (a host's development profile), printing what
 * happened.
 */
public final class ModularHost {

    private ModularHost() {}

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        Path storage = Path.of(args[0]);
        dataSource.setURL(args[1]);
        dataSource.setUser(args[2]);
        if (args.length > 3) {
            dataSource.setPassword(args[3]);
        }
        System.out.println("module " + Acog.class.getModule().getName());

        SchemaMigration migration = AcogSchema.migrate(dataSource);
        System.out.println("migrated " + migration.changedSchema() + " to " + migration.currentVersion());

        Acog acog = Acog.builder().dataSource(dataSource).build();
        Channel channel = acog.channels()
                .create(NewChannel.builder("Modular", "modular")
                        .persona(Persona.empty().withName("Dr. Module").withExtra("host_key", 7))
                        .build());
        Channel read = acog.channels().get(channel.id());
        System.out.println(
                "persona " + read.persona().name() + " " + read.persona().extra());
        Episode episode =
                acog.episodes().create(NewEpisode.builder(channel.id()).build());
        acog.jobs().enqueue(NewJob.builder(episode.id(), PipelineStage.AUDIO).build());
        List<ClaimedJob> claimed =
                acog.jobs().claim("modular", 10, Duration.ofSeconds(30), Set.of(PipelineStage.AUDIO));
        System.out.println(
                "claimed " + claimed.size() + " " + claimed.get(0).job().stage().label());

        try {
            Class<?> internal = Class.forName("io.acog.core.internal.db.Checks");
            internal.getMethod("show", String.class).invoke(null, "x");
            System.out.println("internal reachable");
        } catch (IllegalAccessException e) {
            System.out.println("internal closed");
        }

        List<String> present = new ArrayList<>();
        for (String testLibrary : List.of(
                "org.junit.jupiter.api.Test",
                "io.acog.testkit.postgres.PostgresServer",
                "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")) {
            try {
                Class.forName(testLibrary);
                present.add(testLibrary);
            } catch (ClassNotFoundException expected) {
                // what a host's main class path looks like
            }
        }
        System.out.println(present.isEmpty() ? "no test libraries" : "test libraries " + present);
        Episode idea = acog.episodes()
                .create(NewEpisode.builder(channel.id())
                        .idea(EpisodeIdea.of("Modules in orbit"))
                        .build());
        EpisodePipeline pipeline = OfflineProviders.create()
                .installInto(EpisodePipeline.builder(acog))
                .assetStorage(new LocalFileStorage(storage))
                .build();
        pipeline.start(idea.id());
        Episode done;
        try (JobWorker worker = pipeline.worker("modular-pipeline").threads(2).start()) {
            done = pipeline.await(idea.id(), Duration.ofMinutes(4));
        }
        System.out.println("pipeline " + done.status().label() + " by "
                + OfflineProviders.class.getModule().getName());
        if (done.lastError() != null) {
            System.out.println("last error " + done.lastError());
        }
    }
}
