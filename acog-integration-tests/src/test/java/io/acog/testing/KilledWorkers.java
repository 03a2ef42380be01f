package io.acog.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Worker processes that a test kills with SIGKILL. Killing the JVM is not the end of what it did:
 * a statement it had sent (a hand-back, an outcome) still runs and commits in its PostgreSQL
 * backend, which notices the dead client only when it answers. So a test looks at the jobs a
 * killed worker held only once that worker's backends are gone too.
 */
public final class KilledWorkers {

    /** The application name of every child worker's connections, so they can be waited for. */
    public static final String APPLICATION_NAME = "acog-child-worker";

    private KilledWorkers() {}

    /** Names the child's connections {@link #APPLICATION_NAME}. */
    public static PGSimpleDataSource named(PGSimpleDataSource dataSource) {
        dataSource.setApplicationName(APPLICATION_NAME);
        return dataSource;
    }

    /**
     * Kills {@code worker} with SIGKILL (no shutdown hook, nothing handed back) and waits until it
     * has exited and no backend of a child worker remains, so every statement it sent is settled.
     */
    public static void kill(Process worker, DSLContext db) throws InterruptedException {
        worker.destroyForcibly();
        assertThat(worker.waitFor(Waiting.PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .as("the killed worker exited")
                .isTrue();
        Waiting.until(() -> "backends of the killed worker still open: " + backends(db), () -> backends(db) == 0);
    }

    private static int backends(DSLContext db) {
        return db.fetchSingle(
                        "SELECT count(*)::int FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()",
                        APPLICATION_NAME)
                .get(0, Integer.class);
    }
}
