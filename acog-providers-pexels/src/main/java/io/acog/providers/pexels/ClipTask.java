package io.acog.providers.pexels;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chosen clip, as its task id names it to ACOG: {@code <video id>:<file id>}. ACOG stores the id
 * with the job, so a poll in any worker (another JVM, after a restart) finds the file again by
 * asking Pexels for the video. Nothing renders at Pexels: the "task" is the choice.
 *
 * @param videoId Pexels' id of the video
 * @param fileId Pexels' id of the file chosen among the video's
 */
record ClipTask(long videoId, long fileId) {

    private static final Pattern ID = Pattern.compile("(\\d{1,18}):(\\d{1,18})");

    /**
     * Returns the task id.
     *
     * @return {@code <video id>:<file id>}
     */
    String id() {
        return videoId + ":" + fileId;
    }

    /**
     * Reads a task id.
     *
     * @param taskId what {@link #id()} returned
     * @return the task, or empty when it is not one
     */
    static Optional<ClipTask> parse(String taskId) {
        Matcher matcher = taskId == null ? null : ID.matcher(taskId);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ClipTask(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))));
    }
}
