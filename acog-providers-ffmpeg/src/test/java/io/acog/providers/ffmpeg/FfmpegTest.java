package io.acog.providers.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.spi.ProviderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegTest {

    @TempDir
    Path home;

    @Test
    void withNothingConfiguredAndNothingOnThePathTheBundledStaticBuildRuns(@TempDir Path emptyPath) throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.locate(ProviderConfig.empty(), emptyPath.toString(), home);

        assertThat(ffmpeg.origin()).isEqualTo("jave-nativebin");
        assertThat(ffmpeg.executable())
                .startsWith(home.resolve(Ffmpeg.CACHE_DIRECTORY))
                .isExecutable();
        assertThat(ffmpeg.version()).startsWith("ffmpeg version 4.4.1");

        // a second lookup runs the copy already made
        long copied = Files.getLastModifiedTime(ffmpeg.executable()).toMillis();
        Ffmpeg again = Ffmpeg.locate(ProviderConfig.empty(), emptyPath.toString(), home);
        assertThat(again.executable()).isEqualTo(ffmpeg.executable());
        assertThat(Files.getLastModifiedTime(again.executable()).toMillis()).isEqualTo(copied);
        try (var files = Files.list(ffmpeg.executable().getParent())) {
            assertThat(files).as("no half-copied file left").containsExactly(ffmpeg.executable());
        }
    }

    @Test
    void aBinaryOnThePathWinsOverTheBundledOneAndAConfiguredOneOverBoth(@TempDir Path bin) throws Exception {
        Ffmpeg bundled = Ffmpeg.locate(ProviderConfig.empty(), "", home);
        Path onPath = Files.copy(bundled.executable(), bin.resolve("ffmpeg"));

        Ffmpeg found = Ffmpeg.locate(ProviderConfig.empty(), "/nonexistent:" + bin, home);
        assertThat(found).isEqualTo(new Ffmpeg(onPath, "PATH"));

        Ffmpeg configured = Ffmpeg.locate(
                ProviderConfig.of(
                        Map.of(Ffmpeg.PATH_SETTING, bundled.executable().toString())),
                bin.toString(),
                home);
        assertThat(configured).isEqualTo(new Ffmpeg(bundled.executable(), "configured"));
        assertThat(configured.version()).startsWith("ffmpeg version");
    }

    @Test
    void aConfiguredPathThatIsNoBinaryIsNamedWithTheWayOut() {
        Path missing = home.resolve("no-ffmpeg-here");

        assertThatThrownBy(() ->
                        Ffmpeg.locate(ProviderConfig.of(Map.of(Ffmpeg.PATH_SETTING, missing.toString())), "", home))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ffmpeg.path is " + missing + ", which is not an executable file; point it at an"
                        + " ffmpeg binary, or unset it to use the PATH or the bundled one");
    }

    @Test
    void aRunPastItsTimeoutIsStoppedAndSaysSo() {
        Ffmpeg ffmpeg = Ffmpeg.locate(ProviderConfig.empty(), "", home);

        // an endless source: only the timeout ends it
        assertThatThrownBy(() -> ffmpeg.run(
                        List.of("-re", "-f", "lavfi", "-i", "color=c=black:s=16x16", "-f", "null", "-"),
                        Duration.ofSeconds(2),
                        ms -> {}))
                .isInstanceOfSatisfying(
                        FfmpegException.class, e -> assertThat(e.exitCode()).isEqualTo(-1))
                .hasMessageStartingWith("ffmpeg ran longer than PT2S and was stopped");
    }

    @Test
    void aFailedRunQuotesTheEndOfFfmpegsLog() {
        Ffmpeg ffmpeg = Ffmpeg.locate(ProviderConfig.empty(), "", home);

        assertThatThrownBy(() ->
                        ffmpeg.run(List.of("-i", home.resolve("missing.mp4").toString()), Duration.ofMinutes(1), null))
                .isInstanceOfSatisfying(
                        FfmpegException.class, e -> assertThat(e.exitCode()).isEqualTo(1))
                .hasMessageStartingWith("ffmpeg exited with 1; its log ends:")
                .hasMessageContaining("missing.mp4: No such file or directory");
    }
}
