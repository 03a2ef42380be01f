package io.acog.providers.synthesia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.spi.AvatarRenderer;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderLimits;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.RenderWebhooks;
import io.acog.testkit.providers.OfferedProviders;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SynthesiaPluginTest {

    private static final String KEY = "synth_plugin_test_0123456789abcdef";
    private static final String SECRET = "whsec_plugin_test_fedcba9876543210";

    @Test
    void theServiceLoaderFindsThePluginAndItRegistersTheRendererWhenTheKeyIsSet() {
        ProviderPlugin plugin = ServiceLoader.load(ProviderPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(found -> found.name().equals("synthesia"))
                .findFirst()
                .orElseThrow();
        OfferedProviders offered = new OfferedProviders();

        plugin.register(
                ProviderConfig.of(Map.of("synthesia.api-key", KEY, "synthesia.webhook-secret", SECRET)), offered);

        assertThat(offered.offered()).singleElement().satisfies(provider -> {
            assertThat(provider).isInstanceOf(AvatarRenderer.class).isInstanceOf(RenderWebhooks.class);
            AvatarRenderer renderer = (AvatarRenderer) provider;
            assertThat(renderer.name()).isEqualTo("synthesia");
            assertThat(renderer.serves("Synthesia")).isTrue();
            assertThat(renderer.serves("heygen")).isFalse();
            assertThat(renderer.coverage()).isEqualTo(AvatarRenderer.Coverage.NARRATION);
            assertThat(renderer.limits()).isEqualTo(new ProviderLimits(0, 60, 0));
            assertThat(renderer.toString()).doesNotContain(KEY).doesNotContain(SECRET);
        });
    }

    @Test
    void withoutAKeyNothingIsRegisteredAndNothingThrown() {
        OfferedProviders offered = new OfferedProviders();

        new SynthesiaPlugin().register(ProviderConfig.empty(), offered);
        new SynthesiaPlugin().register(ProviderConfig.of(Map.of("synthesia.api-key", "  ")), offered);
        // a wrong setting of an adapter that is not used does not stop the host either
        new SynthesiaPlugin().register(ProviderConfig.of(Map.of("synthesia.poll-interval", "soon")), offered);

        assertThat(offered.offered()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "base-url | api.synthesia.io | an absolute http or https URL",
                "upload-base-url | ftp://upload.api.synthesia.io | an absolute http or https URL",
                "webhook-tolerance | -5 | a positive duration",
                "poll-interval | soon | a positive duration",
                "price-per-minute | cheap | a decimal number",
                "price-per-minute | -1 | 0 or more",
                "test | maybe | true or false",
                "language | English | a language code",
                "visibility | unlisted | private or public",
                "timeout | 0 | a positive duration",
                "connect-timeout | never | a positive duration",
                "upload-timeout | -1 | a positive duration",
                "download-timeout | later | a positive duration",
                "concurrent-requests | -1 | a whole number from 0",
                "requests-per-minute | sixty | a whole number from 0",
            })
    void aWrongSettingFailsRegistrationNamingTheKeyTheValueAndWhatItMustBe(String key, String value, String must) {
        Map<String, String> settings =
                new HashMap<>(Map.of("synthesia.api-key", KEY, "synthesia.webhook-secret", SECRET));
        settings.put("synthesia." + key, value);

        assertThatThrownBy(() -> new SynthesiaPlugin().register(ProviderConfig.of(settings), new OfferedProviders()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'synthesia." + key + "'")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining(must)
                .message()
                .doesNotContain(KEY)
                .doesNotContain(SECRET);
    }

    @Test
    void settingsHaveTheirDocumentedDefaults() {
        SynthesiaSettings settings = SynthesiaSettings.read(ProviderConfig.of(Map.of("synthesia.api-key", KEY)))
                .orElseThrow();

        assertThat(settings.baseUrl()).hasToString("https://api.synthesia.io");
        assertThat(settings.uploadBaseUrl()).hasToString("https://upload.api.synthesia.io");
        assertThat(settings.webhookSecret()).isNull();
        assertThat(settings.webhookTolerance()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.pricePerMinute()).isEqualByComparingTo(new BigDecimal("3.00"));
        assertThat(settings.test()).isFalse();
        assertThat(settings.language()).isEqualTo("en-US");
        assertThat(settings.visibility()).isEqualTo("private");
        assertThat(settings.avatar()).isNull();
        assertThat(settings.background()).isEqualTo("white_studio");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.uploadTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.downloadTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.concurrentRequests()).isZero();
        assertThat(settings.requestsPerMinute()).isEqualTo(60);
        assertThat(settings.toString()).doesNotContain(KEY);
    }

    @Test
    void theSettingsToStringHidesTheWebhookSecret() {
        SynthesiaSettings settings = SynthesiaSettings.read(
                        ProviderConfig.of(Map.of("synthesia.api-key", KEY, "synthesia.webhook-secret", SECRET)))
                .orElseThrow();

        assertThat(settings.toString())
                .doesNotContain(KEY)
                .doesNotContain(SECRET)
                .contains("webhooks verified");
    }
}
