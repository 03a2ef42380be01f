package io.acog.core.pulse;

/** How {@link PulseEventRepository#searchByTags} combines the tags it is given. */
public enum TagMatch {
    /** Events with at least one of the tags (array overlap, {@code &&}). */
    ANY,
    /** Events with all of the tags (array containment, {@code @>}). */
    ALL
}
