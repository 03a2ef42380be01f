package io.acog.core.episode;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where one pipeline stage of an episode stands, as {@code pipeline_state[stage].status}. */
public enum StageStatus {
    PENDING, RUNNING, COMPLETED, FAILED, SKIPPED, CANCELLED,
    /** Waiting for a person: a script in manual review. */
    WAITING;

    /** The JSON label, e.g. {@code "completed"}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static StageStatus fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
