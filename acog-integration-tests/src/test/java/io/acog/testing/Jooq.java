package io.acog.testing;

import io.acog.core.episode.EpisodeStatus;
import io.acog.core.job.JobStatus;
import io.acog.testkit.postgres.TestDatabase;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

/** jOOQ for these tests: contexts over test databases, ACOG's statuses as the database's. */
public final class Jooq {

    private Jooq() {}

    /**
     * A context over the database with connections of its own, one per statement, outside the pool
     * ACOG uses: what a test observes never waits for ACOG's connections, and a test that kills
     * ACOG's connections does not kill its own observer's.
     */
    public static DSLContext dsl(TestDatabase database) {
        try {
            return DSL.using(database.dataSource().unwrap(PGSimpleDataSource.class), SQLDialect.POSTGRES);
        } catch (SQLException e) {
            throw new IllegalStateException("the test database's pool wraps no PGSimpleDataSource", e);
        }
    }

    public static io.acog.jooq.generated.enums.JobStatus db(JobStatus status) {
        return io.acog.jooq.generated.enums.JobStatus.valueOf(status.name());
    }

    public static io.acog.jooq.generated.enums.EpisodeStatus db(EpisodeStatus status) {
        return io.acog.jooq.generated.enums.EpisodeStatus.valueOf(status.name());
    }

    public static EpisodeStatus episodeStatus(io.acog.jooq.generated.enums.EpisodeStatus status) {
        return EpisodeStatus.valueOf(status.name());
    }

    public static JobStatus jobStatus(io.acog.jooq.generated.enums.JobStatus status) {
        return JobStatus.valueOf(status.name());
    }
}
