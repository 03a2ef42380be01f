package io.acog.providers.heygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.spi.AvatarRenderer;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderLimits;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.RenderWebhooks;
import io.acog.testkit.providers.OfferedProviders;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeyGenPluginTest {

    private static final String KEY = "hg_plugin_test_0123456789abcdef";

    @Test
    void theServiceLoaderFindsThePluginAndItRegistersTheRendererWhenTheKeyIsSet() {
        ProviderPlugin plugin = ServiceLoader.load(ProviderPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(found -> found.name().equals("heygen"))
                .findFirst()
                .orElseThrow();
        OfferedProviders offered = new OfferedProviders();

        plugin.register(
                ProviderConfig.of(Map.of("heygen.api-key", KEY, "heygen.webhook-secret", FakeHeyGen.WEBHOOK_SECRET)),
                offered);

        assertThat(offered.offered()).singleElement().satisfies(renderer -> {
            assertThat(renderer).isInstanceOf(AvatarRenderer.class).isInstanceOf(RenderWebhooks.class);
            assertThat(((AvatarRenderer) renderer).name()).isEqualTo("heygen");
            assertThat(((AvatarRenderer) renderer).limits()).isEqualTo(new ProviderLimits(10, 0, 0));
            assertThat(renderer.toString())
                    .contains("https://api.heygen.com", "webhooks verified")
                    .doesNotContain(KEY)
                    .doesNotContain(FakeHeyGen.WEBHOOK_SECRET);
        });
    }

    @Test
    void withoutAKeyNothingIsRegisteredAndNothingThrown() {
        OfferedProviders offered = new OfferedProviders();

        new HeyGenPlugin().register(ProviderConfig.empty(), offered);
        new HeyGenPlugin().register(ProviderConfig.of(Map.of("heygen.api-key", "  ")), offered);
        // a wrong setting of an adapter that is not used does not stop the host either
        new HeyGenPlugin().register(ProviderConfig.of(Map.of("heygen.resolution", "8k")), offered);

        assertThat(offered.offered()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "base-url | api.heygen.com | an absolute http or https URL",
                "resolution | 8k | 720p, 1080p or 4k",
                "poll-interval | soon | a positive duration",
                "webhook-tolerance | 0 | a positive duration",
                "timeout | -5 | a positive duration",
                "connect-timeout | never | a positive duration",
                "download-timeout | PT-1S | a positive duration",
                "price-per-minute | cheap | a decimal number",
                "price-per-minute | -4 | 0 or more",
                "concurrent-requests | -1 | a whole number from 0",
                "concurrent-requests | ten | a whole number from 0",
            })
    void aWrongSettingFailsRegistrationNamingTheKeyTheValueAndWhatItMustBe(String key, String value, String must) {
        Map<String, String> settings = new HashMap<>(Map.of("heygen.api-key", KEY));
        settings.put("heygen." + key, value);

        assertThatThrownBy(() -> new HeyGenPlugin().register(ProviderConfig.of(settings), new OfferedProviders()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'heygen." + key + "'")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining(must)
                .message()
                .doesNotContain(KEY);
    }

    @Test
    void settingsHaveTheirDocumentedDefaults() {
        HeyGenSettings settings = HeyGenSettings.read(ProviderConfig.of(Map.of("heygen.api-key", KEY)))
                .orElseThrow();

        assertThat(settings.baseUrl()).hasToString("https://api.heygen.com");
        assertThat(settings.webhookSecret()).isNull();
        assertThat(settings.webhookTolerance()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.pricePerMinute()).isEqualByComparingTo("4.00");
        assertThat(settings.resolution()).isNull();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.downloadTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.concurrentRequests()).isEqualTo(10);
        assertThat(settings.toString()).doesNotContain(KEY);
    }

    @Test
    void settingsAreReadAsGiven() {
        HeyGenSettings settings = HeyGenSettings.read(ProviderConfig.of(Map.of(
                        "heygen.api-key", KEY,
                        "heygen.base-url", "http://127.0.0.1:9000/",
                        "heygen.resolution", "4K",
                        "heygen.poll-interval", "PT30S",
                        "heygen.price-per-minute", "3.00",
                        "heygen.concurrent-requests", "0")))
                .orElseThrow();

        assertThat(settings.baseUrl()).hasToString("http://127.0.0.1:9000");
        assertThat(settings.resolution()).isEqualTo("4k");
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.pricePerMinute()).isEqualByComparingTo("3.00");
        assertThat(settings.concurrentRequests()).isZero();
    }
}
