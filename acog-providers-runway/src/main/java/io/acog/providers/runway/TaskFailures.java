package io.acog.providers.runway;

import io.acog.spi.RenderProgress;

/**
 * What a task that Runway gave up on means for ACOG, by its {@code failureCode} as Runway's "task
 * failures" page documents the codes:
 *
 * <ul>
 *   <li>{@code SAFETY.INPUT.*}, {@code SAFETY.OUTPUT.*}: content moderation rejected the prompt or
 *       the video. Permanent: Runway says not to retry these, and an account with too many
 *       moderated requests is suspended. The description has to change.
 *   <li>{@code INPUT_PREPROCESSING.SAFETY.*}: the prompt text was rejected by moderation before
 *       generating. Permanent.
 *   <li>{@code INPUT_PREPROCESSING.INTERNAL}: moderation itself failed to run. Retryable.
 *   <li>Any other {@code INPUT_PREPROCESSING.*}, and {@code ASSET.INVALID} (and {@code ASSET.*}):
 *       the input cannot be used. Permanent.
 *   <li>{@code INTERNAL.BAD_OUTPUT.*}: Runway rejected its own output for quality. Retryable
 *       (Runway: "may retry, but not likely to succeed"; ACOG's attempts bound it).
 *   <li>{@code INTERNAL} and any other {@code INTERNAL.*}: a failure on Runway's side. Retryable.
 *   <li>No code, or one not documented: retryable, as ACOG's attempts bound it and a code Runway
 *       adds later is more likely a new kind of internal failure than a verdict on the prompt.
 * </ul>
 *
 * A task {@code CANCELLED} at Runway (by someone, or deleted) is a permanent failure.
 */
final class TaskFailures {

    private TaskFailures() {}

    /**
     * Returns the failure of a task Runway reports {@code FAILED}.
     *
     * @param code its {@code failureCode}; null when it gave none
     * @param failure its {@code failure}, the reason in words, already cut short and scrubbed
     * @return the failure, with the code and whether a new task may succeed
     */
    static RenderProgress.Failed failed(String code, String failure) {
        String reason = failure == null || failure.isBlank() ? "no reason given" : failure;
        if (code == null || code.isBlank()) {
            return new RenderProgress.Failed(null, "Runway's task failed without a code: " + reason, true);
        }
        if (code.startsWith("SAFETY.") || code.startsWith("INPUT_PREPROCESSING.SAFETY")) {
            return new RenderProgress.Failed(
                    code,
                    "Runway's content moderation rejected the clip (" + code + "): " + reason
                            + "; change the [BROLL:…] description rather than resubmitting it: Runway suspends"
                            + " accounts with too many moderated requests",
                    false);
        }
        if (code.equals("INPUT_PREPROCESSING.INTERNAL")) {
            return new RenderProgress.Failed(
                    code, "Runway could not run its content moderation (" + code + "): " + reason, true);
        }
        if (code.startsWith("INPUT_PREPROCESSING.") || code.startsWith("ASSET.")) {
            return new RenderProgress.Failed(
                    code, "Runway could not use the request's input (" + code + "): " + reason, false);
        }
        if (code.startsWith("INTERNAL.BAD_OUTPUT")) {
            return new RenderProgress.Failed(
                    code,
                    "Runway rejected its own output for quality (" + code + "): " + reason
                            + "; a new task may succeed, though Runway says it often does not",
                    true);
        }
        if (code.equals("INTERNAL") || code.startsWith("INTERNAL.")) {
            return new RenderProgress.Failed(code, "Runway failed on its side (" + code + "): " + reason, true);
        }
        return new RenderProgress.Failed(code, "Runway's task failed (" + code + "): " + reason, true);
    }

    /**
     * Returns the failure of a task Runway reports {@code CANCELLED}.
     *
     * @return a permanent failure: someone stopped (or deleted) the task at Runway
     */
    static RenderProgress.Failed cancelled() {
        return new RenderProgress.Failed(
                "CANCELLED",
                "the task was cancelled at Runway (stopped or deleted there, outside this episode's pipeline)",
                false);
    }
}
