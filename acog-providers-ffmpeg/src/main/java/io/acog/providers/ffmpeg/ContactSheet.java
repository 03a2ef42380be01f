package io.acog.providers.ffmpeg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A PNG of frames of a video, tiled four to a row, each {@value #FRAME_WIDTH} pixels wide with its
 * time drawn on it: a look at a whole video at once (the demo writes one beside the final video,
 * with a frame from the middle of each cut).
 */
public final class ContactSheet {

    /** The width of each frame in the sheet, in pixels. */
    public static final int FRAME_WIDTH = 320;

    /** Frames per row. */
    public static final int COLUMNS = 4;

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private ContactSheet() {}

    /**
     * Writes the frames of {@code video} at {@code timesMs}, in the order given, to {@code png}.
     * Seeks to each time rather than decoding the whole video, so it is quick however long the
     * video is. A time past the video's end gives no frame. Thread-safe.
     *
     * @param ffmpeg the ffmpeg to run
     * @param font the TrueType font to draw the times with, e.g. {@link Fonts#locate}
     * @param video the video
     * @param timesMs where to take frames, in milliseconds from the start; at least one
     * @param png where to write the sheet; replaced if it exists
     * @throws IllegalArgumentException when no time is given or one is negative
     * @throws FfmpegException when ffmpeg fails, with the end of its log
     */
    public static void write(Ffmpeg ffmpeg, Path font, Path video, List<Long> timesMs, Path png) {
        Objects.requireNonNull(video, "video");
        if (timesMs.isEmpty() || timesMs.stream().anyMatch(ms -> ms < 0)) {
            throw new IllegalArgumentException(
                    "a contact sheet needs one or more times of 0 ms or more, not " + timesMs);
        }
        List<String> arguments = new ArrayList<>();
        List<String> chains = new ArrayList<>();
        StringBuilder frames = new StringBuilder();
        for (int i = 0; i < timesMs.size(); i++) {
            long ms = timesMs.get(i);
            arguments.addAll(List.of(
                    "-ss", FilterText.millis(ms), "-i", video.toAbsolutePath().toString()));
            chains.add("[" + i + ":v]trim=end_frame=1,scale=" + FRAME_WIDTH
                    + ":-2,setsar=1,format=yuv420p,drawtext=fontfile="
                    + FilterText.value(font) + ":expansion=none:text=" + FilterText.value(label(ms))
                    + ":fontsize=18:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=4:x=6:y=6[frame" + i + "]");
            frames.append("[frame").append(i).append(']');
        }
        int rows = (timesMs.size() + COLUMNS - 1) / COLUMNS;
        chains.add(frames + "concat=n=" + timesMs.size() + ":v=1:a=0,tile=" + COLUMNS + "x" + rows
                + ":padding=4:margin=4:color=0x202020[sheet]");
        arguments.addAll(List.of(
                "-filter_complex",
                String.join(";", chains),
                "-map",
                "[sheet]",
                "-frames:v",
                "1",
                "-y",
                png.toAbsolutePath().toString()));
        ffmpeg.run(arguments, TIMEOUT, null);
        if (!Files.isRegularFile(png)) {
            throw new FfmpegException(
                    "ffmpeg wrote no contact sheet of " + video + ": no frame at " + timesMs, 0, null);
        }
    }

    /** {@code 83450} ms is {@code 1:23.4}. */
    static String label(long ms) {
        return String.format(Locale.ROOT, "%d:%02d.%d", ms / 60_000, ms / 1000 % 60, ms / 100 % 10);
    }
}
