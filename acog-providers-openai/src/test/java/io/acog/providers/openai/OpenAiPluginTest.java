package io.acog.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderPlugin;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The plugin as a host meets it: found by the ServiceLoader, quiet without a key, strict with bad settings. */
class OpenAiPluginTest {

    private static final String KEY = OpenAiApi.API_KEY;

    @Test
    void theServiceLoaderFindsThePluginAndItRegistersTheWriterNamedOpenai() {
        ProviderPlugin plugin = ServiceLoader.load(ProviderPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(found -> found.name().equals("openai"))
                .findFirst()
                .orElseThrow();
        assertThat(plugin).isInstanceOf(OpenAiPlugin.class);

        assertThat(OpenAiApi.register(ProviderConfig.of(Map.of("openai.api-key", KEY))))
                .singleElement()
                .extracting(ContentWriter::name)
                .isEqualTo("openai");
    }

    @Test
    void withoutAnApiKeyItRegistersNothingAndChecksNothing() {
        assertThat(OpenAiApi.register(ProviderConfig.empty())).isEmpty();
        assertThat(OpenAiApi.register(ProviderConfig.of(Map.of("openai.api-key", "  "))))
                .isEmpty();
        // the host does not use OpenAI: its other settings are none of our business
        assertThat(OpenAiApi.register(ProviderConfig.of(Map.of("openai.timeout", "abc"))))
                .isEmpty();
    }

    @Test
    void aSettingThatCannotBeUsedFailsRegistrationNamingItsKeyAndValue() {
        assertThatThrownBy(() -> register("openai.timeout", "abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("provider setting 'openai.timeout' is 'abc'; it must be a positive duration, in seconds"
                        + " or as ISO-8601 (PT30S)");
        assertThatThrownBy(() -> register("openai.connect-timeout", "-1"))
                .hasMessageStartingWith("provider setting 'openai.connect-timeout' is '-1'");
        assertThatThrownBy(() -> register("openai.base-url", "api.openai.com/v1"))
                .hasMessageStartingWith("provider setting 'openai.base-url' is 'api.openai.com/v1'; it must be an"
                        + " absolute http or https URL");
        assertThatThrownBy(() -> register("openai.max-output-tokens", "0"))
                .hasMessageStartingWith("provider setting 'openai.max-output-tokens' is '0'");
        assertThatThrownBy(() -> register("openai.temperature", "2.5"))
                .hasMessage("provider setting 'openai.temperature' is '2.5'; it must be a number from 0 to 2");
        assertThatThrownBy(() -> register("openai.requests-per-minute", "lots"))
                .hasMessageStartingWith("provider setting 'openai.requests-per-minute' is 'lots'");
        assertThatThrownBy(() -> register("openai.price.gpt-4.1.output", "eight dollars"))
                .hasMessage("provider setting 'openai.price.gpt-4.1.output' is 'eight dollars'; it must be a"
                        + " decimal number");
        assertThatThrownBy(() -> register("openai.price.gpt-4o.input", "-2.50"))
                .hasMessageStartingWith("provider setting 'openai.price.gpt-4o.input' is '-2.50'; it must be a price"
                        + " of 0 or more");
    }

    @Test
    void aConfiguredModelPricedByHalvesFailsRegistrationSayingWhatIsMissing() {
        assertThatThrownBy(() -> OpenAiApi.register(ProviderConfig.of(Map.of(
                        "openai.api-key", KEY,
                        "openai.model.script", "ft:gpt-4.1-mini:acme::abc123",
                        "openai.price.ft:gpt-4.1-mini:acme::abc123.input", "0.80"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("provider setting 'openai.price.ft:gpt-4.1-mini:acme::abc123.output' is not set, but"
                        + " 'openai.price.ft:gpt-4.1-mini:acme::abc123.input' is; a model's price needs both (USD per"
                        + " 1M tokens)");
    }

    @Test
    void theKeyIsInNoMessageNorInTheSettingsText() {
        assertThatThrownBy(() -> register("openai.timeout", "abc")).message().doesNotContain(KEY);
        OpenAiSettings settings = OpenAiSettings.read(ProviderConfig.of(
                        Map.of("openai.api-key", KEY, "openai.base-url", "https://user:password@proxy.example/v1")))
                .orElseThrow();
        assertThat(settings.toString())
                .doesNotContain(KEY)
                .doesNotContain("password")
                .contains("https://proxy.example/v1");
    }

    @Test
    void theDefaultsAreOpenAisEndpointAndAMiniModel() {
        OpenAiSettings settings = OpenAiSettings.read(ProviderConfig.of(Map.of("openai.api-key", KEY)))
                .orElseThrow();
        assertThat(settings.baseUrl()).hasToString("https://api.openai.com/v1");
        assertThat(settings.models())
                .containsOnlyKeys(WritingTask.values())
                .allSatisfy((task, model) -> assertThat(model).isEqualTo("gpt-4.1-mini"));
        assertThat(settings.timeout()).hasSeconds(120);
        assertThat(settings.maxOutputTokens()).isEqualTo(4096);
        assertThat(settings.temperature()).isNull();
        assertThat(settings.limits().unlimited()).isTrue();
    }

    private static void register(String key, String value) {
        OpenAiApi.register(ProviderConfig.of(Map.of("openai.api-key", KEY, key, value)));
    }
}
