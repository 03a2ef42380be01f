package io.acog.core.episode;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The episode life cycle: which {@link EpisodeStatus} may follow which. The one definition the
 * repository, the pipeline and host applications share.
 *
 * <pre>
 * idea → planning → scripting → script_review → audio → avatar → broll → assembly → ready
 *      → publishing → published
 * any active status → failed | cancelled        script_review → scripting (rejected)
 * failed → the status of the failed stage (retry) | cancelled
 * </pre>
 *
 * <p>The forward order is the order of the seed's {@code episode_status} enum. Active means not
 * {@code published}, {@code failed} or {@code cancelled}.
 */
public final class EpisodeLifecycle {

    private static final EpisodeStatus[] ORDER = EpisodeStatus.values();
    private static final Set<EpisodeStatus> ENDS =
            EnumSet.of(EpisodeStatus.PUBLISHED, EpisodeStatus.FAILED, EpisodeStatus.CANCELLED);
    private static final Set<EpisodeStatus> RESUMABLE = EnumSet.of(
            EpisodeStatus.PLANNING,
            EpisodeStatus.SCRIPTING,
            EpisodeStatus.SCRIPT_REVIEW,
            EpisodeStatus.AUDIO,
            EpisodeStatus.AVATAR,
            EpisodeStatus.BROLL,
            EpisodeStatus.ASSEMBLY,
            EpisodeStatus.PUBLISHING);

    private EpisodeLifecycle() {}

    /**
     * Tells whether the episode is still on its way: not published, failed or cancelled.
     *
     * @param status the episode's status
     * @return whether it is active
     */
    public static boolean isActive(EpisodeStatus status) {
        return !ENDS.contains(status);
    }

    /**
     * Returns the status an episode shows while {@code stage} is its earliest unfinished stage: the
     * stage's namesake, except {@code metadata} (no status of its own: it runs after script review,
     * so the episode shows the next one, {@code audio}) and {@code upload} ({@code publishing}).
     *
     * @param stage the stage
     * @return the status
     */
    public static EpisodeStatus statusOf(PipelineStage stage) {
        return switch (stage) {
            case METADATA -> EpisodeStatus.AUDIO;
            case UPLOAD -> EpisodeStatus.PUBLISHING;
            default -> EpisodeStatus.valueOf(stage.name());
        };
    }

    /**
     * Returns every status that may follow {@code from}, whatever the pipeline state.
     *
     * @param from the current status
     * @return the allowed next statuses; empty for {@code published} and {@code cancelled}
     */
    public static Set<EpisodeStatus> next(EpisodeStatus from) {
        EnumSet<EpisodeStatus> next = EnumSet.noneOf(EpisodeStatus.class);
        if (from == EpisodeStatus.FAILED) {
            next.addAll(RESUMABLE);
            next.add(EpisodeStatus.CANCELLED);
        } else if (isActive(from)) {
            next.add(ORDER[from.ordinal() + 1]);
            next.add(EpisodeStatus.FAILED);
            next.add(EpisodeStatus.CANCELLED);
            if (from == EpisodeStatus.SCRIPT_REVIEW) {
                next.add(EpisodeStatus.SCRIPTING);
            }
        }
        return Collections.unmodifiableSet(next);
    }

    /**
     * Tells why {@code from → to} is not allowed for an episode with this pipeline state, or
     * nothing when it is. A failed episode resumes only at the status of its first failed stage,
     * when the pipeline state records one.
     *
     * @param from the current status
     * @param to the wanted status
     * @param state the episode's pipeline state
     * @return the reason, as {@link io.acog.core.InvalidTransitionException} words it, or empty
     *     when allowed
     */
    public static Optional<String> refusal(EpisodeStatus from, EpisodeStatus to, PipelineState state) {
        Set<EpisodeStatus> next = next(from);
        if (!next.contains(to)) {
            return Optional.of(
                    next.isEmpty()
                            ? from.label() + " is final"
                            : "from " + from.label() + " it may go to " + labels(next));
        }
        if (from == EpisodeStatus.FAILED && to != EpisodeStatus.CANCELLED) {
            Optional<PipelineStage> failed = state.firstFailedStage();
            if (failed.isPresent() && statusOf(failed.get()) != to) {
                return Optional.of("its failed stage is " + failed.get().label() + ", so a retry resumes at "
                        + statusOf(failed.get()).label());
            }
        }
        return Optional.empty();
    }

    private static String labels(Set<EpisodeStatus> statuses) {
        StringBuilder labels = new StringBuilder();
        for (EpisodeStatus status : statuses) {
            labels.append(labels.length() == 0 ? "" : ", ").append(status.label());
        }
        return labels.toString();
    }
}
