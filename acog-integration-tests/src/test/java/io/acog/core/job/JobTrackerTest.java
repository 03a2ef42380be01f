package io.acog.core.job;

import static io.acog.core.episode.PipelineStage.AUDIO;
import static io.acog.core.episode.PipelineStage.BROLL;
import static io.acog.core.episode.PipelineStage.PLANNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.Acog;
import io.acog.core.NotFoundException;
import io.acog.core.Page;
import io.acog.core.ValidationException;
import io.acog.core.episode.Episode;
import io.acog.testkit.TestClock;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue's semantics, one step at a time, on a test clock: no sleeping anywhere. */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class JobTrackerTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), 0.5);

    private TestClock clock;
    private Acog acog;
    private JobTracker jobs;
    private Episode episode;

    @BeforeEach
    void setUp(DataSource dataSource) {
        clock = TestClock.at(Instant.parse("2026-03-01T12:00:00Z"));
        acog = Acog.builder()
                .dataSource(dataSource)
                .clock(clock)
                .jobRetryPolicy(POLICY)
                .build();
        jobs = acog.jobs();
        episode = new AcogFixtures(acog).episode().create();
    }

    private ClaimedJob claimOne() {
        List<ClaimedJob> claimed = jobs.claim("w1", 1, LEASE, Set.of());
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    /** A host's typed job input: the seed's planning parameters. */
    record PlanningInput(
            String topic, Integer targetLengthMinutes, Map<String, Object> styleOverrides, Map<String, Object> extra) {
        PlanningInput {
            extra = extra == null ? Map.of() : extra;
        }
    }

    /** A host's typed job result: the seed's audio result. */
    record AudioResult(UUID assetId, BigDecimal durationSeconds, Integer characterCount, Map<String, Object> extra) {
        AudioResult {
            extra = extra == null ? Map.of() : extra;
        }
    }

    @Test
    void enqueuesWithDefaultsAndTypedInput() {
        PlanningInput input = new PlanningInput("Black holes", 12, Map.of("tone", "calm"), null);

        Job job =
                jobs.enqueue(NewJob.builder(episode.id(), PLANNING).input(input).build());

        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.stage()).isEqualTo(PLANNING);
        assertThat(job.priority()).isZero();
        assertThat(job.maxRetries()).isEqualTo(3);
        assertThat(job.runAfter().toInstant()).isEqualTo(clock.instant());
        assertThat(job.input(PlanningInput.class)).isEqualTo(input);
        assertThat(jobs.get(job.id())).isEqualTo(job);
    }

    @Test
    void anIdempotencyKeyReturnsTheLiveJobAndIsFreeAgainOnceItFinished() {
        NewJob render = NewJob.builder(episode.id(), AUDIO)
                .idempotencyKey("audio:" + episode.id())
                .build();

        List<Job> first = jobs.enqueueAll(List.of(
                render,
                render,
                NewJob.builder(episode.id(), BROLL).build(),
                NewJob.builder(episode.id(), BROLL).build()));
        Job again = jobs.enqueue(render);

        assertThat(first.get(1)).isEqualTo(first.get(0));
        assertThat(first.get(2).id()).isNotEqualTo(first.get(3).id()); // no key: two b-roll jobs
        assertThat(again.id()).isEqualTo(first.get(0).id());

        ClaimedJob claimed = jobs.claim("w1", 10, LEASE, Set.of(AUDIO)).get(0);
        assertThat(jobs.enqueue(render).id())
                .as("running is live too")
                .isEqualTo(claimed.job().id());
        jobs.complete(claimed, JobCompletion.empty());
        Job next = jobs.enqueue(render);

        assertThat(next.id()).isNotEqualTo(claimed.job().id());
        assertThat(next.status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsWritten(DSLContext db) {
        Episode deleted = new AcogFixtures(acog).episode().create();
        acog.episodes().softDelete(deleted.id());
        UUID nowhere = UUID.randomUUID();

        assertThatThrownBy(() -> NewJob.builder(episode.id(), "rendering"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("job.stage 'rendering' is not a pipeline stage; one of planning,"
                        + " scripting, script_review, metadata, audio, avatar, broll, assembly, upload");
        assertThatThrownBy(() -> jobs.enqueue(
                        NewJob.builder(episode.id(), AUDIO).priority(-1).build()))
                .hasMessage("job.priority is -1, must be 0 or more (higher is claimed sooner)");
        assertThatThrownBy(() -> jobs.enqueue(
                        NewJob.builder(episode.id(), AUDIO).maxRetries(-2).build()))
                .hasMessage("job.max_retries is -2, must be 0 or more");
        assertThatThrownBy(() -> jobs.enqueueAll(List.of(
                        NewJob.builder(episode.id(), AUDIO).build(),
                        NewJob.builder(deleted.id(), AUDIO).build())))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("episode with id " + deleted.id() + " not found");
        assertThatThrownBy(() -> jobs.enqueue(NewJob.builder(nowhere, AUDIO).build()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> jobs.enqueue(
                        NewJob.builder(episode.id(), AUDIO).input("text").build()))
                .hasMessageContaining("job.input_params must be a JSON object");

        assertThat(db.fetchCount(DSL.table("jobs"))).isZero();
    }

    @Test
    void claimsByPriorityThenRunAfterThenAgeAndOnlyWhatIsDue() {
        Job low = jobs.enqueue(NewJob.builder(episode.id(), AUDIO).build());
        clock.advance(Duration.ofSeconds(1));
        Job high = jobs.enqueue(NewJob.builder(episode.id(), AUDIO).priority(5).build());
        Job later = jobs.enqueue(NewJob.builder(episode.id(), AUDIO)
                .priority(9)
                .runAfter(clock.instant().plusSeconds(60))
                .build());
        Job otherStage =
                jobs.enqueue(NewJob.builder(episode.id(), BROLL).priority(7).build());

        List<ClaimedJob> claimed = jobs.claim("w1", 10, LEASE, Set.of(AUDIO));

        assertThat(claimed).extracting(c -> c.job().id()).containsExactly(high.id(), low.id());
        ClaimedJob first = claimed.get(0);
        assertThat(first.job().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(first.job().lockedBy()).isEqualTo("w1");
        assertThat(first.job().claimToken()).isEqualTo(first.token()).startsWith("w1/");
        assertThat(first.job().attempts()).isEqualTo(1);
        assertThat(first.leaseUntil().toInstant()).isEqualTo(clock.instant().plus(LEASE));

        clock.advance(Duration.ofSeconds(61));
        assertThat(jobs.claim("w2", 10, LEASE, Set.of()))
                .extracting(c -> c.job().id())
                .containsExactly(later.id(), otherStage.id());
    }

    @Test
    void completesWithResultAndCost() {
        jobs.enqueue(NewJob.builder(episode.id(), AUDIO).build());
        ClaimedJob claimed = claimOne();
        AudioResult result = new AudioResult(UUID.randomUUID(), new BigDecimal("485.5"), 8500, null);

        Job done = jobs.complete(claimed, JobCompletion.of(result).withCost(new BigDecimal("1.2500"), 8500));

        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.result(AudioResult.class)).contains(result);
        assertThat(done.costUsd()).isEqualByComparingTo("1.25");
        assertThat(done.tokensUsed()).isEqualTo(8500);
        assertThat(done.completedAt().toInstant()).isEqualTo(clock.instant());
        assertThat(done.lockedBy()).isNull();
        assertThatThrownBy(() -> jobs.complete(claimed, JobCompletion.empty())).isInstanceOf(LeaseLostException.class);
    }

    @Test
    void anExpiredLeaseIsReclaimedAndTheOldHoldersResultRefused() {
        Job job = jobs.enqueue(NewJob.builder(episode.id(), AUDIO).build());
        ClaimedJob stale = claimOne();

        clock.advance(LEASE.minusSeconds(1));
        assertThat(jobs.reclaimExpired()).isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(jobs.reclaimExpired()).containsExactly(job.id());

        Job reclaimed = jobs.get(job.id());
        assertThat(reclaimed.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(reclaimed.retryCount()).isEqualTo(1);
        assertThat(reclaimed.errorMessage()).contains("lease of worker w1 ran out");
        assertThatThrownBy(() -> jobs.complete(stale, JobCompletion.of(Map.of("late", true))))
                .isInstanceOf(LeaseLostException.class)
                .hasMessageContaining("job " + job.id() + " is no longer held");
        assertThat(jobs.get(job.id()).result()).isNull();
        assertThatThrownBy(() -> jobs.fail(stale, "late", true)).isInstanceOf(LeaseLostException.class);

        ClaimedJob fresh = jobs.claim("w2", 1, LEASE, Set.of()).get(0);
        assertThat(fresh.job().attempts()).isEqualTo(2);
        assertThat(jobs.heartbeat(List.of(stale, fresh), LEASE))
                .extracting(Job::id)
                .containsExactly(job.id()); // only the fresh claim is still held
        assertThat(jobs.complete(fresh, JobCompletion.empty()).status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void heartbeatsKeepALeaseAlive() {
        Job job = jobs.enqueue(NewJob.builder(episode.id(), AUDIO).build());
        ClaimedJob claimed = claimOne();

        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(20));
            assertThat(jobs.heartbeat(List.of(claimed), LEASE)).hasSize(1);
            assertThat(jobs.reclaimExpired()).isEmpty();
        }
        clock.advance(Duration.ofSeconds(31));

        assertThat(jobs.reclaimExpired()).containsExactly(job.id());
    }

    @Test
    void failuresBackOffExponentiallyWithJitterUntilRetriesRunOut() {
        Job job = jobs.enqueue(NewJob.builder(episode.id(), AUDIO).maxRetries(2).build());

        for (int retry = 0; retry < 2; retry++) {
            ClaimedJob claimed = jobs.claim("w1", 1, LEASE, Set.of()).get(0);
            Instant failedAt = clock.instant();
            Job failed = jobs.fail(claimed, "HTTP 503 from provider, try " + retry, true);

            assertThat(failed.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(failed.retryCount()).isEqualTo(retry + 1);
            Duration wait = Duration.between(failedAt, failed.runAfter().toInstant());
            assertThat(wait).isBetween(POLICY.minDelay(retry), POLICY.maxDelay(retry));
            assertThat(POLICY.maxDelay(retry)).isEqualTo(Duration.ofSeconds(10L << retry));

            clock.set(failed.runAfter().toInstant().minusMillis(1));
            assertThat(jobs.claim("w1", 1, LEASE, Set.of()))
                    .as("not before run_after")
                    .isEmpty();
            clock.advance(Duration.ofMillis(1));
        }
        ClaimedJob last = jobs.claim("w1", 1, LEASE, Set.of()).get(0);
        Job failed = jobs.fail(last, "HTTP 503 from provider, final", true);

        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("HTTP 503 from provider, final");
        assertThat(failed.retryCount()).isEqualTo(2);
        assertThat(failed.completedAt()).isNotNull();
        assertThat(jobs.get(job.id()).attempts()).isEqualTo(3);
    }

    @Test
    void aPermanentFailureUsesNoRetry() {
        jobs.enqueue(NewJob.builder(episode.id(), AUDIO).maxRetries(5).build());

        Job failed = jobs.fail(claimOne(), "401 quota_exceeded", false);

        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.retryCount()).isZero();
    }

    @Test
    void reclaimingAJobOutOfRetriesFailsIt() {
        Job job = jobs.enqueue(NewJob.builder(episode.id(), AUDIO).maxRetries(0).build());
        claimOne();
        clock.advance(LEASE.plusSeconds(1));

        jobs.reclaimExpired();

        Job failed = jobs.get(job.id());
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.errorMessage()).contains("lease of worker w1 ran out");
    }

    @Test
    void checkingAgainLaterKeepsProgressAndCountsNoRetry() {
        Job job = jobs.enqueue(
                NewJob.builder(episode.id(), AUDIO).input(Map.of("text", "hi")).build());

        Job waiting = jobs.reschedule(claimOne(), Duration.ofSeconds(30), Map.of("video_id", "v_1"));

        assertThat(waiting.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(waiting.retryCount()).isZero();
        assertThat(waiting.input()).containsEntry("text", "hi").containsEntry("video_id", "v_1");
        assertThat(jobs.claim("w1", 1, LEASE, Set.of())).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(jobs.claim("w1", 1, LEASE, Set.of()).get(0).job().id()).isEqualTo(job.id());
    }

    @Test
    void cancelEndsAQueuedJobAndAsksARunningOneToStop() {
        Job queued = jobs.enqueue(NewJob.builder(episode.id(), AUDIO).build());
        assertThat(jobs.cancel(queued.id()).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(jobs.claim("w1", 1, LEASE, Set.of())).isEmpty();

        Job running = jobs.enqueue(NewJob.builder(episode.id(), AUDIO).build());
        ClaimedJob claimed = claimOne();
        Job requested = jobs.cancel(running.id());
        assertThat(requested.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(requested.cancelRequested()).isTrue();
        assertThat(jobs.heartbeat(List.of(claimed), LEASE).get(0).cancelRequested())
                .isTrue();
        assertThat(jobs.cancelled(claimed).status()).isEqualTo(JobStatus.CANCELLED);

        assertThat(jobs.cancel(running.id()).status()).as("finished stays").isEqualTo(JobStatus.CANCELLED);
        assertThatThrownBy(() -> jobs.cancel(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void statsCountTheQueueAndTimeTheLongestWaitOfDueJobsOnly() {
        Instant start = clock.instant();
        Job first = jobs.enqueue(NewJob.builder(episode.id(), AUDIO).build());
        clock.advance(Duration.ofSeconds(10));
        jobs.enqueue(NewJob.builder(episode.id(), AUDIO).build());
        // queued, but not due for a minute: it is not waiting yet
        jobs.enqueue(NewJob.builder(episode.id(), BROLL)
                .runAfter(clock.instant().plusSeconds(60))
                .build());
        Job finished = jobs.enqueue(NewJob.builder(episode.id(), PLANNING).build());
        jobs.complete(jobs.claim("w1", 1, LEASE, Set.of(PLANNING)).get(0), JobCompletion.empty());
        clock.advance(Duration.ofSeconds(5));

        QueueStats queued = jobs.stats();

        assertThat(queued.at().toInstant()).isEqualTo(clock.instant());
        assertThat(queued.depth())
                .containsExactlyInAnyOrder(
                        new QueueDepth(AUDIO, JobStatus.QUEUED, 2), new QueueDepth(BROLL, JobStatus.QUEUED, 1));
        assertThat(queued.longestWait())
                .as("the earlier audio job has waited since it was queued; b-roll is not due")
                .containsExactly(Map.entry(AUDIO, Duration.ofSeconds(15)));
        assertThat(queued.expiredLeases()).isZero();
        assertThat(queued.jobs(AUDIO, JobStatus.QUEUED)).isEqualTo(2);
        assertThat(queued.jobs(BROLL, JobStatus.QUEUED)).isEqualTo(1);
        assertThat(queued.jobs(AUDIO, JobStatus.RUNNING)).isZero();
        assertThat(queued.jobs(PLANNING, JobStatus.QUEUED))
                .as("completed: not counted")
                .isZero();
        assertThat(queued.jobs(JobStatus.QUEUED)).isEqualTo(3);
        assertThat(queued.jobs(JobStatus.RUNNING)).isZero();
        assertThat(jobs.get(finished.id()).status()).isEqualTo(JobStatus.COMPLETED);

        // the longest-waiting audio job runs: the wait is the next one's, since it was queued
        ClaimedJob running = jobs.claim("w1", 1, LEASE, Set.of(AUDIO)).get(0);
        assertThat(running.job().id()).isEqualTo(first.id());
        QueueStats claimed = jobs.stats();
        assertThat(claimed.longestWait()).containsExactly(Map.entry(AUDIO, Duration.ofSeconds(5)));
        assertThat(claimed.jobs(AUDIO, JobStatus.QUEUED)).isEqualTo(1);
        assertThat(claimed.jobs(AUDIO, JobStatus.RUNNING)).isEqualTo(1);
        assertThat(claimed.jobs(JobStatus.QUEUED)).isEqualTo(2);
        assertThat(claimed.jobs(JobStatus.RUNNING)).isEqualTo(1);
        assertThat(claimed.expiredLeases()).isZero();

        // the lease runs out at its last instant, not before
        clock.advance(LEASE);
        assertThat(jobs.stats().expiredLeases()).isZero();
        clock.advance(Duration.ofSeconds(1));
        QueueStats expired = jobs.stats();
        assertThat(expired.expiredLeases()).isEqualTo(1);
        assertThat(expired.jobs(AUDIO, JobStatus.RUNNING))
                .as("still running until reclaimed")
                .isEqualTo(1);
        assertThat(expired.longestWait()).containsExactly(Map.entry(AUDIO, Duration.ofSeconds(36)));

        // once reclaimed it waits again, and no lease is expired
        clock.advance(Duration.ofSeconds(30));
        assertThat(jobs.reclaimExpired()).containsExactly(first.id());
        QueueStats reclaimed = jobs.stats();
        assertThat(reclaimed.expiredLeases()).isZero();
        assertThat(reclaimed.jobs(AUDIO, JobStatus.QUEUED)).isEqualTo(2);
        assertThat(reclaimed.jobs(JobStatus.RUNNING)).isZero();
        assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofSeconds(76));
        assertThat(reclaimed.longestWait())
                .as("b-roll became due at 70 s; the second audio job has waited since 10 s")
                .containsOnly(Map.entry(AUDIO, Duration.ofSeconds(66)), Map.entry(BROLL, Duration.ofSeconds(6)));
    }

    @Test
    void listsCountsAndPrunes() {
        Episode other = new AcogFixtures(acog).episode().create();
        for (int i = 0; i < 5; i++) {
            jobs.enqueue(NewJob.builder(episode.id(), i < 3 ? AUDIO : BROLL).build());
        }
        jobs.enqueue(NewJob.builder(other.id(), AUDIO).build());
        jobs.complete(jobs.claim("w1", 1, LEASE, Set.of(BROLL)).get(0), JobCompletion.empty());
        jobs.claim("w1", 1, LEASE, Set.of(AUDIO));

        List<Job> all = new ArrayList<>();
        Page<Job> page =
                jobs.list(JobQuery.builder().episode(episode.id()).limit(2).build());
        all.addAll(page.items());
        while (page.hasNext()) {
            page = jobs.list(JobQuery.builder()
                    .episode(episode.id())
                    .limit(2)
                    .after(page.nextCursor().orElseThrow())
                    .build());
            all.addAll(page.items());
        }
        assertThat(all).hasSize(5).extracting(Job::episodeId).containsOnly(episode.id());
        assertThat(jobs.list(JobQuery.builder()
                                .stage(AUDIO)
                                .status(JobStatus.QUEUED)
                                .build())
                        .items())
                .hasSize(3);
        assertThat(jobs.depth())
                .containsExactlyInAnyOrder(
                        new QueueDepth(AUDIO, JobStatus.QUEUED, 3),
                        new QueueDepth(AUDIO, JobStatus.RUNNING, 1),
                        new QueueDepth(BROLL, JobStatus.QUEUED, 1));
        assertThat(jobs.cancelAll(other.id())).isEqualTo(1);

        assertThat(jobs.prune(Duration.ofDays(7), 1)).isZero();
        clock.advance(Duration.ofDays(8));
        assertThat(jobs.prune(Duration.ofDays(7), 1)).isEqualTo(2); // completed and cancelled
        assertThat(jobs.list(JobQuery.builder().build()).items()).hasSize(4);
    }
}
