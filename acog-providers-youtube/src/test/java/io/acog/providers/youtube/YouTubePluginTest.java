package io.acog.providers.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.spi.AssetStorage;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderLimits;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.ProviderRegistry;
import io.acog.spi.Publisher;
import io.acog.spi.VideoAssembler;
import io.acog.spi.VoiceSynthesizer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The plugin: found by ServiceLoader, registers the publisher only with credentials, checks settings. */
class YouTubePluginTest {

    private static final Map<String, String> CREDENTIALS = Map.of(
            "youtube.client-id", "1234-acog.apps.googleusercontent.com",
            "youtube.client-secret", "GOCSPX-client-SECRET-value",
            "youtube.refresh-token", "1//0refresh-TOKEN-secret");

    @Test
    void serviceLoaderFindsIt() {
        assertThat(ServiceLoader.load(ProviderPlugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(YouTubePlugin.class);
        assertThat(new YouTubePlugin().name()).isEqualTo("youtube");
    }

    @Test
    void withCredentialsItRegistersThePublisherNamedYoutube() {
        List<Publisher> publishers = register(CREDENTIALS);

        assertThat(publishers).hasSize(1);
        Publisher publisher = publishers.get(0);
        assertThat(publisher.name()).isEqualTo("youtube");
        assertThat(publisher.serves("YouTube")).isTrue();
        assertThat(publisher.toString())
                .doesNotContain("GOCSPX-client-SECRET-value")
                .doesNotContain("1//0refresh-TOKEN-secret");
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"youtube.client-id", "youtube.client-secret", "youtube.refresh-token"})
    void withoutACredentialItRegistersNothingAndDoesNotThrow(String missing) {
        Map<String, String> settings = new HashMap<>(CREDENTIALS);
        settings.remove(missing);
        settings.put("youtube.chunk-size", "1000"); // unusable, but never read without credentials

        assertThat(register(settings)).isEmpty();
    }

    @Test
    void aBlankCredentialCountsAsMissing() {
        Map<String, String> settings = new HashMap<>(CREDENTIALS);
        settings.put("youtube.refresh-token", "  ");

        assertThat(register(settings)).isEmpty();
    }

    @Test
    void itDeclaresAHundredUploadsAPacificDayByDefault() {
        ProviderLimits limits = register(CREDENTIALS).get(0).limits();

        assertThat(limits.requestsPerDay()).isEqualTo(100);
        assertThat(limits.quotaDay()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(limits.concurrentRequests()).isZero();
    }

    @Test
    void theUploadsPerDayAreASetting() {
        Map<String, String> settings = new HashMap<>(CREDENTIALS);
        settings.put("youtube.uploads-per-day", "400");

        assertThat(register(settings).get(0).limits().requestsPerDay()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "8388608, 8388608",
        "262144, 262144",
        "256KiB, 262144",
        "8MiB, 8388608",
        "16 MiB, 16777216",
    })
    void theChunkSizeIsAMultipleOf256KiB(String value, int bytes) {
        Map<String, String> settings = new HashMap<>(CREDENTIALS);
        settings.put("youtube.chunk-size", value);

        assertThat(YouTubeSettings.read(
                                io.acog.providers.http.AdapterSettings.of("youtube", ProviderConfig.of(settings)))
                        .orElseThrow()
                        .chunkSize())
                .isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1000", "300000", "0", "-262144", "8MB", "lots"})
    void aChunkSizeThatIsNoMultipleOf256KiBFailsNamingTheSetting(String value) {
        Map<String, String> settings = new HashMap<>(CREDENTIALS);
        settings.put("youtube.chunk-size", value);

        assertThatThrownBy(() -> register(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'youtube.chunk-size'")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("multiple of 256 KiB");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "youtube.upload-base-url, ftp://example.com",
        "youtube.token-url, not a url",
        "youtube.base-url, //no-scheme",
        "youtube.timeout, -5",
        "youtube.connect-timeout, soon",
        "youtube.uploads-per-day, -1",
    })
    void anUnusableSettingFailsNamingItAndItsValue(String key, String value) {
        Map<String, String> settings = new HashMap<>(CREDENTIALS);
        settings.put(key, value);

        assertThatThrownBy(() -> register(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining(value)
                .hasMessageContaining("must be");
    }

    @Test
    void theDefaultsAreGooglesEndpoints() {
        YouTubeSettings settings = YouTubeSettings.read(
                        io.acog.providers.http.AdapterSettings.of("youtube", ProviderConfig.of(CREDENTIALS)))
                .orElseThrow();

        assertThat(settings.tokenUrl()).hasToString("https://oauth2.googleapis.com/token");
        assertThat(settings.baseUrl()).hasToString("https://www.googleapis.com");
        assertThat(settings.uploadBaseUrl()).hasToString("https://www.googleapis.com");
        assertThat(settings.chunkSize()).isEqualTo(8 * 1024 * 1024);
        assertThat(settings.timeout()).hasSeconds(120);
        assertThat(settings.credential().toString())
                .doesNotContain("GOCSPX-client-SECRET-value")
                .doesNotContain("1//0refresh-TOKEN-secret");
    }

    private static List<Publisher> register(Map<String, String> settings) {
        List<Publisher> publishers = new ArrayList<>();
        new YouTubePlugin().register(ProviderConfig.of(settings), new PublishersOnly(publishers));
        return publishers;
    }

    /** A registry that keeps publishers and refuses anything else. */
    private record PublishersOnly(List<Publisher> publishers) implements ProviderRegistry {

        @Override
        public void publisher(Publisher publisher) {
            publishers.add(publisher);
        }

        @Override
        public void contentWriter(ContentWriter writer) {
            throw new AssertionError("a content writer was registered");
        }

        @Override
        public void voiceSynthesizer(VoiceSynthesizer synthesizer) {
            throw new AssertionError("a voice was registered");
        }

        @Override
        public void avatarRenderer(AvatarRenderer renderer) {
            throw new AssertionError("an avatar renderer was registered");
        }

        @Override
        public void brollGenerator(BrollGenerator generator) {
            throw new AssertionError("a b-roll generator was registered");
        }

        @Override
        public void videoAssembler(VideoAssembler assembler) {
            throw new AssertionError("an assembler was registered");
        }

        @Override
        public void assetStorage(AssetStorage storage) {
            throw new AssertionError("a storage was registered");
        }
    }
}
