package io.acog.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.providers.http.AdapterSettings;
import io.acog.spi.ProviderConfig;
import io.acog.spi.Usage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Costs from OpenAI's list prices and the host's own, by the model that answered. */
class PriceTableTest {

    private static final String ASKED = "video-writer";

    private static PriceTable prices(Map<String, String> settings) {
        return new PriceTable(AdapterSettings.of("openai", ProviderConfig.of(settings)), List.of());
    }

    @Test
    void aDatedModelCostsWhatItsBaseNameDoes() {
        PriceTable prices = prices(Map.of());
        // asked for by a name with no price of its own (a deployment's, an alias)

        // gpt-4.1: 1,000,000 × 2.00 + 1,000,000 × 0.50 + 1,000,000 × 8.00
        assertThat(prices.usage("gpt-4.1-2025-04-14", ASKED, 1_000_000, 1_000_000, 1_000_000)
                        .costUsd())
                .isEqualByComparingTo("10.50");
        // not gpt-4.1's price: the longer name is its own model
        assertThat(prices.usage("gpt-4.1-nano-2025-04-14", ASKED, 1_000_000, 0, 1_000_000)
                        .costUsd())
                .isEqualByComparingTo("0.50");
        assertThat(prices.usage("gpt-4o-mini-2024-07-18", ASKED, 2_000_000, 2_000_000, 1_000_000)
                        .costUsd())
                .isEqualByComparingTo("1.05");
        assertThat(prices.usage("gpt-5-mini-2025-08-07", ASKED, 1_000_000, 1_000_000, 1_000_000)
                        .costUsd())
                .isEqualByComparingTo("2.275");
        assertThat(prices.usage("gpt-5", ASKED, 0, 1_000_000, 0).costUsd()).isEqualByComparingTo("0.125");
        assertThat(prices.usage("gpt-4o", ASKED, 1_000_000, 0, 0).costUsd()).isEqualByComparingTo("2.50");
    }

    @Test
    void costsAreRoundedAsAcogStoresThem() {
        // gpt-4.1-mini: 1 token of each: 0.40 + 0.10 + 1.60 per 1M = 0.0000021, which rounds to 0
        Usage tiny = prices(Map.of()).usage("gpt-4.1-mini", "gpt-4.1-mini", 1, 1, 1);
        assertThat(tiny.costUsd()).isEqualByComparingTo("0.0000");
        assertThat(tiny.tokens()).isEqualTo(3);
    }

    @Test
    void theHostOverridesAListPriceAndPricesOtherModels() {
        PriceTable prices = prices(Map.of(
                "openai.price.gpt-4.1-mini.input", "0.20",
                "openai.price.gpt-4.1-mini-2025-04-14.input", "0.30",
                "openai.price.gpt-4.1-mini-2025-04-14.output", "1.00",
                "openai.price.llama3.1:8b.input", "0.05",
                "openai.price.llama3.1:8b.output", "0.10"));

        // the base name's override (input), its list price (cached input, output)
        assertThat(prices.usage("gpt-4.1-mini", "gpt-4.1-mini", 1_000_000, 1_000_000, 1_000_000)
                        .costUsd())
                .isEqualByComparingTo("1.90");
        // the dated name's own price comes first, and is whole: cached input at its input price
        assertThat(prices.usage("gpt-4.1-mini-2025-04-14", "gpt-4.1-mini", 0, 1_000_000, 1_000_000)
                        .costUsd())
                .isEqualByComparingTo("1.30");
        // a model the list lacks, cached input charged as input
        assertThat(prices.usage("llama3.1:8b", "llama3.1:8b", 1_000_000, 1_000_000, 1_000_000)
                        .costUsd())
                .isEqualByComparingTo("0.20");
    }

    @Test
    void aModelTheServerRenamedCostsWhatTheModelAskedForDoes() {
        // an Azure deployment answers with its own name for the model
        PriceTable prices = prices(Map.of(
                "openai.price.video-writer.input", "1",
                "openai.price.video-writer.output", "2"));

        assertThat(prices.usage("my-unpriced-snapshot", "video-writer", 1_000_000, 0, 1_000_000)
                        .costUsd())
                .isEqualByComparingTo("3");
    }

    @Test
    void aModelWithoutAPriceHasTokensButNoCostAndIsWarnedAboutOnce() {
        PriceTable prices = prices(Map.of());
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Usage first;
        Usage second;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            first = prices.usage("mistral-large-2411", "mistral-large", 100, 20, 30);
            second = prices.usage("mistral-large-2411", "mistral-large", 100, 20, 30);
        } finally {
            System.setErr(stderr);
        }

        assertThat(first.costUsd()).isNull();
        assertThat(first.tokens()).isEqualTo(150);
        assertThat(second).isEqualTo(first);
        String warnings = log.toString(StandardCharsets.UTF_8);
        assertThat(warnings.split("no price for model mistral-large-2411", -1)).hasSize(2);
        assertThat(warnings).contains("openai.price.mistral-large-2411.input");
    }

    @Test
    void aBadPriceReadWhileACallIsRecordedCostsTheCostNotTheCall() {
        PriceTable prices = prices(Map.of("openai.price.o3.input", "cheap", "openai.price.o3.output", "8"));

        assertThat(prices.usage("o3", "o3", 10, 0, 10).costUsd()).isNull();
    }
}
