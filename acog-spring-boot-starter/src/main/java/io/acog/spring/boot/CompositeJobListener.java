package io.acog.spring.boot;

import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import io.acog.core.job.JobListener;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every {@link JobListener} bean what the worker does, in order; one that throws is logged
 * and the others are still told, since a worker takes only one listener.
 */
final class CompositeJobListener implements JobListener {

    private static final Logger LOG = LoggerFactory.getLogger(CompositeJobListener.class);

    private final List<JobListener> listeners;

    CompositeJobListener(List<JobListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void claimed(ClaimedJob job) {
        tell(listener -> listener.claimed(job));
    }

    @Override
    public void completed(Job job, Duration duration) {
        tell(listener -> listener.completed(job, duration));
    }

    @Override
    public void retried(Job job, Throwable error) {
        tell(listener -> listener.retried(job, error));
    }

    @Override
    public void failed(Job job, Throwable error) {
        tell(listener -> listener.failed(job, error));
    }

    @Override
    public void rescheduled(Job job) {
        tell(listener -> listener.rescheduled(job));
    }

    @Override
    public void cancelled(Job job) {
        tell(listener -> listener.cancelled(job));
    }

    @Override
    public void leaseExpired(UUID jobId, String worker) {
        tell(listener -> listener.leaseExpired(jobId, worker));
    }

    @Override
    public void leaseLost(ClaimedJob job) {
        tell(listener -> listener.leaseLost(job));
    }

    private void tell(Consumer<JobListener> event) {
        for (JobListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn(
                        "ACOG job listener {} failed; ignored",
                        listener.getClass().getName(),
                        e);
            }
        }
    }
}
