package io.acog.core.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How many jobs a worker holds: what it can start soon, never a slow node's hoard. */
class CapacityTest {

    @Test
    void slowHandlersHoldNoMoreThanTheirThreads() {
        Capacity capacity = new Capacity(2, 100);
        for (int i = 0; i < 100; i++) {
            capacity.ran(2_000_000_000L); // two seconds a job
        }

        assertThat(capacity.limit()).isEqualTo(2);
        assertThat(capacity.reserve(0, 0)).isEqualTo(2);
        capacity.release(2);
        assertThat(capacity.reserve(2, 0)).as("both threads busy").isZero();
        assertThat(capacity.reserve(1, 0)).as("one thread free").isEqualTo(1);
    }

    @Test
    void fastHandlersHoldWhatTheyStartWithinTheBufferTime() {
        Capacity capacity = new Capacity(4, 100);
        for (int i = 0; i < 200; i++) {
            capacity.ran(1_000_000L); // a millisecond a job: 20 per thread within 20 ms
        }

        assertThat(capacity.limit()).isBetween(4 + 70, 4 + 80);
        int first = capacity.reserve(0, 0);
        assertThat(first).isEqualTo(capacity.limit());
        assertThat(capacity.reserve(0, 0)).as("reserved already").isZero();
        capacity.release(first);
    }

    @Test
    void veryFastHandlersAreCappedAtTwoBatches() {
        Capacity capacity = new Capacity(4, 100);
        for (int i = 0; i < 200; i++) {
            capacity.ran(1_000L);
        }

        assertThat(capacity.limit()).isEqualTo(4 + 200);
        assertThat(capacity.reserve(0, 0)).isEqualTo(100);
        assertThat(capacity.reserve(0, 0)).isEqualTo(100);
        assertThat(capacity.reserve(0, 0)).as("full").isZero();
    }

    @Test
    void outcomesWaitingToBeWrittenTakeNoRoomUntilThereAreAsManyAsMayBeHeld() {
        Capacity capacity = new Capacity(4, 100);
        for (int i = 0; i < 200; i++) {
            capacity.ran(1_000L);
        }

        assertThat(capacity.reserve(0, 150)).as("finished, being written").isEqualTo(100);
        capacity.release(100);
        assertThat(capacity.reserve(0, 204))
                .as("as many unwritten as may be held")
                .isZero();
    }

    @Test
    void aFinishedJobOpensRoomOnceWhenFreeRoomReachesABatch() {
        Capacity capacity = new Capacity(4, 100);
        for (int i = 0; i < 200; i++) {
            capacity.ran(1_000L);
        }

        assertThat(capacity.opened(105)).as("99 free").isFalse();
        assertThat(capacity.opened(104)).as("a batch free").isTrue();
        assertThat(capacity.opened(103)).as("opened already").isFalse();
        assertThat(capacity.reserve(104, 0)).isEqualTo(100);
    }

    @Test
    void aHandlerThatRunsFarLongerThanTheOthersShrinksTheBufferAsItRuns() {
        AtomicLong now = new AtomicLong();
        Capacity capacity = new Capacity(4, 100, now::get);
        for (int i = 0; i < 200; i++) {
            capacity.ran(1_000_000L); // a millisecond a job
        }
        assertThat(capacity.limit()).isEqualTo(4 + 80);

        Object stalled = new Object();
        capacity.begin(stalled);
        now.addAndGet(10_000_000L);
        assertThat(capacity.limit()).as("running 10 ms").isEqualTo(4 + 8);
        now.addAndGet(60_000_000_000L);
        assertThat(capacity.limit()).as("running a minute: its threads").isEqualTo(4);
        assertThat(capacity.reserve(4, 0)).isZero();

        capacity.ran(stalled);
        assertThat(capacity.limit()).as("ended: its minute weighs in the mean").isEqualTo(4);
        for (int i = 0; i < 200; i++) {
            capacity.ran(1_000_000L);
        }
        assertThat(capacity.limit()).as("fast again").isGreaterThan(4 + 70);
    }

    @Test
    void aNewWorkerStartsCautiously() {
        AtomicLong now = new AtomicLong();
        Capacity capacity = new Capacity(2, 100, now::get);

        assertThat(capacity.limit()).as("no handler timed yet: its threads").isEqualTo(2);
        capacity.begin("a job");
        now.addAndGet(1_000_000L);
        assertThat(capacity.limit()).as("one still running tells nothing yet").isEqualTo(2);
        capacity.ran("a job");
        assertThat(capacity.limit()).as("a millisecond a job: 20 ms worth more").isEqualTo(2 + 40);
    }
}
