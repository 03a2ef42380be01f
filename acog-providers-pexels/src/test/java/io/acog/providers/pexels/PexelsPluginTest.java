package io.acog.providers.pexels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.spi.BrollGenerator;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderLimits;
import io.acog.testkit.providers.OfferedProviders;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the plugin registers, with which settings, and the settings it refuses. */
class PexelsPluginTest {

    private static final String KEY = "pexels-plugin-test-0c4f9b2a7e";

    @Test
    void withAKeyItRegistersABrollGeneratorNamedPexelsFoundByTheServiceLoader() {
        BrollGenerator broll = OfferedProviders.of("pexels", ProviderConfig.of(Map.of("pexels.api-key", KEY)))
                .the(BrollGenerator.class);

        assertThat(broll.name()).isEqualTo("pexels");
        assertThat(broll.clipSeconds()).as("any length: the assembler trims").isEmpty();
        assertThat(broll.toString()).contains("https://api.pexels.com").doesNotContain(KEY);
    }

    @Test
    void withoutAKeyItRegistersNothingAndDoesNotThrow() {
        assertThat(OfferedProviders.of("pexels", ProviderConfig.empty()).offered())
                .isEmpty();
        assertThat(OfferedProviders.of("pexels", ProviderConfig.of(Map.of("pexels.api-key", "  ")))
                        .offered())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "pexels.per-page, 81, a whole number from 1 to 80",
        "pexels.max-height, tall, a whole number from 144 to 4320",
        "pexels.query-attempts, 0, a whole number from 1 to 5",
        "pexels.timeout, soon, a positive duration",
        "pexels.download-timeout, -5, a positive duration",
        "pexels.base-url, ftp://api.pexels.com, an absolute http or https URL",
        "pexels.requests-per-hour, lots, a whole number from 0"
    })
    void aWrongSettingFailsRegistrationNamingTheKeyTheValueAndWhatItMustBe(String key, String value, String must) {
        Map<String, String> settings = new HashMap<>(Map.of("pexels.api-key", KEY));
        settings.put(key, value);

        assertThatThrownBy(() -> new PexelsPlugin().register(ProviderConfig.of(settings), new OfferedProviders()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "' is '" + value + "'")
                .hasMessageContaining(must)
                .hasMessageNotContaining(KEY);
    }

    @Test
    void theLimitsAreAnHoursShareOfEachMinuteAndAMonthsShareOfEachDay() {
        assertThat(limits(Map.of())).isEqualTo(new ProviderLimits(0, 3, 645));
        assertThat(limits(Map.of("pexels.requests-per-hour", "6000", "pexels.requests-per-month", "310000")))
                .isEqualTo(new ProviderLimits(0, 100, 10_000));
        assertThat(limits(Map.of("pexels.requests-per-hour", "0", "pexels.requests-per-month", "0")))
                .isEqualTo(ProviderLimits.none());
        assertThat(limits(Map.of("pexels.requests-per-hour", "30", "pexels.requests-per-month", "20")))
                .as("never rounded down to no limit")
                .isEqualTo(new ProviderLimits(0, 1, 1));
    }

    private static ProviderLimits limits(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("pexels.api-key", KEY);
        return OfferedProviders.of("pexels", ProviderConfig.of(all))
                .the(BrollGenerator.class)
                .limits();
    }
}
