package io.acog.core.internal;

import io.acog.core.Acog;
import io.acog.core.job.RetryPolicy;
import java.time.Clock;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** Builds the {@link Acog} behind {@link Acog#builder()}. Not API. */
public final class AcogFactory {

    private AcogFactory() {}

    public static Acog create(DataSource dataSource, Clock clock, RetryPolicy retryPolicy) {
        return new AcogImpl(DSL.using(dataSource, SQLDialect.POSTGRES), clock, retryPolicy, dataSource);
    }
}
