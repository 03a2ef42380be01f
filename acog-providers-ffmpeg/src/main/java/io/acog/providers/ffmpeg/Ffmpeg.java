package io.acog.providers.ffmpeg;

import io.acog.spi.ProviderConfig;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
            long size = resource.openConnection().getContentLengthLong();
            Path target = home.resolve(CACHE_DIRECTORY).resolve(size + "-" + name);
            if (!Files.isExecutable(target) || Files.size(target) != size) {
                copy(resource, target);
            }
            return Optional.of(new Ffmpeg(target, "jave-nativebin"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the bundled ffmpeg out of " + resource, e);
        }
    }

    /** Copies to a file of its own first, then moves it in place: a reader never runs half a binary. */
    private static void copy(URL resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path part =
                Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try (InputStream in = resource.openStream()) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            if (!part.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + part + " executable");
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            LOG.info("ACOG copied the bundled ffmpeg to {}", target);
        } finally {
            Files.deleteIfExists(part);
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
}
