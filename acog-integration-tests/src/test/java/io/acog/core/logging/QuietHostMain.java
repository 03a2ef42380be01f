package io.acog.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.acog.core.Acog;
import io.acog.core.channel.ChannelQuery;
import io.acog.jooq.AcogSchema;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;

/**
 * A host as a fresh JVM sees it, every logger at INFO: migrates, builds {@link Acog} and queries.
 * {@link QuietHostTest} reads what it logged. Arguments: JDBC URL, user, password (optional).
 */
public final class QuietHostMain {

    private QuietHostMain() {}

    public static void main(String[] args) {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        dataSource.setUser(args[1]);
        if (args.length > 2) {
            dataSource.setPassword(args[2]);
        }
        AcogSchema.migrate(dataSource);
        Acog acog = Acog.builder().dataSource(dataSource).build();
        System.out.println(
                "channels " + acog.channels().list(ChannelQuery.all()).items().size());
    }
}
