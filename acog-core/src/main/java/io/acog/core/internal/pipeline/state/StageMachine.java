package io.acog.core.internal.pipeline.state;

import io.acog.core.episode.StageState;
import io.acog.core.episode.StageStatus;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one definition of how a stage's entry in {@code pipeline_state} changes: begun, completed,
 * failed, waiting for a retry or a person, sent back, cancelled, and merged with a patch. Pure
 * functions of an entry (null when the stage has none yet) and the time; the episode repository
 * and the pipeline both apply them under the episode's row lock.
 *
 * <p>Besides the seed's keys, the pipeline keeps its own bookkeeping in an entry's extra keys: how
 * many b-roll clips the script asks for and which are done, how often a script review sent the
 * script back and with which notes.
 */
public final class StageMachine {

    /** How many b-roll clips the script asks for. */
    public static final String CLIPS_TOTAL = "clips_total";
    /** The indexes of the b-roll clips stored so far. */
    public static final String CLIPS_DONE = "clips_done";
    /** How often a review sent the script back. */
    public static final String REVISIONS = "revisions";
    /** What the last review asked the writer to change. */
    public static final String REVIEW_NOTES = "review_notes";

    private StageMachine() {}

    /** The patch's set fields over the entry's; extra keys merged the same way. */
    public static StageState merge(StageState entry, StageState patch) {
        if (entry == null) {
            return patch;
        }
        StageState.Builder merged = entry.toBuilder();
        if (patch.status() != null) {
            merged.status(patch.status());
        }
        if (patch.startedAt() != null) {
            merged.startedAt(patch.startedAt());
        }
        if (patch.completedAt() != null) {
            merged.completedAt(patch.completedAt());
        }
        if (patch.attempts() != null) {
            merged.attempts(patch.attempts());
        }
        if (patch.error() != null) {
            merged.error(patch.error());
        }
        if (patch.provider() != null) {
            merged.provider(patch.provider());
        }
        if (patch.jobId() != null) {
            merged.jobId(patch.jobId());
        }
        if (patch.modelUsed() != null) {
            merged.modelUsed(patch.modelUsed());
        }
        if (patch.tokensUsed() != null) {
            merged.tokensUsed(patch.tokensUsed());
        }
        if (patch.costUsd() != null) {
            merged.costUsd(patch.costUsd());
        }
        if (patch.refinementPasses() != null) {
            merged.refinementPasses(patch.refinementPasses());
        }
        if (patch.reviewer() != null) {
            merged.reviewer(patch.reviewer());
        }
        patch.extra().forEach(merged::extra);
        return merged.build();
    }

    /** Begun at {@code now}: running, one attempt more, the last error and completion cleared. */
    public static StageState start(StageState entry, OffsetDateTime now) {
        return begun(entry)
                .status(StageStatus.RUNNING)
                .startedAt(now)
                .attempts(attempts(entry) + 1)
                .build();
    }

    /**
     * A b-roll clip begun: the stage runs as clips, so it started with its first clip and counts
     * no attempts of its own.
     */
    public static StageState startClip(StageState entry, OffsetDateTime now) {
        OffsetDateTime started = entry != null && entry.startedAt() != null ? entry.startedAt() : now;
        return begun(entry).status(StageStatus.RUNNING).startedAt(started).build();
    }

    /** Completed at {@code now} with the details' set fields (provider, cost, ...); no error. */
    public static StageState complete(StageState entry, StageState details, OffsetDateTime now) {
        return merge(
                without(entry, true, false),
                details.toBuilder()
                        .status(StageStatus.COMPLETED)
                        .completedAt(now)
                        .build());
    }

    /** Failed for good at {@code now} with {@code error}. */
    public static StageState fail(StageState entry, String error, OffsetDateTime now) {
        return merge(
                entry,
                StageState.builder()
                        .status(StageStatus.FAILED)
                        .completedAt(now)
                        .error(error)
                        .build());
    }

    /** Failed, and waiting to be tried again: pending, with the error. */
    public static StageState awaitRetry(StageState entry, String error) {
        return merge(
                entry,
                StageState.builder().status(StageStatus.PENDING).error(error).build());
    }

    /** About to be run (again): pending, the last error and completion cleared. */
    public static StageState pend(StageState entry) {
        return merge(
                without(entry, true, true),
                StageState.builder().status(StageStatus.PENDING).build());
    }

    /** Waiting for a person (a script in manual review). */
    public static StageState awaitPerson(StageState entry) {
        return merge(entry, StageState.builder().status(StageStatus.WAITING).build());
    }

    /** Stopped with its episode. */
    public static StageState cancel(StageState entry) {
        return merge(entry, StageState.builder().status(StageStatus.CANCELLED).build());
    }

    /** Whether the stage would be stopped by a cancel: not finished one way or another. */
    public static boolean cancellable(StageState entry) {
        return entry != null
                && (entry.status() == StageStatus.RUNNING
                        || entry.status() == StageStatus.PENDING
                        || entry.status() == StageStatus.WAITING);
    }

    /** Whether a retry of its episode runs the stage again: it failed or was cancelled. */
    public static boolean retryable(StageState entry) {
        return entry != null && (entry.status() == StageStatus.FAILED || entry.status() == StageStatus.CANCELLED);
    }

    /** A script approved by {@code reviewer} at {@code now}. */
    public static StageState approve(StageState review, String reviewer, OffsetDateTime now) {
        return complete(review, StageState.builder().reviewer(reviewer).build(), now);
    }

    /**
     * A script review that passed on its own: completed, by the system, counting the revisions it
     * took, and costing every review it took (see {@link #sendBack}).
     */
    public static StageState passReview(StageState review, StageState details, OffsetDateTime now) {
        return complete(
                review,
                withEarlierReviews(review, details).toBuilder()
                        .reviewer("system")
                        .refinementPasses(revisions(review))
                        .build(),
                now);
    }

    /**
     * A script sent back: the review waits for the next script (one revision more, with the notes);
     * the details of the review that sent it back are kept, its cost and tokens added to those of
     * the reviews that sent it back before.
     */
    public static StageState sendBack(StageState review, StageState details, List<String> notes) {
        return merge(
                without(merge(review, withEarlierReviews(review, details)), false, true),
                StageState.builder()
                        .status(StageStatus.PENDING)
                        .extra(REVISIONS, revisions(review) + 1)
                        .extra(REVIEW_NOTES, List.copyOf(notes))
                        .build());
    }

    /** Scripting to run again after a review sent the script back. */
    public static StageState rewrite(StageState scripting) {
        return merge(
                without(scripting, false, true),
                StageState.builder().status(StageStatus.PENDING).build());
    }

    /** How often a review sent the script back. */
    public static int revisions(StageState review) {
        Object revisions = review == null ? null : review.extra().get(REVISIONS);
        return revisions instanceof Number number ? number.intValue() : 0;
    }

    /**
     * B-roll about to run as {@code total} clips: skipped (done at {@code now}) when there are none;
     * else running if a clip is, pending otherwise.
     */
    public static StageState planClips(StageState broll, int total, OffsetDateTime now) {
        if (total == 0) {
            return merge(
                    broll,
                    StageState.builder()
                            .status(StageStatus.SKIPPED)
                            .completedAt(now)
                            .extra(CLIPS_TOTAL, 0)
                            .build());
        }
        StageStatus status =
                broll != null && broll.status() == StageStatus.RUNNING ? StageStatus.RUNNING : StageStatus.PENDING;
        return merge(
                broll,
                StageState.builder().status(status).extra(CLIPS_TOTAL, total).build());
    }

    /**
     * One b-roll clip stored: its index recorded, its cost added to the stage's; the stage
     * completes at {@code now} with its last clip.
     */
    public static StageState clipDone(StageState broll, int clip, StageState details, OffsetDateTime now) {
        TreeSet<Integer> done = new TreeSet<>(clipsDone(broll));
        done.add(clip);
        StageState patch = details.toBuilder()
                .extra(CLIPS_DONE, new ArrayList<>(done))
                .costUsd(sum(broll == null ? null : broll.costUsd(), details.costUsd()))
                .build();
        Object total = broll == null ? null : broll.extra().get(CLIPS_TOTAL);
        if (total instanceof Number number && done.size() >= number.intValue()) {
            return complete(broll, patch, now);
        }
        return merge(broll, patch);
    }

    /** The indexes of the b-roll clips stored so far. */
    public static List<Integer> clipsDone(StageState broll) {
        Object done = broll == null ? null : broll.extra().get(CLIPS_DONE);
        List<Integer> indexes = new ArrayList<>();
        if (done instanceof List<?> list) {
            for (Object index : list) {
                indexes.add(((Number) index).intValue());
            }
        }
        return indexes;
    }

    /** The review notes the entry holds (scripting's input after a review sent it back). */
    public static List<String> reviewNotes(Map<String, Object> extra) {
        Object notes = extra.get(REVIEW_NOTES);
        List<String> texts = new ArrayList<>();
        if (notes instanceof List<?> list) {
            list.forEach(note -> texts.add(String.valueOf(note)));
        }
        return texts;
    }

    private static StageState.Builder begun(StageState entry) {
        StageState cleared = without(entry, true, true);
        return cleared == null ? StageState.builder() : cleared.toBuilder();
    }

    private static int attempts(StageState entry) {
        return entry == null || entry.attempts() == null ? 0 : entry.attempts();
    }

    /** The entry with its error and/or completion time removed. */
    private static StageState without(StageState entry, boolean error, boolean completedAt) {
        if (entry == null) {
            return null;
        }
        StageState.Builder builder = entry.toBuilder();
        if (error) {
            builder.error(null);
        }
        if (completedAt) {
            builder.completedAt(null);
        }
        return builder.build();
    }

    /**
     * A review's details with the cost and tokens of the reviews that sent the script back before
     * it added: each was paid for (its job completed with its cost), but only the review that
     * passes completes the stage, so the stage's entry, and the completion listeners hear, carry
     * them all, as b-roll's carries all its clips.
     */
    private static StageState withEarlierReviews(StageState review, StageState details) {
        if (revisions(review) == 0) {
            return details;
        }
        Integer tokens = review.tokensUsed() == null
                ? details.tokensUsed()
                : details.tokensUsed() == null ? review.tokensUsed() : review.tokensUsed() + details.tokensUsed();
        return details.toBuilder()
                .costUsd(sum(review.costUsd(), details.costUsd()))
                .tokensUsed(tokens)
                .build();
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }
}
