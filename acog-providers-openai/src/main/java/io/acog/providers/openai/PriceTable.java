package io.acog.providers.openai;

import io.acog.providers.http.AdapterSettings;
import io.acog.spi.Usage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What OpenAI charges for a model's tokens, in US dollars per million: built-in list prices for a
 * few current models, each of which the host may override, and prices of other models the host
 * adds, with {@code openai.price.<model>.input}, {@code .cached-input} and {@code .output}. A model
 * the API names with a date ({@code gpt-4.1-mini-2025-04-14}) costs what its base name does unless
 * it has a price of its own. A call to a model without a price is recorded without a cost, with one
 * warning per model. Thread-safe.
 */
final class PriceTable {

    private static final Logger LOG = LoggerFactory.getLogger(PriceTable.class);

    /**
     * OpenAI's list prices (standard tier, USD per 1M tokens: input, cached input, output), as
     * published on platform.openai.com/docs/pricing. They change: a host that needs exact costs sets
     * its own with {@code openai.price.<model>.*}.
     */
    static final Map<String, Price> LIST_PRICES = Map.of(
            "gpt-4.1", Price.of("2.00", "0.50", "8.00"),
            "gpt-4.1-mini", Price.of("0.40", "0.10", "1.60"),
            "gpt-4.1-nano", Price.of("0.10", "0.025", "0.40"),
            "gpt-4o", Price.of("2.50", "1.25", "10.00"),
            "gpt-4o-mini", Price.of("0.15", "0.075", "0.60"),
            "gpt-5", Price.of("1.25", "0.125", "10.00"),
            "gpt-5-mini", Price.of("0.25", "0.025", "2.00"));

    /** A snapshot's date at the end of a model's name: {@code -2025-04-14}, or {@code -0613} for older ones. */
    private static final Pattern DATED = Pattern.compile("(.+)-(\\d{4}-\\d{2}-\\d{2}|\\d{4})");

    private static final BigDecimal PER_MILLION = BigDecimal.valueOf(1_000_000);

    private final AdapterSettings settings;
    private final ConcurrentMap<String, Optional<Price>> prices = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * Reads the prices of the built-in models and of {@code models} (those the settings name) now,
     * so that a price setting that is not a number fails the plugin's registration.
     *
     * @throws IllegalArgumentException naming the setting when a price is not a number of 0 or
     *     more, or a model the built-in table lacks is given an input price without an output price
     *     or the other way round
     */
    PriceTable(AdapterSettings settings, Collection<String> models) {
        this.settings = settings;
        Set<String> known = new LinkedHashSet<>(LIST_PRICES.keySet());
        known.addAll(models);
        for (String model : known) {
            prices.put(model, read(model));
        }
    }

    /**
     * Returns what a call cost: its tokens at the price of the model that answered, else at that of
     * the model asked for.
     *
     * @param answered the model the API says answered, e.g. {@code gpt-4.1-mini-2025-04-14}
     * @param asked the model the call asked for, e.g. {@code gpt-4.1-mini}
     * @param input prompt tokens not served from OpenAI's cache
     * @param cachedInput prompt tokens served from it
     * @param output completion tokens, reasoning included
     * @return the usage, its cost null when neither model has a price
     */
    Usage usage(String answered, String asked, long input, long cachedInput, long output) {
        Optional<Price> price = priceOf(answered, asked);
        Usage usage = price.map(p -> Usage.cost(p.cost(input, cachedInput, output)))
                .orElseGet(Usage::none)
                .withTokens(input, cachedInput, output);
        if (price.isEmpty() && warned.add(answered)) {
            LOG.warn(
                    "openai: no price for model {}, so its calls are recorded without a cost; set {}, {} and {}"
                            + " (USD per 1M tokens)",
                    answered,
                    settings.key(key(answered, "input")),
                    settings.key(key(answered, "cached-input")),
                    settings.key(key(answered, "output")));
        }
        return usage;
    }

    /** The price of the first of the models' names (each, then without its date) that has one. */
    Optional<Price> priceOf(String answered, String asked) {
        List<String> names = new ArrayList<>(4);
        for (String model : new String[] {answered, asked}) {
            if (model != null) {
                names.add(model);
                Matcher dated = DATED.matcher(model);
                if (dated.matches()) {
                    names.add(dated.group(1));
                }
            }
        }
        for (String name : names) {
            Optional<Price> price = prices.computeIfAbsent(name, this::readAtCall);
            if (price.isPresent()) {
                return price;
            }
        }
        return Optional.empty();
    }

    /** A model's price read while a call is being recorded: a bad setting costs the cost, not the call. */
    private Optional<Price> readAtCall(String model) {
        try {
            return read(model);
        } catch (IllegalArgumentException e) {
            LOG.warn("openai: {}; calls to {} are recorded without a cost", e.getMessage(), model);
            return Optional.empty();
        }
    }

    private Optional<Price> read(String model) {
        Price listed = LIST_PRICES.get(model);
        BigDecimal input = price(model, "input", listed == null ? null : listed.input());
        BigDecimal output = price(model, "output", listed == null ? null : listed.output());
        // without a price of its own, cached input is charged at worst as fresh input
        BigDecimal cachedInput = price(model, "cached-input", listed == null ? input : listed.cachedInput());
        if (input == null && output == null) {
            return Optional.empty();
        }
        if (input == null || output == null) {
            String missing = input == null ? "input" : "output";
            String set = input == null ? "output" : "input";
            throw new IllegalArgumentException("provider setting '" + settings.key(key(model, missing))
                    + "' is not set, but '" + settings.key(key(model, set)) + "' is; a model's price needs"
                    + " both (USD per 1M tokens)");
        }
        return Optional.of(new Price(input, cachedInput == null ? input : cachedInput, output));
    }

    private BigDecimal price(String model, String kind, BigDecimal fallback) {
        String key = key(model, kind);
        BigDecimal price = settings.decimal(key, fallback);
        if (price != null && price.signum() < 0) {
            throw new IllegalArgumentException("provider setting '" + settings.key(key) + "' is '"
                    + price.toPlainString() + "'; it must be a price of 0 or more, in USD per 1M tokens");
        }
        return price;
    }

    private static String key(String model, String kind) {
        return "price." + model + "." + kind;
    }

    /**
     * A model's price in US dollars per million tokens.
     *
     * @param input fresh prompt tokens
     * @param cachedInput prompt tokens served from OpenAI's cache
     * @param output completion tokens, reasoning included
     */
    record Price(BigDecimal input, BigDecimal cachedInput, BigDecimal output) {

        static Price of(String input, String cachedInput, String output) {
            return new Price(new BigDecimal(input), new BigDecimal(cachedInput), new BigDecimal(output));
        }

        /** The cost of a call's tokens, exact (the {@link Usage} rounds it to its four decimals). */
        BigDecimal cost(long inputTokens, long cachedInputTokens, long outputTokens) {
            return input.multiply(BigDecimal.valueOf(inputTokens))
                    .add(cachedInput.multiply(BigDecimal.valueOf(cachedInputTokens)))
                    .add(output.multiply(BigDecimal.valueOf(outputTokens)))
                    .divide(PER_MILLION);
        }
    }
}
