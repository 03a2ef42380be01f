package io.acog.providers.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.providers.ffmpeg.Ffmpeg;
import io.acog.spi.Media;
import io.acog.spi.ProviderConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What ffmpeg reads in a video: its length, codec and frame, and the pixels of a frame. */
record Probe(long durationMs, String videoCodec, String pixelFormat, int width, int height, boolean audio) {

    private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d+):(\\d+)\\.(\\d+)");
    private static final Pattern VIDEO = Pattern.compile("Video: (\\w+)[^,]*, (\\w+)[^,]*, (\\d+)x(\\d+)");

    /** Copies the media to {@code directory} and reads it, as the pipeline would store and use it. */
    static Probe of(Media media, Path directory) throws Exception {
        return of(saved(media, directory));
    }

    static Path saved(Media media, Path directory) throws IOException {
        Path file = Files.createTempFile(directory, "probe-", "-" + media.fileName());
        try (InputStream in = media.open()) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    static Probe of(Path file) throws Exception {
        String log = new String(run(List.of("-i", file.toString())).stderr, StandardCharsets.UTF_8);
        Matcher duration = DURATION.matcher(log);
        Matcher video = VIDEO.matcher(log);
        assertThat(duration.find()).as("a duration in:\n%s", log).isTrue();
        assertThat(video.find()).as("a video stream in:\n%s", log).isTrue();
        long millis = ((Long.parseLong(duration.group(1)) * 60 + Long.parseLong(duration.group(2))) * 60
                                + Long.parseLong(duration.group(3)))
                        * 1000
                + Long.parseLong(duration.group(4)) * 10;
        return new Probe(
                millis,
                video.group(1),
                video.group(2),
                Integer.parseInt(video.group(3)),
                Integer.parseInt(video.group(4)),
                log.contains("Audio: "));
    }

    /** The frame shown at {@code seconds}, as 8-bit grey pixels, row by row. */
    static byte[] greyFrame(Path file, double seconds) throws Exception {
        return run(List.of(
                        "-ss",
                        String.format(Locale.ROOT, "%.3f", seconds),
                        "-i",
                        file.toString(),
                        "-frames:v",
                        "1",
                        "-f",
                        "rawvideo",
                        "-pix_fmt",
                        "gray",
                        "-"))
                .stdout;
    }

    private record Output(byte[] stdout, byte[] stderr) {}

    private static Output run(List<String> arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(
                List.of(Ffmpeg.locate(ProviderConfig.empty()).executable().toString(), "-hide_banner", "-nostdin"));
        command.addAll(arguments);
        Path errors = Files.createTempFile("probe-", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(errors.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            byte[] stdout = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
            return new Output(stdout, Files.readAllBytes(errors));
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
