package io.acog.core.internal.pipeline.commit;

import io.acog.core.episode.PipelineState;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipeline states this pipeline last wrote, by episode, each with the version of the row that
 * holds it ({@code xmin:ctid}: the writing transaction and the row version's place, which together
 * name one version of a row). Locking a row whose version is still the one known here skips
 * reading and parsing its state: every stage of every episode locks its row, and mostly the state
 * there is the one this pipeline wrote at the previous stage. A row changed since (by another
 * node, another path, a rolled-back write) has another version, and its state is read as usual.
 * Thread-safe; bounded.
 */
public final class KnownStates {

    /** How many episodes' states are kept; past this, all are forgotten at once. */
    static final int MAX_EPISODES = 20_000;

    /** A state as written, and the row version that holds it. */
    record Known(String version, PipelineState state) {}

    private final Map<UUID, Known> known = new ConcurrentHashMap<>();

    /** The state known for the episode, with its row version; null when none is. */
    Known get(UUID episodeId) {
        return known.get(episodeId);
    }

    /** A row a transaction wrote: its new version and state, and whether its episode ended. */
    record Written(UUID episodeId, String version, PipelineState state, boolean ended) {}

    /** Takes note of the rows a transaction wrote, once it committed. */
    void remember(List<Written> rows) {
        for (Written row : rows) {
            if (row.ended()) {
                forget(row.episodeId());
            } else {
                wrote(row.episodeId(), row.version(), row.state());
            }
        }
    }

    /** The episode's row now holds {@code state} as {@code version}. */
    void wrote(UUID episodeId, String version, PipelineState state) {
        if (known.size() >= MAX_EPISODES) {
            known.clear();
        }
        known.put(episodeId, new Known(version, state));
    }

    /** Forgets the episode (it ended: its state is not written by the pipeline again). */
    void forget(UUID episodeId) {
        known.remove(episodeId);
    }

    int size() {
        return known.size();
    }
}
