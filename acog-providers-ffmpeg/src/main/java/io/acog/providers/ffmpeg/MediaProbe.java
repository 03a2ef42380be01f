package io.acog.providers.ffmpeg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a media file holds, as ffmpeg describes it ({@code ffmpeg -i FILE}; the static builds carry
 * no ffprobe): its length, and its first video and first audio stream. Read it with {@link
 * #probe}; {@link #probeLine()} sums it up in one line.
 *
 * @param file the file described
 * @param durationMs how long it runs, in milliseconds (ffmpeg prints centiseconds); -1 when ffmpeg
 *     does not say
 * @param videoCodec the first video stream's codec, e.g. {@code h264}; null when there is none
 * @param width the first video stream's width in pixels; 0 when there is none
 * @param height the first video stream's height in pixels; 0 when there is none
 * @param fps the first video stream's frame rate; 0 when there is none or ffmpeg does not say
 * @param audioCodec the first audio stream's codec, e.g. {@code aac}; null when there is none
 * @param audioSampleRate the first audio stream's sample rate in Hz; 0 when there is none
 * @param audioStreams how many audio streams the file holds
 */
public record MediaProbe(
        Path file,
        long durationMs,
        String videoCodec,
        int width,
        int height,
        double fps,
        String audioCodec,
        int audioSampleRate,
        int audioStreams) {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final Pattern DURATION = Pattern.compile("^\\s*Duration: (\\d+):(\\d{2}):(\\d{2})\\.(\\d+)");
    private static final Pattern STREAM = Pattern.compile("^\\s*Stream #\\d+:\\d+\\S*: (Video|Audio): (\\w+)(.*)$");
    private static final Pattern SIZE = Pattern.compile("[ ,](\\d{2,5})x(\\d{2,5})(?=[ ,\\[]|$)");
    private static final Pattern FPS = Pattern.compile(", ([\\d.]+)(k?) (fps|tbr)");
    private static final Pattern SAMPLE_RATE = Pattern.compile(", (\\d+) Hz");

    /**
     * Checks the file's path.
     *
     * @param file the file described
     * @param durationMs how long it runs, in milliseconds; -1 when unknown
     * @param videoCodec the first video stream's codec; null when there is none
     * @param width the first video stream's width in pixels
     * @param height the first video stream's height in pixels
     * @param fps the first video stream's frame rate
     * @param audioCodec the first audio stream's codec; null when there is none
     * @param audioSampleRate the first audio stream's sample rate in Hz
     * @param audioStreams how many audio streams the file holds
     * @throws NullPointerException when {@code file} is null
     */
    public MediaProbe {
        Objects.requireNonNull(file, "file");
    }

    /**
     * Describes {@code file} with {@code ffmpeg -hide_banner -i FILE}. Runs one short ffmpeg;
     * thread-safe.
     *
     * @param ffmpeg the ffmpeg to ask
     * @param file the media file
     * @return what the file holds
     * @throws IllegalArgumentException when ffmpeg cannot read the file as media, with what it said
     * @throws FfmpegException when ffmpeg does not run
     */
    public static MediaProbe probe(Ffmpeg ffmpeg, Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a file");
        }
        List<String> log = ffmpeg.log(List.of("-i", file.toAbsolutePath().toString()), TIMEOUT);
        MediaProbe probe = parse(file, log);
        if (probe == null) {
            throw new IllegalArgumentException("ffmpeg cannot read " + file + " as media: " + complaint(log));
        }
        return probe;
    }

    /**
     * Reads what ffmpeg printed about its first input; null when it printed no input (it could not
     * open the file).
     */
    static MediaProbe parse(Path file, List<String> log) {
        boolean input = false;
        long durationMs = -1;
        String videoCodec = null;
        int width = 0;
        int height = 0;
        double fps = 0;
        String audioCodec = null;
        int sampleRate = 0;
        int audioStreams = 0;
        for (String line : log) {
            if (line.startsWith("Input #")) {
                if (input) {
                    break; // a second input: this one is described
                }
                input = true;
                continue;
            }
            Matcher duration = DURATION.matcher(line);
            if (input && duration.find()) {
                String fraction = (duration.group(4) + "00").substring(0, 3);
                durationMs = ((Long.parseLong(duration.group(1)) * 60 + Long.parseLong(duration.group(2))) * 60
                                        + Long.parseLong(duration.group(3)))
                                * 1000
                        + Long.parseLong(fraction);
                continue;
            }
            Matcher stream = STREAM.matcher(line);
            if (!input || !stream.find()) {
                continue;
            }
            String details = stream.group(3);
            if (stream.group(1).equals("Video") && videoCodec == null && !details.contains("(attached pic)")) {
                videoCodec = stream.group(2);
                Matcher size = SIZE.matcher(details);
                if (size.find()) {
                    width = Integer.parseInt(size.group(1));
                    height = Integer.parseInt(size.group(2));
                }
                Matcher rate = FPS.matcher(details);
                if (rate.find()) {
                    fps = Double.parseDouble(rate.group(1)) * (rate.group(2).isEmpty() ? 1 : 1000);
                }
            } else if (stream.group(1).equals("Audio")) {
                audioStreams++;
                if (audioCodec == null) {
                    audioCodec = stream.group(2);
                    Matcher rate = SAMPLE_RATE.matcher(details);
                    sampleRate = rate.find() ? Integer.parseInt(rate.group(1)) : 0;
                }
            }
        }
        return input
                ? new MediaProbe(file, durationMs, videoCodec, width, height, fps, audioCodec, sampleRate, audioStreams)
                : null;
    }

    /** The line of ffmpeg's log that says why it could not read its input. */
    static String complaint(List<String> log) {
        return log.stream()
                .filter(line -> !line.startsWith("At least one output file must be specified"))
                .reduce((first, second) -> second)
                .orElse("(nothing)")
                .strip();
    }

    /**
     * Tells whether the file has a video stream.
     *
     * @return whether {@link #videoCodec()} is known
     */
    public boolean hasVideo() {
        return videoCodec != null;
    }

    /**
     * Tells whether the file has an audio stream.
     *
     * @return whether {@link #audioCodec()} is known
     */
    public boolean hasAudio() {
        return audioCodec != null;
    }

    /**
     * Sums the file up in one line, e.g. {@code final.mp4: 12.345 s, 1920x1080 h264 30 fps, aac
     * 48000 Hz}.
     *
     * @return the summary
     */
    public String probeLine() {
        StringBuilder line = new StringBuilder(file.getFileName().toString()).append(": ");
        line.append(durationMs < 0 ? "unknown length" : FilterText.millis(durationMs) + " s");
        if (hasVideo()) {
            line.append(", ")
                    .append(width)
                    .append('x')
                    .append(height)
                    .append(' ')
                    .append(videoCodec);
            if (fps > 0) {
                line.append(' ')
                        .append(FilterText.number(Math.round(fps * 100) / 100.0))
                        .append(" fps");
            }
        }
        if (hasAudio()) {
            line.append(", ")
                    .append(audioCodec)
                    .append(' ')
                    .append(audioSampleRate)
                    .append(" Hz");
            if (audioStreams > 1) {
                line.append(String.format(Locale.ROOT, " (%d audio streams)", audioStreams));
            }
        }
        return line.toString();
    }
}
