package io.acog.providers.ffmpeg;

import io.acog.spi.ProviderConfig;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** Small inputs made with ffmpeg's own sources, and looks at what the assembler made. */
final class TestMedia {

    static final Ffmpeg FFMPEG = Ffmpeg.locate(ProviderConfig.empty());
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private TestMedia() {}

    /** An H.264 MP4 of a lavfi source, e.g. {@code color=c=red:s=320x180:r=25:d=1}. */
    static Path video(Path file, String lavfi) {
        run("-f", "lavfi", "-i", lavfi, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", file);
        return file;
    }

    /** A video of {@code colors} one after the other, each {@code seconds} long: which part shows is visible. */
    static Path colorBands(Path file, int width, int height, double seconds, String... colors) {
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < colors.length; i++) {
            graph.append("color=c=")
                    .append(colors[i])
                    .append(":s=")
                    .append(width)
                    .append('x')
                    .append(height)
                    .append(":r=25:d=")
                    .append(seconds)
                    .append("[c")
                    .append(i)
                    .append("];");
        }
        for (int i = 0; i < colors.length; i++) {
            graph.append("[c").append(i).append(']');
        }
        graph.append("concat=n=").append(colors.length).append(":v=1:a=0[v]");
        run(
                "-filter_complex",
                graph.toString(),
                "-map",
                "[v]",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-pix_fmt",
                "yuv420p",
                file);
        return file;
    }

    /** A WAV tone of {@code seconds}, then {@code silence} seconds of silence. */
    static Path tone(Path file, int frequency, double seconds, double silence) {
        // apad without a length pads forever
        String pad = silence > 0 ? "apad=pad_dur=" + silence : "anull";
        run(
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=" + frequency + ":sample_rate=44100:duration=" + seconds,
                "-af",
                pad,
                file);
        return file;
    }

    /** The frame of {@code video} at {@code seconds}. */
    static BufferedImage frame(Path video, double seconds, Path scratch) {
        Path png = scratch.resolve("frame-" + seconds + ".png");
        run("-ss", Double.toString(seconds), "-i", video, "-frames:v", "1", png);
        try {
            return ImageIO.read(png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many video frames {@code video} holds, counted by decoding it. */
    static long videoFrames(Path video) {
        List<String> log = FFMPEG.log(List.of("-i", video.toString(), "-map", "0:v", "-f", "null", "-"), TIMEOUT);
        long frames = -1;
        Pattern frame = Pattern.compile("frame=\\s*(\\d+)");
        for (String line : log) {
            Matcher matcher = frame.matcher(line);
            while (matcher.find()) {
                frames = Long.parseLong(matcher.group(1));
            }
        }
        return frames;
    }

    /** The mean volume of {@code video}'s sound from {@code from} for {@code seconds}, in dB (-91 is silence). */
    static double meanVolume(Path video, double from, double seconds) {
        return meanVolume(video, from, seconds, 0);
    }

    /**
     * The mean volume of one tone of {@code video}'s sound from {@code from} for {@code seconds},
     * in dB: the sound through a narrow band-pass at {@code frequency} twice, which leaves other
     * tones some 50 dB down; 0 for the whole sound.
     */
    static double meanVolume(Path video, double from, double seconds, int frequency) {
        String band = "bandpass=f=" + frequency + ":width_type=q:w=10,";
        String filter = (frequency > 0 ? band + band : "") + "volumedetect";
        List<String> log = FFMPEG.log(
                List.of(
                        "-ss",
                        Double.toString(from),
                        "-t",
                        Double.toString(seconds),
                        "-i",
                        video.toString(),
                        "-af",
                        filter,
                        "-f",
                        "null",
                        "-"),
                TIMEOUT);
        for (String line : log) {
            Matcher matcher = Pattern.compile("mean_volume: (-?[\\d.]+) dB").matcher(line);
            if (matcher.find()) {
                return Double.parseDouble(matcher.group(1));
            }
        }
        throw new AssertionError("no volume measured: " + log);
    }

    /** The integrated loudness of {@code video}'s sound (EBU R128), in LUFS. */
    static double loudness(Path video) {
        List<String> log = FFMPEG.log(List.of("-i", video.toString(), "-af", "ebur128", "-f", "null", "-"), TIMEOUT);
        double loudness = Double.NaN;
        for (String line : log) {
            Matcher matcher = Pattern.compile("^\\s*I:\\s+(-?[\\d.]+) LUFS").matcher(line);
            if (matcher.find()) {
                loudness = Double.parseDouble(matcher.group(1)); // the summary comes last
            }
        }
        return loudness;
    }

    /** Whether a pixel is near {@code rgb} (each channel within 40). */
    static boolean near(int pixel, int rgb) {
        for (int shift : new int[] {16, 8, 0}) {
            if (Math.abs(((pixel >> shift) & 0xFF) - ((rgb >> shift) & 0xFF)) > 40) {
                return false;
            }
        }
        return true;
    }

    /** How many pixels of the image's region are near {@code rgb}. */
    static int count(BufferedImage image, int x, int y, int width, int height, int rgb) {
        return count(image, x, y, width, height, pixel -> near(pixel, rgb));
    }

    /**
     * How many pixels of the image's region are yellowish: bright red and green, little blue. Loose,
     * because yellow letters a few pixels thick lose their colour to the 4:2:0 chroma of H.264.
     */
    static int yellowish(BufferedImage image, int x, int y, int width, int height) {
        return count(
                image,
                x,
                y,
                width,
                height,
                pixel -> ((pixel >> 16) & 0xFF) > 150 && ((pixel >> 8) & 0xFF) > 150 && (pixel & 0xFF) < 120);
    }

    private static int count(BufferedImage image, int x, int y, int width, int height, IntPredicate wanted) {
        int count = 0;
        for (int i = x; i < x + width; i++) {
            for (int j = y; j < y + height; j++) {
                if (wanted.test(image.getRGB(i, j))) {
                    count++;
                }
            }
        }
        return count;
    }

    private static void run(Object... arguments) {
        List<String> list = new ArrayList<>();
        for (Object argument : arguments) {
            list.add(argument.toString());
        }
        list.add(list.size() - 1, "-y");
        FFMPEG.run(list, TIMEOUT, null);
    }
}
