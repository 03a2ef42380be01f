package io.acog.examples;

import io.acog.examples.mocks.ElevenLabsMock;
import io.acog.examples.mocks.HeyGenMock;
import io.acog.examples.mocks.Listen;
import io.acog.examples.mocks.OpenAiMock;
import io.acog.examples.mocks.PexelsMock;
import io.acog.examples.mocks.RunwayMock;
import io.acog.examples.mocks.S3Mock;
import io.acog.examples.mocks.SynthesiaMock;
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
 * Local stand-ins of OpenAI, ElevenLabs, HeyGen, Synthesia, Runway, Pexels, YouTube and S3, so that
 * {@code ./demo --providers openai,elevenlabs,heygen,runway,youtube,s3} (or with synthesia and
 * pexels) runs the real adapters end to end on this machine, with no account and nothing sent
 * anywhere. Each is a WireMock server answering its service's documented success path (see {@link
 * io.acog.examples.mocks}); together they print the {@code export ACOG_…} lines that point the
 * adapters at them.
 *
 * <pre>
 * scripts/mock-providers                  # in one terminal: starts them, prints the exports, runs until stopped
 * ./demo --providers openai,elevenlabs,heygen,runway,youtube,s3   # in another, after pasting the exports
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

    /** How many mocks run, on consecutive ports when a base port is given. */
    public static final int MOCKS = 8;

    private final OpenAiMock openAi;
    private final ElevenLabsMock elevenLabs;
    private final YouTubeMock youTube;
    private final S3Mock s3;
    private final HeyGenMock heyGen;
    private final SynthesiaMock synthesia;
    private final RunwayMock runway;
    private final PexelsMock pexels;

    private MockProviders(List<AutoCloseable> mocks) {
        this.openAi = (OpenAiMock) mocks.get(0);
        this.elevenLabs = (ElevenLabsMock) mocks.get(1);
        this.youTube = (YouTubeMock) mocks.get(2);
        this.s3 = (S3Mock) mocks.get(3);
        this.heyGen = (HeyGenMock) mocks.get(4);
        this.synthesia = (SynthesiaMock) mocks.get(5);
        this.runway = (RunwayMock) mocks.get(6);
        this.pexels = (PexelsMock) mocks.get(7);
    }

    /**
     * Starts the eight mocks: on free ports when {@code listen}'s port is 0, else on that port and
     * the seven after it (OpenAI, ElevenLabs, YouTube, S3, HeyGen, Synthesia, Runway, Pexels, in
     * that order).
     *
     * @param listen where they listen, and how many requests each remembers
     * @param ffmpeg what encodes the mocks' audio and video
     * @return the running mocks
     * @throws IllegalArgumentException when {@code listen}'s port leaves no room for the seven after it
     * @throws RuntimeException when a mock cannot start (a port in use, ffmpeg failing); those
     *     already started are stopped first
     */
    public static MockProviders start(Listen listen, Ffmpeg ffmpeg) {
        if (listen.port() > 65_535 - (MOCKS - 1)) {
            throw new IllegalArgumentException("the mocks take port " + listen.port() + " and the " + (MOCKS - 1)
                    + " after it; choose one up to " + (65_535 - (MOCKS - 1)));
        }
        List<AutoCloseable> started = new ArrayList<>();
        try {
            started.add(OpenAiMock.start(listen.withPort(port(listen, 0))));
            started.add(ElevenLabsMock.start(listen.withPort(port(listen, 1)), ffmpeg));
            started.add(YouTubeMock.start(listen.withPort(port(listen, 2))));
            started.add(S3Mock.start(listen.withPort(port(listen, 3))));
            started.add(HeyGenMock.start(listen.withPort(port(listen, 4)), ffmpeg));
            started.add(SynthesiaMock.start(listen.withPort(port(listen, 5)), ffmpeg));
            started.add(RunwayMock.start(listen.withPort(port(listen, 6)), ffmpeg));
            started.add(PexelsMock.start(listen.withPort(port(listen, 7)), ffmpeg));
            return new MockProviders(started);
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

    /**
     * Returns the provider settings that point the eight real adapters at the mocks: base URLs,
     * endpoint, bucket, path style, region, dummy keys and webhook secrets, short poll intervals,
     * and {@link #YOUTUBE_CHUNK_SIZE}.
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
        settings.putAll(heyGen.settings());
        settings.putAll(synthesia.settings());
        settings.putAll(runway.settings());
        settings.putAll(pexels.settings());
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

    /**
     * Returns the HeyGen mock.
     *
     * @return the mock
     */
    public HeyGenMock heyGen() {
        return heyGen;
    }

    /**
     * Returns the Synthesia mock.
     *
     * @return the mock
     */
    public SynthesiaMock synthesia() {
        return synthesia;
    }

    /**
     * Returns the Runway mock.
     *
     * @return the mock
     */
    public RunwayMock runway() {
        return runway;
    }

    /**
     * Returns the Pexels mock.
     *
     * @return the mock
     */
    public PexelsMock pexels() {
        return pexels;
    }

    /** Stops the eight mocks; what they held is gone. */
    @Override
    public void close() {
        openAi.close();
        elevenLabs.close();
        youTube.close();
        s3.close();
        heyGen.close();
        synthesia.close();
        runway.close();
        pexels.close();
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
