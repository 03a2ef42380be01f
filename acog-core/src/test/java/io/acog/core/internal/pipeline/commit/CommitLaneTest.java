package io.acog.core.internal.pipeline.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Group commit without a database: requests that wait share a group; one bad request fails alone. */
class CommitLaneTest {

    @Test
    void requestsArrivingWhileAGroupRunsShareTheNextOne() throws Exception {
        CountDownLatch firstGroupRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
        CommitLane<Integer, String> lane = new CommitLane<>(group -> {
            groups.add(List.copyOf(group));
            if (groups.size() == 1) {
                firstGroupRunning.countDown();
                hold(release);
            }
            return group.stream().map(request -> "done " + request).toList();
        });
        ExecutorService threads = Executors.newFixedThreadPool(11);
        try {
            Future<String> first = threads.submit(() -> lane.submit(0));
            assertThat(firstGroupRunning.await(1, TimeUnit.MINUTES)).isTrue();
            List<Future<String>> waiting = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                int request = i;
                waiting.add(threads.submit(() -> lane.submit(request)));
            }
            // every other request queues while the first group runs
            await().atMost(Duration.ofMinutes(1)).until(() -> lane.waiting() == 10);
            release.countDown();

            assertThat(first.get(1, TimeUnit.MINUTES)).isEqualTo("done 0");
            for (int i = 0; i < waiting.size(); i++) {
                assertThat(waiting.get(i).get(1, TimeUnit.MINUTES)).isEqualTo("done " + (i + 1));
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(groups.get(0)).containsExactly(0);
        assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(11);
        assertThat(groups).as("the ten waiting requests shared one group").hasSize(2);
        assertThat(groups.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void aGroupThatFailsIsRunAgainOneRequestAtATime() {
        AtomicInteger commits = new AtomicInteger();
        CommitLane<Integer, Integer> lane = new CommitLane<>(group -> {
            commits.incrementAndGet();
            if (group.contains(13)) {
                throw new IllegalStateException("13 cannot be stored");
            }
            return group.stream().map(n -> n * 2).toList();
        });

        assertThat(lane.submit(2)).isEqualTo(4);
        assertThatThrownBy(() -> lane.submit(13))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("13 cannot be stored");
        assertThat(commits).hasValue(2);
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
