package io.acog.core.internal.pipeline.commit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: requests that arrive while a transaction is running share the next one. A thread
 * that finds no group running takes every waiting request (up to {@value #MAX_GROUP}) into the next
 * group; the others wait for it to end, and when it does, one whose request is still waiting leads
 * the next at once. The lock guards only the queue and the leader flag, never a transaction. A
 * group that fails is run again one request at a time, so that one bad request fails only its
 * own caller. Thread-safe.
 *
 * @param <R> a request
 * @param <T> what committing a request gave
 */
public final class CommitLane<R, T> {

    /** The most requests one transaction takes. */
    static final int MAX_GROUP = 64;

    /** Commits a group of requests in one transaction. */
    @FunctionalInterface
    public interface Group<R, T> {

        /**
         * @return each request's result, in the group's order
         */
        List<T> commit(List<R> group);
    }

    private record Waiting<R, T>(R request, CompletableFuture<T> done) {}

    private final Group<R, T> group;
    private final ArrayDeque<Waiting<R, T>> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition groupEnded = lock.newCondition();
    /** Whether a thread is running a group; guarded by {@link #lock}. */
    private boolean leading;

    public CommitLane(Group<R, T> group) {
        this.group = group;
    }

    /**
     * Commits the request, in a group with others that wait meanwhile.
     *
     * @return what committing it gave
     * @throws RuntimeException what committing it alone threw
     */
    public T submit(R request) {
        Waiting<R, T> waiting = new Waiting<>(request, new CompletableFuture<>());
        boolean interrupted = false;
        lock.lock();
        try {
            queue.add(waiting);
            while (!waiting.done().isDone()) {
                if (leading) {
                    try {
                        groupEnded.await();
                    } catch (InterruptedException e) {
                        interrupted = true; // the request is in the lane: see it through
                    }
                    continue;
                }
                leading = true;
                List<Waiting<R, T>> next = new ArrayList<>();
                for (Waiting<R, T> queued; next.size() < MAX_GROUP && (queued = queue.poll()) != null; ) {
                    next.add(queued);
                }
                lock.unlock();
                try {
                    run(next);
                } finally {
                    lock.lock();
                    leading = false;
                    groupEnded.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            return waiting.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** How many requests wait for the next group now. */
    int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Runs a group in one transaction; when that fails, each request alone. */
    private void run(List<Waiting<R, T>> waiting) {
        try {
            List<T> results =
                    group.commit(waiting.stream().map(Waiting::request).toList());
            for (int i = 0; i < waiting.size(); i++) {
                waiting.get(i).done().complete(results.get(i));
            }
        } catch (RuntimeException | Error e) {
            if (waiting.size() == 1) {
                waiting.get(0).done().completeExceptionally(e);
                return;
            }
            for (Waiting<R, T> one : waiting) {
                run(List.of(one));
            }
        }
    }
}
