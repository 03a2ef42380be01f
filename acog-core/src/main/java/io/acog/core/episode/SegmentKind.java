package io.acog.core.episode;

/** What the viewer sees while a script segment is spoken. */
public enum SegmentKind {
    /** The presenter on camera: {@code [AVATAR]}. */
    AVATAR("[AVATAR]"),
    /** Narration over the channel's generic visuals: {@code [VOICEOVER]}. */
    VOICEOVER("[VOICEOVER]"),
    /** Narration over a generated clip of what the marker describes: {@code [BROLL:description]}. */
    BROLL("[BROLL:description]");

    private final String marker;

    SegmentKind(String marker) {
        this.marker = marker;
    }

    /**
     * Returns the marker as written in a script, e.g. {@code "[AVATAR]"}.
     *
     * @return the marker
     */
    public String marker() {
        return marker;
    }
}
