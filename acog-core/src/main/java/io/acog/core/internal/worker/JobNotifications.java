package io.acog.core.internal.worker;

import io.acog.core.internal.queue.JobStore;
import io.acog.core.internal.secret.Redaction;
import java.sql.Connection;
import java.sql.Statement;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a connection that LISTENs for enqueue notifications and wakes the claimers on each. While
 * it listens, idle claimers can wait a whole poll interval: a new job wakes them. A lost
 * connection is opened again with backoff; meanwhile polling alone keeps the worker correct.
 */
final class JobNotifications implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(JobNotifications.class);
    private static final int WAIT_MILLIS = 250;

    private final String worker;
    private final DataSource source;
    private final Wakeup wakeup;
    private final BooleanSupplier running;
    private volatile boolean listening;

    JobNotifications(String worker, DataSource source, Wakeup wakeup, BooleanSupplier running) {
        this.worker = worker;
        this.source = source;
        this.wakeup = wakeup;
        this.running = running;
    }

    /** Whether a LISTEN connection is up now. */
    boolean listening() {
        return listening;
    }

    @Override
    public void run() {
        Backoff backoff = new Backoff();
        while (running.getAsBoolean()) {
            try (Connection connection = source.getConnection();
                    Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("LISTEN " + JobStore.CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                backoff.reset();
                listening = true;
                wakeup.signal(); // jobs enqueued while not listening
                while (running.getAsBoolean()) {
                    PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        wakeup.signal();
                    }
                }
            } catch (Exception e) {
                listening = false;
                if (running.getAsBoolean()) {
                    LOG.warn(
                            "Job worker {} lost its LISTEN connection: {}; polling meanwhile",
                            worker,
                            Redaction.redact(e.getMessage()));
                    if (!backoff.pause()) {
                        return;
                    }
                }
            } finally {
                listening = false;
            }
        }
    }
}
