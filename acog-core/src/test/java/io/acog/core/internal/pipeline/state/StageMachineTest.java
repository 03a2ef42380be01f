package io.acog.core.internal.pipeline.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one stage state machine, without a database: each change of an entry, and what it keeps. */
class StageMachineTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 5, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime T1 = T0.plusMinutes(1);
    private static final OffsetDateTime T2 = T0.plusMinutes(2);

    @Test
    void startingCountsAnAttemptAndClearsTheLastTry() {
        StageState failedOnce = StageState.builder()
                .status(StageStatus.PENDING)
                .attempts(1)
                .startedAt(T0)
                .completedAt(T1)
                .error("rate limited")
                .provider("elevenlabs")
                .extra("host_key", "kept")
                .build();

        StageState started = StageMachine.start(failedOnce, T2);

        assertThat(started.status()).isEqualTo(StageStatus.RUNNING);
        assertThat(started.attempts()).isEqualTo(2);
        assertThat(started.startedAt()).isEqualTo(T2);
        assertThat(started.error()).isNull();
        assertThat(started.completedAt()).isNull();
        assertThat(started.provider()).isEqualTo("elevenlabs");
        assertThat(started.extra()).containsEntry("host_key", "kept");
        assertThat(StageMachine.start(null, T0).attempts()).isEqualTo(1);
    }

    @Test
    void bRollStartsWithItsFirstClipAndCountsNoAttemptsOfItsOwn() {
        StageState first = StageMachine.startClip(null, T0);
        StageState second = StageMachine.startClip(first, T1);

        assertThat(first.startedAt()).isEqualTo(T0);
        assertThat(second.startedAt()).isEqualTo(T0);
        assertThat(second.status()).isEqualTo(StageStatus.RUNNING);
        assertThat(second.attempts()).isNull();
    }

    @Test
    void completingMergesTheDetailsAndDropsTheError() {
        StageState running =
                StageMachine.start(StageState.builder().error("old").build(), T0);
        StageState withError = running.toBuilder().error("meanwhile").build();
        StageState details = StageState.builder()
                .provider("openai")
                .modelUsed("gpt")
                .tokensUsed(120)
                .costUsd(new BigDecimal("0.0100"))
                .build();

        StageState done = StageMachine.complete(withError, details, T1);

        assertThat(done.status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(done.completedAt()).isEqualTo(T1);
        assertThat(done.startedAt()).isEqualTo(T0);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.error()).isNull();
        assertThat(done.modelUsed()).isEqualTo("gpt");
        assertThat(done.costUsd()).isEqualByComparingTo("0.01");
    }

    @Test
    void failingForGoodOrForARetryKeepsTheError() {
        StageState running = StageMachine.start(null, T0);

        StageState waiting = StageMachine.awaitRetry(running, "429");
        StageState failed = StageMachine.fail(running, "401", T1);

        assertThat(waiting.status()).isEqualTo(StageStatus.PENDING);
        assertThat(waiting.error()).isEqualTo("429");
        assertThat(waiting.completedAt()).isNull();
        assertThat(failed.status()).isEqualTo(StageStatus.FAILED);
        assertThat(failed.error()).isEqualTo("401");
        assertThat(failed.completedAt()).isEqualTo(T1);
        assertThat(StageMachine.retryable(failed)).isTrue();
        assertThat(StageMachine.retryable(waiting)).isFalse();
    }

    @Test
    void pendingAgainClearsErrorAndCompletionButKeepsTheHistory() {
        StageState failed = StageMachine.fail(StageMachine.start(null, T0), "boom", T1);

        StageState again = StageMachine.pend(failed);

        assertThat(again.status()).isEqualTo(StageStatus.PENDING);
        assertThat(again.error()).isNull();
        assertThat(again.completedAt()).isNull();
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.startedAt()).isEqualTo(T0);
    }

    @Test
    void aReviewThatSendsTheScriptBackCountsRevisionsAndKeepsItsNotes() {
        StageState review = StageMachine.complete(null, StageState.empty(), T0);
        StageState details =
                StageState.builder().provider("offline").tokensUsed(10).build();

        StageState once = StageMachine.sendBack(review, details, List.of("shorter hook"));
        StageState twice = StageMachine.sendBack(once, StageState.empty(), List.of("cite a source"));

        assertThat(once.status()).isEqualTo(StageStatus.PENDING);
        assertThat(once.completedAt()).isNull();
        assertThat(once.tokensUsed()).isEqualTo(10);
        assertThat(StageMachine.revisions(once)).isEqualTo(1);
        assertThat(StageMachine.reviewNotes(once.extra())).containsExactly("shorter hook");
        assertThat(StageMachine.revisions(twice)).isEqualTo(2);
        assertThat(StageMachine.reviewNotes(twice.extra())).containsExactly("cite a source");

        StageState passed = StageMachine.passReview(
                twice, StageState.builder().provider("offline").build(), T2);
        assertThat(passed.status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(passed.reviewer()).isEqualTo("system");
        assertThat(passed.refinementPasses()).isEqualTo(2);

        StageState approved = StageMachine.approve(StageMachine.awaitPerson(null), "maria", T2);
        assertThat(approved.status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(approved.reviewer()).isEqualTo("maria");
        assertThat(StageMachine.rewrite(StageMachine.complete(null, StageState.empty(), T0)))
                .extracting(StageState::status, StageState::completedAt)
                .containsExactly(StageStatus.PENDING, null);
    }

    @Test
    void aReviewThatPassesAfterSendingTheScriptBackCostsEveryReviewItTook() {
        StageState first = StageState.builder()
                .provider("offline")
                .costUsd(new BigDecimal("0.0100"))
                .tokensUsed(10)
                .build();
        StageState second = StageState.builder()
                .provider("offline")
                .costUsd(new BigDecimal("0.0200"))
                .tokensUsed(20)
                .build();
        StageState third = StageState.builder()
                .provider("offline")
                .costUsd(new BigDecimal("0.0400"))
                .tokensUsed(40)
                .build();

        StageState once = StageMachine.sendBack(StageMachine.start(null, T0), first, List.of("shorter hook"));
        StageState twice = StageMachine.sendBack(StageMachine.start(once, T1), second, List.of("cite a source"));
        StageState passed = StageMachine.passReview(StageMachine.start(twice, T1), third, T2);

        assertThat(once.costUsd()).isEqualByComparingTo("0.01");
        assertThat(twice.costUsd()).isEqualByComparingTo("0.03");
        assertThat(passed.costUsd()).isEqualByComparingTo("0.07");
        assertThat(passed.tokensUsed()).isEqualTo(70);
        // a review that passes at once costs what it cost
        assertThat(StageMachine.passReview(StageMachine.start(null, T0), third, T2)
                        .costUsd())
                .isEqualByComparingTo("0.04");
        // a person's rejection costs nothing more
        assertThat(StageMachine.sendBack(twice, StageState.empty(), List.of("no"))
                        .costUsd())
                .isEqualByComparingTo("0.03");
    }

    @Test
    void bRollCompletesWithItsLastClipAndAddsTheClipsCosts() {
        StageState planned = StageMachine.planClips(null, 2, T0);
        StageState clip = StageState.builder()
                .provider("runway")
                .costUsd(new BigDecimal("0.50"))
                .build();

        StageState one = StageMachine.clipDone(StageMachine.startClip(planned, T0), 1, clip, T1);
        StageState both = StageMachine.clipDone(one, 0, clip, T2);

        assertThat(one.status()).isEqualTo(StageStatus.RUNNING);
        assertThat(StageMachine.clipsDone(one)).containsExactly(1);
        assertThat(both.status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(both.completedAt()).isEqualTo(T2);
        assertThat(StageMachine.clipsDone(both)).containsExactly(0, 1);
        assertThat(both.costUsd()).isEqualByComparingTo("1.00");
        assertThat(StageMachine.planClips(null, 0, T0))
                .extracting(StageState::status, StageState::completedAt)
                .containsExactly(StageStatus.SKIPPED, T0);
        assertThat(StageMachine.planClips(
                                both.toBuilder().status(StageStatus.RUNNING).build(), 2, T0)
                        .status())
                .isEqualTo(StageStatus.RUNNING);
    }

    @Test
    void cancellingStopsWhatIsNotFinished() {
        assertThat(StageMachine.cancellable(StageMachine.start(null, T0))).isTrue();
        assertThat(StageMachine.cancellable(StageMachine.awaitPerson(null))).isTrue();
        assertThat(StageMachine.cancellable(StageMachine.pend(null))).isTrue();
        assertThat(StageMachine.cancellable(StageMachine.complete(null, StageState.empty(), T0)))
                .isFalse();
        assertThat(StageMachine.cancellable(null)).isFalse();
        assertThat(StageMachine.cancel(StageMachine.start(null, T0)).status()).isEqualTo(StageStatus.CANCELLED);
    }

    @Test
    void aPatchSetsOnlyItsSetFieldsAndMergesExtraKeys() {
        StageState entry = StageState.builder()
                .status(StageStatus.RUNNING)
                .provider("a")
                .jobId("1")
                .extra("x", 1)
                .extra("y", 2)
                .build();

        StageState merged = StageMachine.merge(
                entry,
                StageState.builder().jobId("2").extra("y", 3).extra("z", 4).build());

        assertThat(merged.status()).isEqualTo(StageStatus.RUNNING);
        assertThat(merged.provider()).isEqualTo("a");
        assertThat(merged.jobId()).isEqualTo("2");
        assertThat(merged.extra()).containsEntry("x", 1).containsEntry("y", 3).containsEntry("z", 4);
        assertThat(StageMachine.merge(null, merged)).isEqualTo(merged);
    }
}
