package io.acog.core.internal.worker;

/**
 * What wakes an idle claimer before its poll: a notification of new jobs, room freed by recorded
 * outcomes, a shutdown. A wake-up while nobody waits is kept for the next wait (of one claimer);
 * a shutdown wakes every claimer, now and later.
 */
final class Wakeup {

    private boolean signalled;
    private boolean closed;

    synchronized void signal() {
        signalled = true;
        notifyAll();
    }

    /**
     * Wakes every claimer for good: no wait lasts after this. A shutdown must not be a plain
     * signal, which the first claimer to wait would consume, leaving the others asleep until their
     * poll interval ends.
     */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /**
     * Waits up to {@code millis} unless signalled meanwhile or before.
     *
     * @throws InterruptedException when interrupted
     */
    synchronized void await(long millis) throws InterruptedException {
        if (!signalled && !closed) {
            wait(millis);
        }
        signalled = false;
    }
}
