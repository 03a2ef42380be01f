package io.acog.examples;

import io.acog.examples.mocks.ElevenLabsMock;
import io.acog.examples.mocks.Listen;
import io.acog.examples.mocks.OpenAiMock;
import io.acog.examples.mocks.S3Mock;
import io.acog.examples.mocks.YouTubeMock;
import io.acog.providers.ffmpeg.Ffmpeg;
import io.acog.spi.ProviderConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Local stand-ins of OpenAI, ElevenLabs, YouTube and S3, so that {@code ./demo --providers
 * openai,elevenlabs,youtube,s3} runs the real adapters end to end on this machine, with no account
 * and nothing sent anywhere. Each is a WireMock server answering its service's documented success
 * path (see {@link io.acog.examples.mocks}); together they print the {@code export ACOG_…} lines
 * that point the adapters at them.
 *
 * <pre>
 * scripts/mock-providers                  # in one terminal: starts them, prints the exports, runs until stopped
 * ./demo --providers openai,elevenlabs,youtube,s3   # in another, after pasting the exports
 * </pre>
 *
 * <p>In a test, {@link #start} them, and give the pipeline {@link #config()}. Thread-safe.
 */
public final class MockProviders implements AutoCloseable {

    /**
     * The chunk size the YouTube adapter is pointed at: small, so that a demo's video goes up in
     * several chunks, as a long video does, through the resumable protocol's {@code 308} answers.
     */
    public static final String YOUTUBE_CHUNK_SIZE = "1MiB";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private final OpenAiMock openAi;
    private final ElevenLabsMock elevenLabs;
    private final YouTubeMock youTube;
    private final S3Mock s3;

    private MockProviders(OpenAiMock openAi, ElevenLabsMock elevenLabs, YouTubeMock youTube, S3Mock s3) {
        this.openAi = openAi;
        this.elevenLabs = elevenLabs;
        this.youTube = youTube;
        this.s3 = s3;
    }

    /**
     * Starts the four mocks: on free ports when {@code listen}'s port is 0, else on that port and
     * the three after it (OpenAI, ElevenLabs, YouTube, S3, in that order).
     *
     * @param listen where they listen, and how many requests each remembers
     * @param ffmpeg what encodes the ElevenLabs mock's MP3 audio
     * @return the running mocks
     * @throws IllegalArgumentException when {@code listen}'s port leaves no room for the three after it
     * @throws RuntimeException when a mock cannot start (a port in use, ffmpeg failing); those
     *     already started are stopped first
     */
    public static MockProviders start(Listen listen, Ffmpeg ffmpeg) {
        if (listen.port() > 65_535 - 3) {
            throw new IllegalArgumentException(
                    "the mocks take port " + listen.port() + " and the three after it; choose one up to 65532");
        }
        List<AutoCloseable> started = new ArrayList<>();
        try {
            OpenAiMock openAi = started(started, OpenAiMock.start(listen.withPort(port(listen, 0))));
            ElevenLabsMock elevenLabs =
                    started(started, ElevenLabsMock.start(listen.withPort(port(listen, 1)), ffmpeg));
            YouTubeMock youTube = started(started, YouTubeMock.start(listen.withPort(port(listen, 2))));
            S3Mock s3 = started(started, S3Mock.start(listen.withPort(port(listen, 3))));
            return new MockProviders(openAi, elevenLabs, youTube, s3);
        } catch (RuntimeException e) {
            for (AutoCloseable mock : started) {
                try {
                    mock.close();
                } catch (Exception stopping) {
                    e.addSuppressed(stopping);
                }
            }
            throw e;
        }
    }

    private static int port(Listen listen, int offset) {
        return listen.port() == 0 ? 0 : listen.port() + offset;
    }

    private static <T extends AutoCloseable> T started(List<AutoCloseable> started, T mock) {
        started.add(mock);
        return mock;
    }

    /**
     * Returns the provider settings that point the four real adapters at the mocks: base URLs,
     * endpoint, bucket, path style, region and dummy keys, and {@link #YOUTUBE_CHUNK_SIZE}.
     *
     * @return the settings by key, sorted
     */
    public SortedMap<String, String> settings() {
        SortedMap<String, String> settings = new TreeMap<>();
        settings.putAll(openAi.settings());
        settings.putAll(elevenLabs.settings());
        settings.putAll(youTube.settings());
        settings.put("youtube.chunk-size", YOUTUBE_CHUNK_SIZE);
        settings.putAll(s3.settings());
        return settings;
    }

    /**
     * Returns {@link #settings()} as a pipeline's provider settings.
     *
     * @return the settings
     */
    public ProviderConfig config() {
        return ProviderConfig.of(settings());
    }

    /**
     * Returns the shell lines that set {@link #settings()} as the environment variables {@link
     * ProviderConfig#fromEnvironment()} reads, e.g. {@code export ACOG_OPENAI_BASE_URL=http://…}.
     *
     * @return the lines
     */
    public List<String> exports() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> setting : settings().entrySet()) {
            lines.add("export " + ProviderConfig.environmentVariable(setting.getKey()) + "="
                    + quoted(setting.getValue()));
        }
        return lines;
    }

    /** A value as the shell reads it back unchanged. */
    private static String quoted(String value) {
        return PLAIN.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    /**
     * Returns the OpenAI mock.
     *
     * @return the mock
     */
    public OpenAiMock openAi() {
        return openAi;
    }

    /**
     * Returns the ElevenLabs mock.
     *
     * @return the mock
     */
    public ElevenLabsMock elevenLabs() {
        return elevenLabs;
    }

    /**
     * Returns the YouTube mock.
     *
     * @return the mock
     */
    public YouTubeMock youTube() {
        return youTube;
    }

    /**
     * Returns the S3 mock.
     *
     * @return the mock
     */
    public S3Mock s3() {
        return s3;
    }

    /** Stops the four mocks; what they held is gone. */
    @Override
    public void close() {
        openAi.close();
        elevenLabs.close();
        youTube.close();
        s3.close();
    }

    /**
     * Starts the mocks, prints the exports and runs until stopped ({@link MockProvidersCommand}
     * lists the options).
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(MockProvidersCommand.commandLine().execute(args));
    }
}
