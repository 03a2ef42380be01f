package io.acog.examples;

import io.acog.spi.ProviderConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The demo's command line: {@code --help} lists every option, and a wrong option or value is told
 * in one line with the usage (exit code 2), never as a stack trace.
 */
@Command(
        name = "./demo",
        mixinStandardHelpOptions = true,
        version = "ACOG demo 0.1.0",
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Takes episodes of the seed's example channel (Dr. Sarah Chen, cosmology) from idea to"
                    + " published through all nine pipeline stages, with the offline providers, on an"
                    + " embedded PostgreSQL (or the server named by ACOG_JDBC_URL, with ACOG_JDBC_USER"
                    + " and ACOG_JDBC_PASSWORD).",
            "Exits 0 only if every episode was published."
        })
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Where the real adapters' settings come from. */
    private final ProviderConfig config;

    DemoCommand() {
        this(ProviderConfig.fromEnvironment());
    }

    DemoCommand(ProviderConfig config) {
        this.config = config;
    }

    @Option(
            names = "--episodes",
            paramLabel = "N",
            defaultValue = "1",
            description = "Episodes to run at once; one shows its progress stage by stage, many print"
                    + " throughput (default: ${DEFAULT-VALUE}).")
    private int episodes;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Worker threads (default: 4 for one episode, 16 for many).")
    private Integer threads;

    @Option(
            names = "--latency-ms",
            paramLabel = "N",
            description = "How long each offline provider call takes (default: 40 for one episode, 0 for" + " many).")
    private Long latencyMs;

    @Option(
            names = "--timeout-s",
            paramLabel = "N",
            defaultValue = "600",
            description = "How long to wait for the episodes, in seconds (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Option(
            names = "--shorts",
            description = "Make a 9:16 YouTube Short (1080x1920, captions burnt in) instead of a 16:9 video.")
    private boolean shorts;

    @Option(
            names = "--media",
            paramLabel = "KIND",
            description = "real: the offline providers make real audio and video and ffmpeg cuts the final"
                    + " MP4; placeholder: tiny stand-in files, no ffmpeg (default: real for one episode,"
                    + " placeholder for many).")
    private Demo.MediaKind media;

    @Option(
            names = "--providers",
            paramLabel = "NAMES",
            split = ",",
            description = "Serve these capabilities with the real adapters instead of the offline"
                    + " providers, any of: openai (writing), elevenlabs (voice), heygen or synthesia"
                    + " (avatar), runway or pexels (b-roll), youtube (publishing), s3 (storage). Their"
                    + " settings come from the environment: ACOG_OPENAI_API_KEY, ACOG_OPENAI_BASE_URL,"
                    + " ACOG_ELEVENLABS_API_KEY, ACOG_ELEVENLABS_VOICE_ID, ACOG_HEYGEN_API_KEY,"
                    + " ACOG_RUNWAY_API_KEY,"
                    + " ACOG_YOUTUBE_CLIENT_ID, ACOG_YOUTUBE_CLIENT_SECRET, ACOG_YOUTUBE_REFRESH_TOKEN,"
                    + " ACOG_S3_BUCKET, ... (README, \"Using real providers\"); a missing one is named"
                    + " before anything starts.")
    private List<String> providers = new ArrayList<>();

    @Option(
            names = "--webhook-port",
            paramLabel = "PORT",
            description = "Receive render webhooks (HeyGen, Synthesia) on this local port, at"
                    + " /webhooks/<provider>, and ask the render providers to call it; 0 takes a free"
                    + " port. Needs the provider's webhook secret (ACOG_HEYGEN_WEBHOOK_SECRET, ...).")
    private Integer webhookPort;

    @Option(
            names = "--webhook-url",
            paramLabel = "URL",
            description = "The public URL the providers call, forwarding to --webhook-port (a tunnel to"
                    + " this machine); without it, http://localhost:<port>/webhooks/, which only local"
                    + " mocks reach.")
    private java.net.URI webhookUrl;

    @Option(
            names = "--keep",
            description = "Leave the demo's database on the server named by ACOG_JDBC_URL, and print a"
                    + " psql line to open it (the embedded server stops with the demo).")
    private boolean keep;

    /** The command line, ready to {@code execute(args)}. */
    static CommandLine commandLine() {
        return commandLine(new DemoCommand());
    }

    /** The command line over {@code command}: enum values ({@code --media real}) in any case. */
    static CommandLine commandLine(DemoCommand command) {
        return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call() throws Exception {
        return Demo.run(options(), config) ? 0 : 1;
    }

    /** The options asked for, checked. */
    Demo.Options options() {
        atLeast("--episodes", episodes, 1);
        if (threads != null) {
            atLeast("--threads", threads, 1);
        }
        if (latencyMs != null) {
            atLeast("--latency-ms", latencyMs, 0);
        }
        atLeast("--timeout-s", timeoutSeconds, 1);
        if (keep && System.getenv("ACOG_JDBC_URL") == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--keep needs ACOG_JDBC_URL: the embedded PostgreSQL stops when the demo ends, and its"
                            + " data with it");
        }
        List<String> real = new ArrayList<>();
        for (String name : providers) {
            String known = name.trim().toLowerCase(Locale.ROOT);
            if (!RealProviders.KNOWN.contains(known)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--providers: '" + name + "' is not one of " + String.join(", ", RealProviders.KNOWN));
            }
            if (!real.contains(known)) {
                real.add(known);
            }
        }
        List<String> problems = RealProviders.problems(real, config);
        if (!problems.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(), "--providers cannot start: " + String.join("; ", problems));
        }
        if (webhookUrl != null && webhookPort == null) {
            throw new ParameterException(spec.commandLine(), "--webhook-url needs --webhook-port");
        }
        if (webhookPort != null && (webhookPort < 0 || webhookPort > 65_535)) {
            throw new ParameterException(
                    spec.commandLine(), "--webhook-port must be from 0 to 65535, not " + webhookPort);
        }
        if (webhookUrl != null
                && (!webhookUrl.isAbsolute()
                        || !("https".equals(webhookUrl.getScheme()) || "http".equals(webhookUrl.getScheme())))) {
            throw new ParameterException(
                    spec.commandLine(), "--webhook-url must be an absolute http(s) URL, not " + webhookUrl);
        }
        return new Demo.Options(
                episodes,
                threads != null ? threads : episodes == 1 ? 4 : 16,
                latencyMs != null ? latencyMs : episodes == 1 ? 40 : 0,
                timeoutSeconds,
                keep,
                shorts,
                media != null ? media : episodes == 1 ? Demo.MediaKind.REAL : Demo.MediaKind.PLACEHOLDER,
                real,
                webhookPort == null ? null : new Demo.Webhooks(webhookPort, webhookUrl));
    }

    private void atLeast(String option, long value, long least) {
        if (value < least) {
            throw new ParameterException(spec.commandLine(), option + " must be " + least + " or more, not " + value);
        }
    }
}
