package io.acog.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.episode.PipelineStage;
import io.acog.core.internal.pipeline.commit.CommitLane;
import io.acog.core.internal.pipeline.commit.Committed;
import io.acog.core.internal.pipeline.commit.StageCommit;
import io.acog.core.job.ClaimedJob;
import io.acog.core.job.Job;
import io.acog.core.job.JobStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A stage's running mark and the end of its call never cross: a mark being made is waited for,
 * and a mark that lost the race is never made (else a late mark would set a finished stage
 * running again, and its episode would wait for it forever).
 */
class RunningMarksTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 5, 10, 0, 0, 0, ZoneOffset.UTC);

    private static ClaimedJob claim() {
        Job job = new Job(
                UUID.randomUUID(),
                UUID.randomUUID(),
                PipelineStage.AUDIO,
                JobStatus.RUNNING,
                0,
                NOW,
                "w",
                NOW,
                "token",
                Map.of(),
                null,
                null,
                NOW,
                null,
                0,
                3,
                1,
                null,
                null,
                null,
                false,
                NOW,
                NOW);
        return new ClaimedJob(job, "token", "w", NOW.plusMinutes(1));
    }

    private static Committed committed() {
        return new Committed(Committed.Outcome.COMMITTED, 1, List.of());
    }

    @Test
    void aMarkBeingMadeWhenTheCallEndsIsWaitedForAndCounts() throws Exception {
        CountDownLatch marking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CommitLane<StageCommit, Committed> lane = new CommitLane<>(group -> {
            marking.countDown();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return group.stream().map(request -> committed()).toList();
        });
        RunningMarks marks = new RunningMarks(Duration.ofMillis(1), lane, new ListenerBus(List.of()));

        RunningMarks.Mark mark = marks.begin(claim(), NOW);
        assertThat(marking.await(1, TimeUnit.MINUTES))
                .as("the mark is being committed")
                .isTrue();
        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(mark::stop);
        release.countDown();

        assertThat(stopped.get(1, TimeUnit.MINUTES))
                .as("the call's end knows the stage was marked")
                .isTrue();
    }

    @Test
    void aMarkThatLostTheRaceIsNeverMade() {
        AtomicInteger starts = new AtomicInteger();
        CommitLane<StageCommit, Committed> lane = new CommitLane<>(group -> {
            starts.addAndGet(group.size());
            return group.stream().map(request -> committed()).toList();
        });
        RunningMarks marks = new RunningMarks(Duration.ofHours(1), lane, new ListenerBus(List.of()));

        RunningMarks.Mark mark = marks.begin(claim(), NOW);
        boolean marked = mark.stop();
        mark.run(); // the timer firing late

        assertThat(marked).isFalse();
        assertThat(starts).as("marks committed").hasValue(0);
    }

    @Test
    void withRunningAfterZeroEveryStageIsMarkedBeforeItsCall() {
        AtomicInteger starts = new AtomicInteger();
        CommitLane<StageCommit, Committed> lane = new CommitLane<>(group -> {
            starts.addAndGet(group.size());
            return group.stream().map(request -> committed()).toList();
        });
        RunningMarks marks = new RunningMarks(Duration.ZERO, lane, new ListenerBus(List.of()));

        RunningMarks.Mark mark = marks.begin(claim(), NOW);

        assertThat(starts).hasValue(1);
        assertThat(mark.refused()).isFalse();
        assertThat(mark.stop()).isTrue();
    }
}
