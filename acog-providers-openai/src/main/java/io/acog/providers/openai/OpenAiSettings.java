package io.acog.providers.openai;

import io.acog.providers.http.AdapterSettings;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderLimits;
import io.acog.spi.Secret;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The writer's settings, {@code openai.*} in the host's {@link ProviderConfig}, read and checked
 * once, when the plugin registers; the table in the package's documentation lists them.
 *
 * @param apiKey the API key, sent as a bearer token
 * @param baseUrl where Chat Completions is served, without a trailing slash
 * @param models the model of each task
 * @param organization the {@code OpenAI-Organization} header; null for none
 * @param project the {@code OpenAI-Project} header; null for none
 * @param timeout how long a call may take until its answer starts
 * @param connectTimeout how long connecting may take
 * @param maxOutputTokens the most tokens an answer may have ({@code max_completion_tokens})
 * @param temperature the sampling temperature; null to leave it to the model
 * @param limits the account's limits ACOG keeps to across the fleet
 * @param prices what each model costs
 */
record OpenAiSettings(
        Secret apiKey,
        URI baseUrl,
        Map<WritingTask, String> models,
        String organization,
        String project,
        Duration timeout,
        Duration connectTimeout,
        int maxOutputTokens,
        BigDecimal temperature,
        ProviderLimits limits,
        PriceTable prices) {

    static final String NAME = "openai";
    static final String API_KEY = "api-key";
    static final String BASE_URL = "base-url";
    static final String MODEL = "model";
    static final String ORGANIZATION = "organization";
    static final String PROJECT = "project";
    static final String TIMEOUT = "timeout";
    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String MAX_OUTPUT_TOKENS = "max-output-tokens";
    static final String TEMPERATURE = "temperature";
    static final String REQUESTS_PER_MINUTE = "requests-per-minute";

    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    static final String DEFAULT_MODEL = "gpt-4.1-mini";
    /** A long script from a slow model takes a minute or two; beyond that something is wrong. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Enough for a ten-minute script (about 1,500 words, 2,000 tokens) with room to spare. */
    static final int DEFAULT_MAX_OUTPUT_TOKENS = 4096;

    OpenAiSettings {
        models = Map.copyOf(models);
    }

    /**
     * Reads the settings.
     *
     * @return the settings, or empty when {@code openai.api-key} is not set (the writer is not
     *     wanted, so nothing else is checked)
     * @throws IllegalArgumentException naming the setting, its value and what it must be, when one
     *     is set to something unusable
     */
    static Optional<OpenAiSettings> read(ProviderConfig config) {
        AdapterSettings settings = AdapterSettings.of(NAME, config);
        Optional<Secret> apiKey = settings.secret(API_KEY);
        if (apiKey.isEmpty()) {
            return Optional.empty();
        }
        String model = settings.text(MODEL, DEFAULT_MODEL);
        Map<WritingTask, String> models = new EnumMap<>(WritingTask.class);
        for (WritingTask task : WritingTask.values()) {
            models.put(task, settings.text(MODEL + "." + task.key(), model));
        }
        BigDecimal temperature = settings.decimal(TEMPERATURE, null);
        if (temperature != null && (temperature.signum() < 0 || temperature.compareTo(BigDecimal.valueOf(2)) > 0)) {
            throw new IllegalArgumentException("provider setting '" + settings.key(TEMPERATURE) + "' is '"
                    + temperature.toPlainString() + "'; it must be a number from 0 to 2");
        }
        return Optional.of(new OpenAiSettings(
                apiKey.get(),
                settings.url(BASE_URL, DEFAULT_BASE_URL),
                models,
                settings.get(ORGANIZATION).orElse(null),
                settings.get(PROJECT).orElse(null),
                settings.duration(TIMEOUT, DEFAULT_TIMEOUT),
                settings.duration(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT),
                settings.integer(MAX_OUTPUT_TOKENS, DEFAULT_MAX_OUTPUT_TOKENS, 1, 1_000_000),
                temperature,
                ProviderLimits.none().withRequestsPerMinute(settings.integer(REQUESTS_PER_MINUTE, 0, 0, 1_000_000)),
                new PriceTable(settings, models.values())));
    }

    /** The model a task asks for. */
    String model(WritingTask task) {
        return models.get(task);
    }

    @Override
    public String toString() {
        // what a log line needs: no price table, no key, no credentials a URL might carry
        String endpoint = baseUrl.getScheme() + "://" + baseUrl.getHost()
                + (baseUrl.getPort() < 0 ? "" : ":" + baseUrl.getPort()) + baseUrl.getRawPath();
        return "OpenAiSettings[baseUrl=" + endpoint + ", models=" + models + ", timeout=" + timeout
                + ", maxOutputTokens=" + maxOutputTokens + ", limits=" + limits + "]";
    }
}
