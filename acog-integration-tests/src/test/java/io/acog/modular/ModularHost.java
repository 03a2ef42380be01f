package io.acog.modular;

import io.acog.core.Acog;
import io.acog.core.channel.Channel;
import io.acog.core.channel.NewChannel;
import io.acog.core.channel.Persona;
import io.acog.core.episode.Episode;
import io.acog.core.episode.NewEpisode;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.NewJob;
import io.acog.jooq.AcogSchema;
import io.acog.jooq.SchemaMigration;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A host application with ACOG on the module path (run by {@link ModulePathTest} in a JVM of its
 * own): migrates an empty database, stores a channel with JSON profiles and an episode, queues and
 * claims a job, and tries to reach ACOG's internals, printing what happened.
 */
public final class ModularHost {

    private ModularHost() {}

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        dataSource.setUser(args[1]);
        if (args.length > 2) {
            dataSource.setPassword(args[2]);
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
    }
}
