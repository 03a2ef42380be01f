package io.acog.providers.ffmpeg;

import io.acog.spi.ProviderConfig;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ffmpeg binary ACOG can run, found in this order:
 *
 * <ol>
 *   <li>the path in the setting {@value #PATH_SETTING} (environment: {@code ACOG_FFMPEG_PATH});
 *   <li>{@code ffmpeg} on the {@code PATH};
 *   <li>the statically linked ffmpeg 4.4.1 (x264, aac, libass, drawtext, loudnorm) that
 *       {@code ws.schild:jave-nativebin-linux64} carries (a dependency of this module; add
 *       {@code -osx64}, {@code -osxm1} or {@code -win64} for other platforms): copied once into
 *       {@value #CACHE_DIRECTORY} under the user's home and run from there, so a fresh machine
 *       needs nothing installed.
 * </ol>
 *
 * <p>Immutable and thread-safe.
 *
 * @param executable the binary
 * @param origin where it was found: {@code "configured"}, {@code "PATH"} or
 *     {@code "jave-nativebin"}
 */
public record Ffmpeg(Path executable, String origin) {

    /** The setting naming an ffmpeg binary to use. */
    public static final String PATH_SETTING = "ffmpeg.path";

    /** Where the bundled binary is copied, under the user's home. */
    public static final String CACHE_DIRECTORY = ".cache/acog/ffmpeg";

    private static final Logger LOG = LoggerFactory.getLogger(Ffmpeg.class);
    private static final String BUNDLED = "ws/schild/jave/nativebin/";

    /**
     * Checks the binary's path.
     *
     * @param executable the binary
     * @param origin where it was found
     * @throws NullPointerException when either is null
     */
    public Ffmpeg {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * Finds ffmpeg as the class describes, with the process's {@code PATH}.
     *
     * @param config the host's settings, for {@value #PATH_SETTING}
     * @return the binary found
     * @throws IllegalStateException saying how to configure one, when none is found, or when the
     *     configured path is not an executable file
     */
    public static Ffmpeg locate(ProviderConfig config) {
        return locate(config, System.getenv("PATH"), Path.of(System.getProperty("user.home")));
    }

    static Ffmpeg locate(ProviderConfig config, String searchPath, Path home) {
        Optional<String> configured = config.get(PATH_SETTING);
        if (configured.isPresent()) {
            Path path = Path.of(configured.get());
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new IllegalStateException(PATH_SETTING + " is " + path + ", which is not an executable file;"
                        + " point it at an ffmpeg binary, or unset it to use the PATH or the bundled one");
            }
            return new Ffmpeg(path, "configured");
        }
        if (searchPath != null) {
            for (String directory : searchPath.split(File.pathSeparator)) {
                if (directory.isBlank()) {
                    continue;
                }
                for (String name : List.of("ffmpeg", "ffmpeg.exe")) {
                    Path candidate = Path.of(directory, name);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return new Ffmpeg(candidate, "PATH");
                    }
                }
            }
        }
        return bundled(home)
                .orElseThrow(() -> new IllegalStateException("ffmpeg not found: set " + PATH_SETTING
                        + " (ACOG_FFMPEG_PATH) to an ffmpeg binary, put ffmpeg on the PATH, or add"
                        + " ws.schild:jave-nativebin-linux64 (-osx64, -osxm1, -win64 for other platforms) to the class"
                        + " path"));
    }

    /** The bundled binary for this machine, copied out of its jar once; empty when absent. */
    private static Optional<Ffmpeg> bundled(Path home) {
        String name = "ffmpeg-" + architecture() + (windows() ? ".exe" : "");
        URL resource = Ffmpeg.class.getClassLoader().getResource(BUNDLED + name);
        if (resource == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Ffmpeg(
                    CachedResource.copy(resource, home.resolve(CACHE_DIRECTORY), name, true), "jave-nativebin"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the bundled ffmpeg out of " + resource, e);
        }
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : arch.contains("64") ? "amd64" : "x86";
    }

    private static boolean windows() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * Runs {@code ffmpeg -version} and returns its first line, e.g. {@code ffmpeg version 4.4.1 …}.
     *
     * @return the version line
     * @throws IllegalStateException when the binary does not run, with what it printed
     */
    public String version() {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-hide_banner", "-version"));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(executable + " -version failed: " + output.strip());
            }
            return output.lines().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new IllegalStateException(executable + " does not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + executable + " -version", e);
        }
    }

    /** How much of ffmpeg's log a failure quotes. */
    private static final int TAIL_LINES = 12;

    /** How much of ffmpeg's log {@link #log} keeps: far more than a file's description. */
    private static final int LOG_LINES = 2000;

    /**
     * Runs ffmpeg with {@code arguments} (after {@code -hide_banner -nostdin}) and waits for it. It
     * reads and writes files only; its log is kept, bounded, for the error.
     *
     * @param arguments the arguments, e.g. {@code -i in.wav -c:a aac out.m4a}
     * @param timeout how long it may run before it is killed
     * @param progress told the media time written so far, in milliseconds, a few times a second
     *     (ffmpeg's {@code -progress}); null when not wanted. An exception it throws stops ffmpeg
     *     and is thrown on: how a caller cancels a run.
     * @throws FfmpegException when ffmpeg cannot start, exits with an error or runs past the timeout;
     *     the message quotes the last lines it printed
     */
    public void run(List<String> arguments, Duration timeout, LongConsumer progress) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-hide_banner", "-nostdin"));
        if (progress != null) {
            command.addAll(List.of("-progress", "pipe:1", "-nostats"));
        }
        command.addAll(arguments);
        Run run = Run.start(command, TAIL_LINES, timeout, false);
        try {
            readProgress(run.process, progress);
            int exit = run.waitFor();
            if (run.timedOut()) {
                throw new FfmpegException(
                        "ffmpeg ran longer than " + timeout + " and was stopped; its log ends:" + run.tail(), -1, null);
            }
            if (exit != 0) {
                throw new FfmpegException("ffmpeg exited with " + exit + "; its log ends:" + run.tail(), exit, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FfmpegException("interrupted while ffmpeg ran; it was stopped", -1, e);
        } finally {
            run.stop();
        }
    }

    /**
     * Runs ffmpeg with {@code arguments} and returns what it printed (stderr and stdout together),
     * whatever its exit code: how a file is described ({@code -i FILE} alone prints the file's
     * streams, then fails for want of an output) or the build's filters listed.
     *
     * @throws FfmpegException when ffmpeg cannot start or runs past the timeout
     */
    List<String> log(List<String> arguments, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-hide_banner", "-nostdin"));
        command.addAll(arguments);
        Run run = Run.start(command, LOG_LINES, timeout, true);
        try {
            run.waitFor();
            if (run.timedOut()) {
                throw new FfmpegException("ffmpeg ran longer than " + timeout + " and was stopped", -1, null);
            }
            return run.lines();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FfmpegException("interrupted while ffmpeg ran; it was stopped", -1, e);
        } finally {
            run.stop();
        }
    }

    private static void readProgress(Process process, LongConsumer progress) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                // out_time_us is in microseconds (out_time_ms too, despite its name, in ffmpeg 4.x)
                if (progress != null && line.startsWith("out_time_us=")) {
                    String value = line.substring("out_time_us=".length()).strip();
                    if (!value.isEmpty() && !value.equals("N/A")) {
                        progress.accept(Math.max(0, Long.parseLong(value) / 1000));
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the progress is a courtesy; the exit code tells how the run went
        }
    }

    /**
     * A started ffmpeg: a thread keeps the last lines of its log (stderr, or stderr and stdout
     * merged), another stops it at the timeout (the caller's thread may be reading stdout, which a
     * hung process would hold forever).
     */
    private static final class Run {

        private final Process process;
        private final ArrayDeque<String> log = new ArrayDeque<>();
        private final Thread logReader;
        private final Thread watchdog;
        private final AtomicBoolean timedOut = new AtomicBoolean();

        private Run(Process process, int keepLines, Duration timeout, boolean merged) {
            this.process = process;
            InputStream output = merged ? process.getInputStream() : process.getErrorStream();
            this.logReader = daemon("ffmpeg-log", () -> keep(output, keepLines));
            this.watchdog = daemon("ffmpeg-timeout", () -> {
                try {
                    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                        timedOut.set(true);
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    // the run ended first
                }
            });
        }

        static Run start(List<String> command, int keepLines, Duration timeout, boolean merged) {
            try {
                Process process = new ProcessBuilder(command)
                        .redirectInput(ProcessBuilder.Redirect.from(new File(windows() ? "NUL" : "/dev/null")))
                        .redirectErrorStream(merged)
                        .start();
                return new Run(process, keepLines, timeout, merged);
            } catch (IOException e) {
                throw new FfmpegException(command.get(0) + " does not run: " + e.getMessage(), -1, e);
            }
        }

        private static Thread daemon(String name, Runnable body) {
            Thread thread = new Thread(body, name);
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        private void keep(InputStream stream, int keepLines) {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (log) {
                        log.addLast(line.length() > 500 ? line.substring(0, 500) + "…" : line);
                        if (log.size() > keepLines) {
                            log.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended; what was read is kept
            }
        }

        int waitFor() throws InterruptedException {
            int exit = process.waitFor();
            logReader.join(TimeUnit.SECONDS.toMillis(5));
            return exit;
        }

        boolean timedOut() {
            return timedOut.get();
        }

        List<String> lines() {
            synchronized (log) {
                return List.copyOf(log);
            }
        }

        String tail() {
            List<String> lines = lines();
            return lines.isEmpty() ? " (nothing)" : "\n  " + String.join("\n  ", lines);
        }

        /** Kills ffmpeg if it still runs, and waits for it to die: a caller may delete its files next. */
        void stop() {
            if (process.isAlive()) {
                try {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            watchdog.interrupt();
        }
    }
}
