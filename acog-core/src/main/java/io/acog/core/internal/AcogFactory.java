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
        // jOOQ's banner, "tip of the day" and "database version is supported" line do not belong
        // in a host's log (a version jOOQ does not support is still logged, as a warning); a host
        // that wants them sets the properties itself
        setUnlessSet("org.jooq.no-logo", "true");
        setUnlessSet("org.jooq.no-tips", "true");
        setUnlessSet("org.jooq.log.org.jooq.impl.DefaultExecuteContext.logVersionSupport", "WARN");
    }

    private AcogFactory() {}

    private static void setUnlessSet(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    public static Acog create(DataSource dataSource, Clock clock, RetryPolicy retryPolicy) {
        return new AcogImpl(DSL.using(dataSource, SQLDialect.POSTGRES), clock, retryPolicy, dataSource);
    }
}
