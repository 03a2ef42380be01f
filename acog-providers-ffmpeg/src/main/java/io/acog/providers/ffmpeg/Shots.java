package io.acog.providers.ffmpeg;

import io.acog.spi.Timeline;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline's cuts as whole frames of the output: what the graph shows, shot after shot.
 *
 * <p>Each cut's boundaries are rounded to frames on the narration's clock (not its length on its
 * own), so the shots add up to the narration's length in frames however many cuts there are. A cut
 * that gets no frame (a segment that speaks no words, or one shorter than half a frame) is
 * skipped.
 *
 * <p>A crossfade starts where a shot's cut ends: the shot before runs on for the fade's frames
 * under the next one, so each shot appears at its cut's start and the whole still matches the
 * narration frame for frame.
 */
final class Shots {

    /** How long a crossfade between two shots lasts, unless the next shot is shorter. */
    static final long CROSSFADE_MS = 250;

    private Shots() {}

    /**
     * One shot of the video.
     *
     * @param cut the timeline's cut it shows
     * @param startFrame where it starts in the output, in frames
     * @param frames how many frames its cut spans
     * @param fadeFrames how many frames longer it runs, under the crossfade into the next shot; 0
     *     for the last
     */
    record Shot(Timeline.Cut cut, long startFrame, long frames, long fadeFrames) {

        /** Frames the shot's stream must deliver: its own and those under the fade. */
        long streamFrames() {
            return frames + fadeFrames;
        }
    }

    /**
     * The shots of {@code timeline} at {@code fps}. A timeline without cuts (or with none long
     * enough for a frame) gets one still shot covering it all, with no text of its own.
     */
    static List<Shot> of(Timeline timeline, int fps) {
        List<Timeline.Cut> visible = new ArrayList<>();
        for (Timeline.Cut cut : timeline.cuts()) {
            if (frameAt(cut.endMs(), fps) > frameAt(cut.startMs(), fps)) {
                visible.add(cut);
            }
        }
        if (visible.isEmpty() && frameAt(timeline.durationMs(), fps) > 0) {
            visible.add(new Timeline.Cut(0, Timeline.Source.STILL, 0, timeline.durationMs(), -1, 0, ""));
        }
        long crossfade = Math.max(1, frameAt(CROSSFADE_MS, fps));
        List<Shot> shots = new ArrayList<>(visible.size());
        for (int i = 0; i < visible.size(); i++) {
            Timeline.Cut cut = visible.get(i);
            long start = frameAt(cut.startMs(), fps);
            long frames = frameAt(cut.endMs(), fps) - start;
            long fade = 0;
            if (i + 1 < visible.size()) {
                Timeline.Cut next = visible.get(i + 1);
                fade = Math.min(crossfade, frameAt(next.endMs(), fps) - frameAt(next.startMs(), fps));
            }
            shots.add(new Shot(cut, start, frames, fade));
        }
        return shots;
    }

    /** The frame nearest {@code ms}: frame {@code n} covers {@code n/fps} seconds on. */
    static long frameAt(long ms, int fps) {
        return (ms * fps + 500) / 1000;
    }
}
