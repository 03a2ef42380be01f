package io.acog.examples;

import io.acog.examples.mocks.ElevenLabsMock;
import io.acog.examples.mocks.Listen;
import io.acog.examples.mocks.S3Mock;
import io.acog.providers.ffmpeg.Ffmpeg;
import io.acog.spi.ProviderConfig;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The command line of {@link MockProviders}: {@code --help} lists the options, a wrong one is told
 * in a line with the usage (exit code 2).
 */
@Command(
        name = "scripts/mock-providers",
        mixinStandardHelpOptions = true,
        version = "ACOG mock providers 0.1.0",
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Starts local mocks of OpenAI, ElevenLabs, HeyGen, Synthesia, Runway, Pexels, YouTube and S3"
                    + " (WireMock servers answering each"
                    + " service's documented success path; nothing leaves this machine), prints the"
                    + " 'export ACOG_...' lines that point the real adapters at them, and runs until stopped"
                    + " (Ctrl-C). Paste the lines into another shell, then run:",
            "  ./demo --providers openai,elevenlabs,heygen,runway,youtube,s3",
            "  ./demo --providers openai,elevenlabs,synthesia,pexels,youtube,s3"
        })
final class MockProvidersCommand implements Callable<Integer> {

    /** How many requests each mock remembers for its admin API ({@code /__admin/requests}). */
    static final int JOURNAL_ENTRIES = 100;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "The address the mocks listen on (default: ${DEFAULT-VALUE}, this machine only).")
    private String host;

    @Option(
            names = "--base-port",
            paramLabel = "N",
            defaultValue = "0",
            description = "OpenAI on port N, ElevenLabs on N+1, YouTube on N+2, S3 on N+3, HeyGen on N+4,"
                    + " Synthesia on N+5, Runway on N+6, Pexels on N+7, so the exports stay the same from"
                    + " run to run (default: ${DEFAULT-VALUE}, any free ports).")
    private int basePort;

    @Option(
            names = "--webhook-url",
            paramLabel = "URL",
            description = "The demo's webhook endpoint (./demo --webhook-port P: http://localhost:P/webhooks/):"
                    + " the Synthesia mock reports finished videos to URL + 'synthesia', as a webhook"
                    + " registered on a Synthesia account does. HeyGen's mock calls the callback URL each"
                    + " render names.")
    private java.net.URI webhookUrl;

    @Option(
            names = "--env-file",
            paramLabel = "FILE",
            description = "Also write the export lines to FILE, for another shell to 'source'.")
    private Path envFile;

    /** The command line, ready to {@code execute(args)}. */
    static CommandLine commandLine() {
        return new CommandLine(new MockProvidersCommand());
    }

    @Override
    public Integer call() throws Exception {
        Listen listen;
        try {
            if (basePort > 65_535 - (MockProviders.MOCKS - 1)) {
                throw new IllegalArgumentException("--base-port takes N and the " + (MockProviders.MOCKS - 1)
                        + " ports after it: at most " + (65_535 - (MockProviders.MOCKS - 1)));
            }
            listen = new Listen(host, basePort, JOURNAL_ENTRIES);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Ffmpeg ffmpeg = Ffmpeg.locate(ProviderConfig.fromEnvironment());
        MockProviders mocks = MockProviders.start(listen, ffmpeg);
        if (webhookUrl != null) {
            String base = webhookUrl.toString();
            mocks.synthesia().webhookUrl(java.net.URI.create((base.endsWith("/") ? base : base + "/") + "synthesia"));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(mocks::close, "mock-providers-stop"));
        List<String> lines = lines(mocks);
        PrintWriter out = spec.commandLine().getOut();
        lines.forEach(out::println);
        out.flush();
        if (envFile != null) {
            Path absolute = envFile.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Files.write(absolute, lines, StandardCharsets.UTF_8);
            out.println("# The same lines are in " + absolute + ": source it in another shell.");
        }
        out.println("# Running until stopped (Ctrl-C).");
        out.flush();
        new CountDownLatch(1).await(); // the shutdown hook stops the mocks
        return 0;
    }

    /** What is printed: where each mock is, the exports, and what to run. */
    static List<String> lines(MockProviders mocks) {
        var settings = mocks.settings();
        List<String> lines = new ArrayList<>();
        lines.add("# ACOG mock providers (dummy keys; nothing leaves this machine):");
        lines.add("#   OpenAI      " + settings.get("openai.base-url") + "  (chat completions)");
        lines.add("#   ElevenLabs  " + settings.get("elevenlabs.base-url") + "  (text-to-speech with timestamps, "
                + ElevenLabsMock.DEFAULT_OUTPUT_FORMAT + " and other mp3_/pcm_ formats)");
        lines.add("#   YouTube     " + settings.get("youtube.upload-base-url") + "  (OAuth token, resumable uploads,"
                + " thumbnails, captions)");
        lines.add("#   S3          " + settings.get("s3.endpoint") + "  (bucket " + S3Mock.BUCKET + ", path style;"
                + " list it: curl '" + settings.get("s3.endpoint") + "/" + S3Mock.BUCKET + "?list-type=2')");
        lines.add("#   HeyGen      " + settings.get("heygen.base-url") + "  (v3 videos from uploaded audio, signed"
                + " webhooks to each render's callback URL)");
        lines.add("#   Synthesia   " + settings.get("synthesia.base-url") + "  (v2 videos from script audio, signed"
                + " webhooks to --webhook-url)");
        lines.add("#   Runway      " + settings.get("runway.base-url") + "  (text-to-video tasks)");
        lines.add("#   Pexels      " + settings.get("pexels.base-url") + "  (stock video search and files)");
        lines.add("# Paste these lines into the shell that runs the demo, then:"
                + " ./demo --providers openai,elevenlabs,heygen,runway,youtube,s3");
        lines.addAll(mocks.exports());
        return lines;
    }
}
