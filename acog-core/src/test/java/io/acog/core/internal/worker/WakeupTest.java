package io.acog.core.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WakeupTest {

    /** Far longer than any test may take: a wait that lasts this long was not woken. */
    private static final long FOREVER_MILLIS = TimeUnit.HOURS.toMillis(1);

    private static Thread waiting(Wakeup wakeup, CountDownLatch woken) {
        Thread thread = new Thread(() -> {
            try {
                wakeup.await(FOREVER_MILLIS);
                woken.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Test
    void closingWakesEveryClaimerEvenOneThatWaitsOnlyAfterwards() throws Exception {
        Wakeup wakeup = new Wakeup();
        CountDownLatch woken = new CountDownLatch(3);
        List<Thread> claimers = new ArrayList<>();
        claimers.add(waiting(wakeup, woken));
        claimers.add(waiting(wakeup, woken));

        wakeup.close();
        claimers.add(waiting(wakeup, woken)); // a claimer that reaches its wait after the shutdown

        assertThat(woken.await(5, TimeUnit.MINUTES)).as("every claimer woke").isTrue();
        for (Thread claimer : claimers) {
            claimer.join(TimeUnit.MINUTES.toMillis(1));
            assertThat(claimer.isAlive()).isFalse();
        }
    }

    @Test
    void aSignalWhileNobodyWaitsIsKeptForTheNextWait() throws Exception {
        Wakeup wakeup = new Wakeup();
        wakeup.signal();
        CountDownLatch woken = new CountDownLatch(1);
        Thread claimer = waiting(wakeup, woken);
        assertThat(woken.await(5, TimeUnit.MINUTES)).isTrue();
        claimer.join(TimeUnit.MINUTES.toMillis(1));
    }
}
