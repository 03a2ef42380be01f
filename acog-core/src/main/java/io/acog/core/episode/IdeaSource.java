package io.acog.core.episode;

import io.acog.core.internal.Labels;

/** Where an episode's idea came from ({@code episodes.idea_source}). */
public enum IdeaSource {
    /** Entered by a person. */
    MANUAL,
    /** A trend signal: the episode links its pulse event. */
    PULSE,
    /** Part of a series: the episode links the one it continues. */
    SERIES,
    /** A follow-up: the episode links the one it follows. */
    FOLLOWUP,
    /** Repurposed content: the episode links its source. */
    REPURPOSE;

    /**
     * Returns the source as stored, e.g. {@code "followup"}.
     *
     * @return the label
     */
    public String label() {
        return Labels.of(this);
    }

    /**
     * Returns the source with this label.
     *
     * @param label the source as stored, e.g. {@code "pulse"}
     * @return the source
     * @throws IllegalArgumentException naming the label and the ones allowed
     */
    public static IdeaSource fromLabel(String label) {
        return Labels.parse(IdeaSource.class, label);
    }
}
