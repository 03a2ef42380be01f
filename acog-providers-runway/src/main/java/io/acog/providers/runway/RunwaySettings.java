package io.acog.providers.runway;

import io.acog.providers.http.AdapterSettings;
import io.acog.spi.ProviderConfig;
import io.acog.spi.Secret;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code runway.*} settings, read and checked once when the plugin registers, so that a wrong
 * value fails at start-up naming its key rather than in the middle of an episode.
 *
 * @param apiKey {@code runway.api-key}, sent as {@code Authorization: Bearer}
 * @param baseUrl {@code runway.base-url}, without a trailing slash
 * @param model {@code runway.model}
 * @param apiVersion {@code runway.api-version}, sent as {@code X-Runway-Version}
 * @param pollInterval {@code runway.poll-interval}: how long to wait between two status requests
 * @param pricePerCredit {@code runway.price-per-credit}, in US dollars
 * @param creditsPerSecond what a second of the model's video costs, in credits ({@code
 *     runway.credits-per-second.<model>}, else {@code runway.credits-per-second}, else the model's
 *     list price)
 * @param seed {@code runway.seed}; empty for a random one per task
 * @param timeout {@code runway.timeout}: how long one API request may take, its whole answer read
 * @param connectTimeout {@code runway.connect-timeout}
 * @param downloadTimeout {@code runway.download-timeout}: how long a finished clip's download may
 *     take
 * @param concurrentRequests {@code runway.concurrent-requests}; 0 for no limit
 */
record RunwaySettings(
        Secret apiKey,
        URI baseUrl,
        RunwayModel model,
        String apiVersion,
        Duration pollInterval,
        BigDecimal pricePerCredit,
        BigDecimal creditsPerSecond,
        OptionalLong seed,
        Duration timeout,
        Duration connectTimeout,
        Duration downloadTimeout,
        int concurrentRequests) {

    /** The settings' prefix, and the provider's name. */
    static final String NAME = "runway";

    static final String API_KEY = "api-key";
    static final String BASE_URL = "base-url";
    static final String MODEL = "model";
    static final String API_VERSION = "api-version";
    static final String POLL_INTERVAL = "poll-interval";
    static final String PRICE_PER_CREDIT = "price-per-credit";
    static final String CREDITS_PER_SECOND = "credits-per-second";
    static final String SEED = "seed";
    static final String TIMEOUT = "timeout";
    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String DOWNLOAD_TIMEOUT = "download-timeout";
    static final String CONCURRENT_REQUESTS = "concurrent-requests";

    static final String DEFAULT_BASE_URL = "https://api.dev.runwayml.com";
    static final String DEFAULT_MODEL = "gen4.5";
    /** The API version this adapter speaks; Runway refuses a request without one. */
    static final String DEFAULT_API_VERSION = "2024-11-06";
    /** Runway asks clients not to expect a task's status to change more often than every 5 s. */
    static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(5);

    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(6);
    /** Runway's API price: one credit is one US cent. */
    static final BigDecimal DEFAULT_PRICE_PER_CREDIT = new BigDecimal("0.01");
    /** Creating a task and reading its status answer in about a second. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A 10-second 720p clip is a few megabytes; this leaves room for a slow link. */
    static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);
    /** Runway queues tasks over an account's concurrency itself (THROTTLED): no limit is needed. */
    static final int DEFAULT_CONCURRENT_REQUESTS = 0;
    /** Runway's seeds are unsigned 32-bit numbers. */
    static final long MAX_SEED = 4_294_967_295L;

    /**
     * Reads the settings, or returns empty when no API key is set.
     *
     * @param config the host's settings
     * @return the settings, or empty without {@code runway.api-key}
     * @throws IllegalArgumentException naming the key, its value and what it must be, when a
     *     setting cannot be used
     */
    static Optional<RunwaySettings> read(ProviderConfig config) {
        AdapterSettings settings = AdapterSettings.of(NAME, config);
        Optional<Secret> apiKey = settings.secret(API_KEY);
        if (apiKey.isEmpty()) {
            return Optional.empty();
        }
        String modelName = settings.text(MODEL, DEFAULT_MODEL);
        RunwayModel model = RunwayModel.named(modelName)
                .orElseThrow(() -> invalid(
                        settings,
                        MODEL,
                        modelName,
                        "a text-to-video model this adapter knows: " + RunwayModel.names()
                                + " (each accepts its own durations and frames, so an unknown one could be sent"
                                + " a request it refuses)"));
        Duration pollInterval = settings.duration(POLL_INTERVAL, DEFAULT_POLL_INTERVAL);
        if (pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
            throw invalid(
                    settings,
                    POLL_INTERVAL,
                    settings.text(POLL_INTERVAL, ""),
                    "at least 5 seconds: Runway asks clients not to poll a task more often than that");
        }
        OptionalLong seed = seed(settings, model);
        return Optional.of(new RunwaySettings(
                apiKey.get(),
                settings.url(BASE_URL, DEFAULT_BASE_URL),
                model,
                apiVersion(settings),
                pollInterval,
                notNegative(settings, PRICE_PER_CREDIT, DEFAULT_PRICE_PER_CREDIT, "a price in US dollars"),
                creditsPerSecond(settings, model),
                seed,
                settings.duration(TIMEOUT, DEFAULT_TIMEOUT),
                settings.duration(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT),
                settings.duration(DOWNLOAD_TIMEOUT, DEFAULT_DOWNLOAD_TIMEOUT),
                settings.integer(CONCURRENT_REQUESTS, DEFAULT_CONCURRENT_REQUESTS, 0, 10_000)));
    }

    /**
     * Returns the full name of a setting, for messages.
     *
     * @param key e.g. {@code "api-key"}
     * @return e.g. {@code "runway.api-key"}
     */
    static String key(String key) {
        return NAME + "." + key;
    }

    private static String apiVersion(AdapterSettings settings) {
        String version = settings.text(API_VERSION, DEFAULT_API_VERSION);
        try {
            LocalDate.parse(version);
            return version;
        } catch (DateTimeParseException e) {
            throw invalid(
                    settings,
                    API_VERSION,
                    version,
                    "an API version date such as " + DEFAULT_API_VERSION + " (sent as X-Runway-Version)");
        }
    }

    /** The model's own setting first, then the one for whichever model is configured, then the list price. */
    private static BigDecimal creditsPerSecond(AdapterSettings settings, RunwayModel model) {
        String forModel = CREDITS_PER_SECOND + "." + model.name();
        if (settings.get(forModel).isPresent()) {
            return notNegative(settings, forModel, model.creditsPerSecond(), "a number of credits");
        }
        return notNegative(settings, CREDITS_PER_SECOND, model.creditsPerSecond(), "a number of credits");
    }

    private static OptionalLong seed(AdapterSettings settings, RunwayModel model) {
        Optional<String> value = settings.get(SEED);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        long seed;
        try {
            seed = Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            throw invalid(settings, SEED, value.get(), "a whole number from 0 to " + MAX_SEED);
        }
        if (seed < 0 || seed > MAX_SEED) {
            throw invalid(settings, SEED, value.get(), "a whole number from 0 to " + MAX_SEED);
        }
        if (!model.takesSeed()) {
            throw invalid(
                    settings,
                    SEED,
                    value.get(),
                    "unset with the model " + model.name() + ", which takes no seed (only gen4.5 does)");
        }
        return OptionalLong.of(seed);
    }

    private static BigDecimal notNegative(AdapterSettings settings, String key, BigDecimal fallback, String what) {
        BigDecimal value = settings.decimal(key, fallback);
        if (value.signum() < 0) {
            throw invalid(settings, key, value.toPlainString(), what + ", 0 or more");
        }
        return value;
    }

    private static IllegalArgumentException invalid(AdapterSettings settings, String key, String value, String must) {
        return new IllegalArgumentException(
                "provider setting '" + settings.key(key) + "' is '" + value + "'; it must be " + must);
    }
}
