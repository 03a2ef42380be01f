package io.acog.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.acog.spi.ProviderConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The demo's command line, checked without running the demo. */
class DemoCommandTest {

    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        return run(DemoCommand.commandLine(), args);
    }

    private static Run run(CommandLine command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return new Run(command.execute(args), out.toString(), err.toString());
    }

    @Test
    void helpListsEveryOption() {
        Run help = run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("Usage: ./demo")
                .contains("--episodes=N", "--threads=N", "--latency-ms=N", "--timeout-s=N", "--keep")
                .contains("-h, --help", "-V, --version")
                .contains("ACOG_JDBC_URL");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void aWrongOptionIsToldInALineWithTheUsageAndNoStackTrace() {
        Run wrong = run("--bogus");

        assertThat(wrong.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(wrong.err())
                .startsWith("Unknown option: '--bogus'")
                .contains("Usage: ./demo")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void aWrongValueIsNamed() {
        Run notANumber = run("--threads", "many");
        assertThat(notANumber.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(notANumber.err()).contains("Invalid value for option '--threads': 'many' is not an int");

        Run none = run("--episodes", "0");
        assertThat(none.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(none.err()).startsWith("--episodes must be 1 or more, not 0").doesNotContain("\tat ");

        Run missing = run("--timeout-s");
        assertThat(missing.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(missing.err()).contains("Missing required parameter for option '--timeout-s'");
    }

    @Test
    void providersAreKnownAdaptersWhoseMissingSettingsAreNamedBeforeAnythingStarts() {
        Run unknown = run("--providers", "openai,acme");
        assertThat(unknown.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(unknown.err())
                .startsWith(
                        "--providers: 'acme' is not one of openai, elevenlabs, heygen, synthesia, runway, pexels, youtube, s3")
                .doesNotContain("\tat ");

        Run unset = run(DemoCommand.commandLine(new DemoCommand(ProviderConfig.empty())), "--providers", "s3");
        assertThat(unset.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(unset.err())
                .startsWith("--providers cannot start: s3 needs ACOG_S3_BUCKET (s3.bucket)")
                .doesNotContain("\tat ");

        Run wrong = run(
                DemoCommand.commandLine(
                        new DemoCommand(ProviderConfig.of(Map.of("s3.bucket", "episodes", "s3.part-size", "1")))),
                "--providers",
                "s3");
        assertThat(wrong.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(wrong.err()).startsWith("--providers cannot start: s3: ").contains("s3.part-size");
    }

    @Test
    void webhooksNeedAPortAndAnHttpUrl() {
        assertThat(run("--webhook-url", "https://tunnel.example/hooks/").err())
                .startsWith("--webhook-url needs --webhook-port");
        assertThat(run("--webhook-port", "70000").err()).startsWith("--webhook-port must be from 0 to 65535");
        assertThat(run("--webhook-port", "0", "--webhook-url", "ftp://tunnel.example/")
                        .err())
                .startsWith("--webhook-url must be an absolute http(s) URL");
        DemoCommand command = new DemoCommand();
        new CommandLine(command).parseArgs("--webhook-port", "8099", "--webhook-url", "https://tunnel.example/hooks/");
        assertThat(command.options().webhooks())
                .isEqualTo(new Demo.Webhooks(8099, java.net.URI.create("https://tunnel.example/hooks/")));
    }

    @Test
    void keepNeedsAServerThatOutlivesTheDemo() {
        assumeTrue(System.getenv("ACOG_JDBC_URL") == null, "the embedded server is the one in use");
        Run keep = run("--keep");

        assertThat(keep.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(keep.err()).startsWith("--keep needs ACOG_JDBC_URL").doesNotContain("\tat ");
    }

    @Test
    void theDefaultsDependOnHowManyEpisodesRun() {
        DemoCommand one = new DemoCommand();
        new CommandLine(one).parseArgs();
        assertThat(one.options())
                .isEqualTo(new Demo.Options(1, 4, 40, 600, false, false, Demo.MediaKind.REAL, List.of()));

        DemoCommand many = new DemoCommand();
        new CommandLine(many).parseArgs("--episodes", "200", "--latency-ms", "5");
        assertThat(many.options())
                .isEqualTo(new Demo.Options(200, 16, 5, 600, false, false, Demo.MediaKind.PLACEHOLDER, List.of()));
    }

    @Test
    void shortsAndTheMediaKindAreChosenOnTheCommandLine() {
        DemoCommand chosen = new DemoCommand();
        DemoCommand.commandLine(chosen).parseArgs("--shorts", "--media", "placeholder");
        assertThat(chosen.options().shorts()).isTrue();
        assertThat(chosen.options().media()).isEqualTo(Demo.MediaKind.PLACEHOLDER);

        Run wrong = run("--media", "hologram");
        assertThat(wrong.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(wrong.err())
                .contains("Invalid value for option '--media'")
                .contains("REAL, PLACEHOLDER")
                .contains("but was 'hologram'")
                .doesNotContain("\tat ");
    }
}
