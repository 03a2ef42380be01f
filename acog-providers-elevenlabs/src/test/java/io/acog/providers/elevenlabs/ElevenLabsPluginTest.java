package io.acog.providers.elevenlabs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderLimits;
import io.acog.spi.ProviderPlugin;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElevenLabsPluginTest {

    private static final String KEY = "sk_plugin_test_0123456789abcdef";

    @Test
    void theServiceLoaderFindsThePluginAndItRegistersTheVoiceWhenTheKeyIsSet() {
        ProviderPlugin plugin = ServiceLoader.load(ProviderPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(found -> found.name().equals("elevenlabs"))
                .findFirst()
                .orElseThrow();
        Voices.Registry registry = new Voices.Registry();

        plugin.register(ProviderConfig.of(Map.of("elevenlabs.api-key", KEY)), registry);

        assertThat(registry.voices).singleElement().satisfies(voice -> {
            assertThat(voice.name()).isEqualTo("elevenlabs");
            assertThat(voice.serves("ElevenLabs")).isTrue();
            assertThat(voice.limits()).isEqualTo(new ProviderLimits(2, 0, 0));
            assertThat(voice.toString()).doesNotContain(KEY);
        });
        assertThat(registry.others).isEmpty();
    }

    @Test
    void withoutAKeyNothingIsRegisteredAndNothingThrown() {
        Voices.Registry registry = new Voices.Registry();

        new ElevenLabsPlugin().register(ProviderConfig.empty(), registry);
        new ElevenLabsPlugin().register(ProviderConfig.of(Map.of("elevenlabs.api-key", "  ")), registry);
        // a wrong setting of an adapter that is not used does not stop the host either
        new ElevenLabsPlugin().register(ProviderConfig.of(Map.of("elevenlabs.concurrent-requests", "-1")), registry);

        assertThat(registry.voices).isEmpty();
        assertThat(registry.others).isEmpty();
    }

    @Test
    void theConcurrentRequestsSettingIsDeclaredAsTheFleetsLimit() {
        Voices.Registry registry = new Voices.Registry();

        new ElevenLabsPlugin()
                .register(
                        ProviderConfig.of(Map.of("elevenlabs.api-key", KEY, "elevenlabs.concurrent-requests", "10")),
                        registry);

        assertThat(registry.voices.get(0).limits().concurrentRequests()).isEqualTo(10);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "concurrent-requests | -1 | a whole number from 0",
                "concurrent-requests | two | a whole number from 0",
                "output-format | opus_48000_64 | an MP3 format",
                "output-format | wav | an MP3 format",
                "enable-logging | maybe | true or false",
                "timeout | -5 | a positive duration",
                "connect-timeout | soon | a positive duration",
                "base-url | api.elevenlabs.io | an absolute http or https URL",
                "price-per-1k-characters | cheap | a decimal number",
                "price-per-1k-characters | -0.3 | 0 or more",
                "max-characters | 5 | a whole number from 20",
            })
    void aWrongSettingFailsRegistrationNamingTheKeyTheValueAndWhatItMustBe(String key, String value, String must) {
        Map<String, String> settings = new HashMap<>(Map.of("elevenlabs.api-key", KEY));
        settings.put("elevenlabs." + key, value);

        assertThatThrownBy(() -> new ElevenLabsPlugin().register(ProviderConfig.of(settings), new Voices.Registry()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'elevenlabs." + key + "'")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining(must)
                .message()
                .doesNotContain(KEY);
    }

    @Test
    void settingsHaveTheirDocumentedDefaults() {
        ElevenLabsSettings settings = ElevenLabsSettings.read(ProviderConfig.of(Map.of("elevenlabs.api-key", KEY)))
                .orElseThrow();

        assertThat(settings.baseUrl()).hasToString("https://api.elevenlabs.io");
        assertThat(settings.model()).isEqualTo("eleven_multilingual_v2");
        assertThat(settings.voiceId()).isNull();
        assertThat(settings.encoding().outputFormat()).isEqualTo("mp3_44100_128");
        assertThat(settings.encoding().bytesPerSecond()).isEqualTo(16_000);
        assertThat(settings.enableLogging()).isTrue();
        assertThat(settings.concurrentRequests()).isEqualTo(2);
        assertThat(settings.pricePer1kCharacters()).isEqualByComparingTo("0.30");
        assertThat(settings.timeout()).hasSeconds(180);
        assertThat(settings.connectTimeout()).hasSeconds(10);
        assertThat(settings.maxCharacters()).isEmpty();
        assertThat(settings.toString()).doesNotContain(KEY);
    }
}
