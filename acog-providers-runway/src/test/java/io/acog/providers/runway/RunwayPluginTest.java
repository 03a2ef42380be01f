package io.acog.providers.runway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.spi.BrollGenerator;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderLimits;
import io.acog.spi.ProviderPlugin;
import io.acog.testkit.providers.OfferedProviders;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunwayPluginTest {

    private static final String KEY = FakeRunway.API_KEY;

    @Test
    void theServiceLoaderFindsThePluginAndItRegistersTheGeneratorWhenTheKeyIsSet() {
        ProviderPlugin plugin = ServiceLoader.load(ProviderPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(found -> found.name().equals("runway"))
                .findFirst()
                .orElseThrow();
        OfferedProviders offered = new OfferedProviders();

        plugin.register(ProviderConfig.of(Map.of("runway.api-key", KEY)), offered);

        assertThat(offered.offered()).singleElement().isInstanceOfSatisfying(BrollGenerator.class, generator -> {
            assertThat(generator.name()).isEqualTo("runway");
            assertThat(generator.limits()).isEqualTo(ProviderLimits.none());
            assertThat(generator.clipSeconds()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertThat(generator.toString()).doesNotContain(KEY);
        });
    }

    @Test
    void withoutAKeyNothingIsRegisteredAndNothingThrown() {
        OfferedProviders offered = new OfferedProviders();

        new RunwayPlugin().register(ProviderConfig.empty(), offered);
        new RunwayPlugin().register(ProviderConfig.of(Map.of("runway.api-key", "  ")), offered);
        // a wrong setting of an adapter that is not used does not stop the host either
        new RunwayPlugin().register(ProviderConfig.of(Map.of("runway.model", "gen3a_turbo")), offered);

        assertThat(offered.offered()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"gen4.5 | 2, 3, 4, 5, 6, 7, 8, 9, 10", "veo3.1 | 4, 6, 8", "veo3.1_fast | 4, 6, 8", "veo3 | 8"})
    void theClipLengthsAreTheModelsDurations(String model, String seconds) {
        BrollGenerator generator = Clips.registered(Map.of("runway.api-key", KEY, "runway.model", model));

        assertThat(generator.clipSeconds())
                .isEqualTo(List.of(seconds.split(", ")).stream()
                        .map(Integer::valueOf)
                        .toList());
    }

    @Test
    void everyKnownModelTakesBothFramesTheAdapterAsksFor() {
        assertThat(RunwayModel.KNOWN.values())
                .allSatisfy(model -> assertThat(model.ratios()).contains(model.ratio(false), model.ratio(true)));
    }

    @Test
    void theConcurrentRequestsSettingIsDeclaredAsTheFleetsLimit() {
        BrollGenerator generator = Clips.registered(Map.of("runway.api-key", KEY, "runway.concurrent-requests", "3"));

        assertThat(generator.limits().concurrentRequests()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "model | gen3a_turbo | a text-to-video model this adapter knows: gen4.5, veo3, veo3.1, veo3.1_fast",
                "model | gen4_turbo | a text-to-video model this adapter knows",
                "poll-interval | 2 | at least 5 seconds",
                "poll-interval | PT4.9S | at least 5 seconds",
                "poll-interval | soon | a positive duration",
                "api-version | latest | an API version date such as 2024-11-06",
                "seed | -1 | a whole number from 0 to 4294967295",
                "seed | 4294967296 | a whole number from 0 to 4294967295",
                "seed | lucky | a whole number from 0 to 4294967295",
                "price-per-credit | cheap | a decimal number",
                "price-per-credit | -0.01 | 0 or more",
                "credits-per-second | -1 | 0 or more",
                "credits-per-second.gen4.5 | twelve | a decimal number",
                "timeout | -5 | a positive duration",
                "connect-timeout | 0 | a positive duration",
                "download-timeout | never | a positive duration",
                "concurrent-requests | -1 | a whole number from 0",
                "base-url | api.dev.runwayml.com | an absolute http or https URL",
            })
    void aWrongSettingFailsRegistrationNamingTheKeyTheValueAndWhatItMustBe(String key, String value, String must) {
        Map<String, String> settings = new HashMap<>(Map.of("runway.api-key", KEY));
        settings.put("runway." + key, value);

        assertThatThrownBy(() -> new RunwayPlugin().register(ProviderConfig.of(settings), new OfferedProviders()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'runway." + key + "'")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining(must)
                .message()
                .doesNotContain(KEY);
    }

    @Test
    void aSeedIsRefusedWithAModelThatTakesNone() {
        Map<String, String> settings = Map.of("runway.api-key", KEY, "runway.model", "veo3.1", "runway.seed", "42");

        assertThatThrownBy(() -> new RunwayPlugin().register(ProviderConfig.of(settings), new OfferedProviders()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'runway.seed' is '42'")
                .hasMessageContaining("veo3.1, which takes no seed");
    }

    @Test
    void settingsHaveTheirDocumentedDefaults() {
        RunwaySettings settings = RunwaySettings.read(ProviderConfig.of(Map.of("runway.api-key", KEY)))
                .orElseThrow();

        assertThat(settings.baseUrl()).hasToString("https://api.dev.runwayml.com");
        assertThat(settings.model().name()).isEqualTo("gen4.5");
        assertThat(settings.apiVersion()).isEqualTo("2024-11-06");
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(6));
        assertThat(settings.pricePerCredit()).isEqualByComparingTo("0.01");
        assertThat(settings.creditsPerSecond()).isEqualByComparingTo("12");
        assertThat(settings.seed()).isEmpty();
        assertThat(settings.timeout()).hasSeconds(30);
        assertThat(settings.connectTimeout()).hasSeconds(10);
        assertThat(settings.downloadTimeout()).hasMinutes(5);
        assertThat(settings.concurrentRequests()).isZero();
        assertThat(settings.toString()).doesNotContain(KEY);
    }

    @ParameterizedTest
    @CsvSource({"veo3.1, 20", "veo3.1_fast, 10", "veo3, 40", "gen4.5, 12"})
    void eachModelHasItsListPrice(String model, String credits) {
        RunwaySettings settings = RunwaySettings.read(
                        ProviderConfig.of(Map.of("runway.api-key", KEY, "runway.model", model)))
                .orElseThrow();

        assertThat(settings.creditsPerSecond()).isEqualByComparingTo(credits);
    }

    @Test
    void theModelsOwnPriceWinsOverTheGeneralOne() {
        RunwaySettings settings = RunwaySettings.read(ProviderConfig.of(Map.of(
                        "runway.api-key", KEY,
                        "runway.model", "veo3.1",
                        "runway.credits-per-second", "30",
                        "runway.credits-per-second.veo3.1", "40",
                        "runway.credits-per-second.gen4.5", "99")))
                .orElseThrow();

        assertThat(settings.creditsPerSecond()).isEqualByComparingTo("40");
    }

    @Test
    void theGeneralPriceIsTheConfiguredModelsWhenItHasNoOwn() {
        RunwaySettings settings = RunwaySettings.read(
                        ProviderConfig.of(Map.of("runway.api-key", KEY, "runway.credits-per-second", "15")))
                .orElseThrow();

        assertThat(settings.creditsPerSecond()).isEqualByComparingTo("15");
    }

    @Test
    void aPollIntervalOfFiveSecondsOrMoreIsTaken() {
        RunwaySettings settings = RunwaySettings.read(
                        ProviderConfig.of(Map.of("runway.api-key", KEY, "runway.poll-interval", "5")))
                .orElseThrow();

        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(5));
    }
}
