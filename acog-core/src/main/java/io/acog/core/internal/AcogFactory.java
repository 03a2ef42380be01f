package io.acog.core.internal;

import io.acog.core.Acog;
import io.acog.core.job.RetryPolicy;
import java.time.Clock;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** Builds the {@link Acog} behind {@link Acog#builder()}. Not API. */
public final class AcogFactory {

    static {
        // jOOQ's banner and "tip of the day" do not belong in a host's log; a host that wants them
        // sets the properties itself
        quietUnlessSet("org.jooq.no-logo");
        quietUnlessSet("org.jooq.no-tips");
    }

    private AcogFactory() {}

    private static void quietUnlessSet(String property) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, "true");
        }
    }

    public static Acog create(DataSource dataSource, Clock clock, RetryPolicy retryPolicy) {
        return new AcogImpl(DSL.using(dataSource, SQLDialect.POSTGRES), clock, retryPolicy, dataSource);
    }
}
