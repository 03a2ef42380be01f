package io.acog.providers.pexels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The clips this JVM chose lately, with their files' links, so that the poll right after a submit
 * downloads without asking Pexels for the video again: one request fewer of the account's 200 an
 * hour. A poll in another JVM, or one that comes later than {@link #KEPT}, or after a failed
 * download, looks the video up for fresh links instead. Bounded; thread-safe.
 */
final class RecentChoices {

    /** How long a search's links are used: Pexels' links do not change over the short term. */
    static final Duration KEPT = Duration.ofHours(1);

    /** The most choices kept: clips polled at once by one JVM are far fewer. */
    static final int CAPACITY = 512;

    private record Chosen(ClipChoice choice, Instant at) {}

    private final Clock clock;
    private final Map<String, Chosen> chosen = new LinkedHashMap<>();

    RecentChoices(Clock clock) {
        this.clock = clock;
    }

    /**
     * Keeps a choice, forgetting the oldest beyond {@link #CAPACITY}.
     *
     * @param choice the clip chosen
     */
    synchronized void keep(ClipChoice choice) {
        chosen.remove(choice.taskId());
        chosen.put(choice.taskId(), new Chosen(choice, clock.instant()));
        while (chosen.size() > CAPACITY) {
            chosen.remove(chosen.keySet().iterator().next());
        }
    }

    /**
     * Returns a choice kept less than {@link #KEPT} ago.
     *
     * @param taskId its task id
     * @return the choice, or empty
     */
    synchronized Optional<ClipChoice> recent(String taskId) {
        Chosen found = chosen.get(taskId);
        if (found == null || found.at().plus(KEPT).isBefore(clock.instant())) {
            chosen.remove(taskId);
            return Optional.empty();
        }
        return Optional.of(found.choice());
    }

    /**
     * Forgets a choice: its clip was downloaded, or its link failed.
     *
     * @param taskId its task id
     */
    synchronized void forget(String taskId) {
        chosen.remove(taskId);
    }
}
