package io.acog.core.internal.worker;

import io.acog.core.internal.queue.JobStore;
import io.acog.core.internal.secret.Redaction;
import io.acog.core.job.Job;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extends the leases of the jobs a worker holds, a third of a lease apart, and learns of cancel
 * requests and of leases lost meanwhile.
 */
final class Heartbeats implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);

    private final String worker;
    private final JobStore store;
    private final Duration lease;
    private final Map<UUID, HeldJob> held;
    private final BooleanSupplier running;

    Heartbeats(String worker, JobStore store, Duration lease, Map<UUID, HeldJob> held, BooleanSupplier running) {
        this.worker = worker;
        this.store = store;
        this.lease = lease;
        this.held = held;
        this.running = running;
    }

    @Override
    public void run() {
        long period = Math.max(200, lease.toMillis() / 3);
        while (running.getAsBoolean()) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            List<HeldJob> beating = new ArrayList<>(held.values());
            beating.removeIf(HeldJob::isRecorded);
            if (!beating.isEmpty()) {
                beat(beating);
            }
        }
    }

    private void beat(Collection<HeldJob> beating) {
        try {
            Map<UUID, Job> alive = new HashMap<>();
            for (Job job : store.heartbeat(beating.stream().map(HeldJob::claim).toList(), lease)) {
                alive.put(job.id(), job);
            }
            for (HeldJob job : beating) {
                UUID id = job.claim().job().id();
                Job now = alive.get(id);
                if (now != null) {
                    job.extended(job.claim().withLeaseUntil(now.lockedUntil()), now.cancelRequested());
                } else if (held.containsKey(id) && job.missed()) {
                    LOG.warn("Job worker {} lost the lease of job {}", worker, id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Job worker {} cannot extend its leases: {}", worker, Redaction.redact(e.getMessage()));
        }
    }
}
