package io.acog.providers.offline;

import io.acog.providers.ffmpeg.Ffmpeg;
import io.acog.providers.ffmpeg.FfmpegException;
import io.acog.providers.ffmpeg.Fonts;
import io.acog.spi.FileMedia;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderException;
import io.acog.spi.Timeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The real avatar and b-roll videos, made with ffmpeg: H.264 (yuv420p) MP4s at a modest size in
 * the format's aspect ratio, exactly as long as asked, with their text drawn in the bundled font (a
 * fresh machine has none). ffmpeg, the font and a temporary directory are found at the first
 * video, so providers that make none never need them. Thread-safe.
 */
final class FfmpegFootage {

    /** The longer side of every video, in pixels: the assembler scales to the episode's frame. */
    static final int LONG_SIDE = 640;
    /** The most frames a second a video gets: enough for cards and generated visuals, cheap. */
    static final int MAX_FPS = 15;

    private static final String CARD_BACKGROUNDS = "0x1d2b53 0x2b1d3f 0x123d3a 0x3a2412 0x22313f";
    private static final String CARD_BANDS = "0x7e2553 0xab5236 0x008751 0x1e6fb0 0xb0306a";

    private final ProviderConfig config;
    private Tools tools; // guarded by this

    /** What making a video needs, found once. */
    private record Tools(Ffmpeg ffmpeg, Path font, Path directory) {}

    FfmpegFootage(ProviderConfig config) {
        this.config = config;
    }

    /**
     * Makes the presenter's card: the persona's name on a band at the top and, while each window
     * plays (back to back from its {@link Timeline.Cut#sourceOffsetMs()}), its words. A silent AAC
     * track goes with it, as a real render has sound; the assembler lays the narration instead.
     *
     * @param taskId the render's id, naming its files
     * @param presenter the name on the card
     * @param windows the avatar windows, in order
     * @param lengthMs how long the video runs: the windows' total
     * @param format the episode's frame, for the aspect ratio
     */
    FileMedia avatar(String taskId, String presenter, List<Timeline.Cut> windows, long lengthMs, OutputFormat format) {
        Tools tools = tools();
        Frame frame = Frame.of(format);
        try (TextFiles texts = new TextFiles(tools.directory(), taskId)) {
            StringBuilder graph = new StringBuilder("[0:v]drawbox=x=0:y=0:w=iw:h=ih/5:t=fill:color=")
                    .append(pick(CARD_BANDS, presenter));
            graph.append(',')
                    .append(drawtext(
                            tools.font(),
                            texts.write(wrap(presenter, frame.lineCharacters() * 4 / 5, 1)),
                            frame.fontSize() * 5 / 4,
                            "(h/5-text_h)/2",
                            null));
            for (Timeline.Cut window : windows) {
                if (window.lengthMs() <= 0 || window.text().isBlank()) {
                    continue;
                }
                String from = seconds(window.sourceOffsetMs());
                String to = seconds(window.sourceOffsetMs() + window.lengthMs());
                graph.append(',')
                        .append(drawtext(
                                tools.font(),
                                texts.write(wrap(window.text(), frame.lineCharacters(), frame.bodyLines())),
                                frame.fontSize(),
                                "h/5+(h*4/5-text_h)/2",
                                "gte(t," + from + ")*lt(t," + to + ")"));
            }
            graph.append(",format=yuv420p[v]");
            Path video = tools.directory().resolve(taskId + "-avatar.mp4");
            List<String> arguments = new ArrayList<>(List.of(
                    "-f",
                    "lavfi",
                    "-i",
                    "color=c=" + pick(CARD_BACKGROUNDS, presenter) + ":s=" + frame.size() + ":r=" + frame.fps(),
                    "-f",
                    "lavfi",
                    "-i",
                    "anullsrc=r=22050:cl=mono",
                    "-filter_complex",
                    graph.toString(),
                    "-map",
                    "[v]",
                    "-map",
                    "1:a",
                    "-c:a",
                    "aac",
                    "-b:a",
                    "32k"));
            return encode(tools, arguments, lengthMs, video, "avatar.mp4", "avatar video");
        }
    }

    /**
     * Makes a b-roll clip: generated visuals (one of a few of ffmpeg's sources, chosen by the
     * description) with the description drawn at the bottom. No sound, as generators make none.
     *
     * @param taskId the render's id, naming its files
     * @param description the clip's description
     * @param seconds how long the clip runs
     * @param format the episode's frame, for the aspect ratio
     */
    FileMedia clip(String taskId, String description, int seconds, OutputFormat format) {
        Tools tools = tools();
        Frame frame = Frame.of(format);
        try (TextFiles texts = new TextFiles(tools.directory(), taskId)) {
            String graph = drawtext(
                            tools.font(),
                            texts.write(wrap(description, frame.lineCharacters(), 3)),
                            frame.fontSize(),
                            "h-text_h-h/12",
                            null)
                    + ":box=1:boxcolor=black@0.55:boxborderw=10,format=yuv420p";
            Path video = tools.directory().resolve(taskId + "-clip.mp4");
            List<String> arguments =
                    new ArrayList<>(List.of("-f", "lavfi", "-i", visuals(description, frame), "-vf", graph, "-an"));
            return encode(tools, arguments, seconds * 1000L, video, "clip.mp4", "b-roll clip");
        }
    }

    /** Encodes the inputs and filters in {@code arguments} to {@code video}, {@code lengthMs} long. */
    private static FileMedia encode(
            Tools tools, List<String> arguments, long lengthMs, Path video, String fileName, String what) {
        arguments.addAll(List.of(
                "-t",
                seconds(lengthMs),
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-pix_fmt",
                "yuv420p",
                "-movflags",
                "+faststart",
                "-y",
                video.toString()));
        try {
            tools.ffmpeg().run(arguments, Duration.ofMinutes(2).plusMillis(2 * lengthMs), null);
        } catch (FfmpegException e) {
            deleteQuietly(video);
            throw ProviderException.permanent(
                    OfflineProviders.NAME,
                    ProviderException.Reason.INVALID_REQUEST,
                    "ffmpeg could not make the " + what + ": " + e.getMessage());
        }
        return FileMedia.temporary(video, fileName, "video/mp4");
    }

    /** ffmpeg, the font and the directory, found at the first call; a failure is tried again next time. */
    private synchronized Tools tools() {
        if (tools == null) {
            try {
                Ffmpeg ffmpeg = Ffmpeg.locate(config);
                Path font = Fonts.locate(config);
                Path directory = Files.createTempDirectory("acog-offline-");
                directory.toFile().deleteOnExit();
                tools = new Tools(ffmpeg, font, directory);
            } catch (IllegalStateException | IOException | UncheckedIOException e) {
                throw ProviderException.permanent(
                        OfflineProviders.NAME,
                        ProviderException.Reason.INVALID_REQUEST,
                        "cannot make real media (choose OfflineProviders.MediaMode.PLACEHOLDER to make none): "
                                + e.getMessage());
            }
        }
        return tools;
    }

    /** Generated visuals, one of a few sources the description picks, seeded by it too. */
    private static String visuals(String description, Frame frame) {
        int hash = description.hashCode();
        int seed = Math.floorMod(hash >>> 4, 100_000);
        String common = "s=" + frame.size() + ":r=" + frame.fps();
        return switch (Math.floorMod(hash, 5)) {
            case 0 -> "gradients=" + common + ":seed=" + seed + ":speed=0.02";
            case 1 ->
                "cellauto=" + common + ":seed=" + seed + ":rule="
                        + List.of(18, 30, 90, 110, 150).get(seed % 5);
            case 2 ->
                "life=" + common + ":seed=" + seed
                        + ":mold=10:life_color=0xffcc00:death_color=0x102030:mold_color=0x204060";
            case 3 -> "mandelbrot=" + common + ":maxiter=64";
            default -> "testsrc2=" + common;
        };
    }

    /** One drawtext filter: the file's text, centred across, at {@code y}; while {@code enable}, if given. */
    private static String drawtext(Path font, Path text, int fontSize, String y, String enable) {
        return "drawtext=fontfile=" + option(font.toString()) + ":textfile=" + option(text.toString())
                + ":expansion=none:fontcolor=white:fontsize=" + fontSize + ":line_spacing=" + fontSize / 4
                + ":x=(w-text_w)/2:y=" + y + (enable == null ? "" : ":enable=" + option(enable));
    }

    /**
     * A value as a filter's option within a filter graph: escaped for the option parser ({@code \
     * ' :}), then for the graph's parser ({@code \ ' [ ] , ;}), as ffmpeg-filters' "Notes on
     * filtergraph escaping" describes. Paths with a drive's colon or a quote then read right.
     */
    static String option(String value) {
        String forOption = value.replace("\\", "\\\\").replace("'", "\\'").replace(":", "\\:");
        return forOption
                .replace("\\", "\\\\")
                .replace("'", "\\'")
                .replace("[", "\\[")
                .replace("]", "\\]")
                .replace(",", "\\,")
                .replace(";", "\\;");
    }

    /**
     * The words in lines of at most {@code width} characters (a longer word is cut), at most {@code
     * lines} of them, the last ending in an ellipsis when words are left over.
     */
    static String wrap(String text, int width, int lines) {
        List<String> wrapped = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : ToneSpeech.words(text)) {
            while (word.length() > width) {
                flush(line, wrapped);
                wrapped.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                flush(line, wrapped);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        flush(line, wrapped);
        if (wrapped.size() > lines) {
            List<String> kept = new ArrayList<>(wrapped.subList(0, lines));
            kept.set(lines - 1, kept.get(lines - 1) + "…");
            wrapped = kept;
        }
        return String.join("\n", wrapped);
    }

    private static void flush(StringBuilder line, List<String> lines) {
        if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }

    private static String pick(String choices, String key) {
        String[] each = choices.split(" ");
        return each[Math.floorMod(key.hashCode(), each.length)];
    }

    /** Milliseconds as ffmpeg's seconds, e.g. {@code 3.217}. */
    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    /**
     * The frame a video is made in: the format's aspect ratio with its longer side {@link
     * #LONG_SIDE}, at most {@link #MAX_FPS} frames a second, and text sized to it.
     */
    record Frame(int width, int height, int fps) {

        static Frame of(OutputFormat format) {
            double scale = (double) LONG_SIDE / Math.max(format.width(), format.height());
            return new Frame(
                    even(format.width() * scale), even(format.height() * scale), Math.min(format.fps(), MAX_FPS));
        }

        private static int even(double side) {
            return Math.max(16, 2 * (int) Math.round(side / 2));
        }

        String size() {
            return width + "x" + height;
        }

        /** How many characters a line of text holds: fewer across a portrait frame. */
        int lineCharacters() {
            return width >= height ? 34 : 20;
        }

        /** The font size at which {@link #lineCharacters()} fill about four fifths of the width. */
        int fontSize() {
            return Math.max(8, (int) Math.round(width * 0.8 / (lineCharacters() * 0.62)));
        }

        /** How many lines fit under the card's band. */
        int bodyLines() {
            return Math.max(1, (int) (height * 0.7 / (fontSize() * 1.5)));
        }
    }

    /** The texts one video draws, in files of their own (no escaping), deleted once it is made. */
    private static final class TextFiles implements AutoCloseable {
        private final Path directory;
        private final String prefix;
        private final List<Path> files = new ArrayList<>();

        TextFiles(Path directory, String prefix) {
            this.directory = directory;
            this.prefix = prefix;
        }

        Path write(String text) {
            Path file = directory.resolve(prefix + "-text-" + files.size() + ".txt");
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw ProviderException.retryable(
                        OfflineProviders.NAME,
                        ProviderException.Reason.SERVER_ERROR,
                        "cannot write the text of a video to " + file + ": " + e.getMessage(),
                        null);
            }
            files.add(file);
            return file;
        }

        @Override
        public void close() {
            files.forEach(FfmpegFootage::deleteQuietly);
        }
    }
}
