package io.acog.core.internal.worker;

/**
 * What wakes an idle claimer before its poll: a notification of new jobs, room freed by recorded
 * outcomes, a shutdown. A wake-up while nobody waits is kept for the next wait.
 */
final class Wakeup {

    private boolean signalled;

    synchronized void signal() {
        signalled = true;
        notifyAll();
    }

    /**
     * Waits up to {@code millis} unless signalled meanwhile or before.
     *
     * @throws InterruptedException when interrupted
     */
    synchronized void await(long millis) throws InterruptedException {
        if (!signalled) {
            wait(millis);
        }
        signalled = false;
    }
}
