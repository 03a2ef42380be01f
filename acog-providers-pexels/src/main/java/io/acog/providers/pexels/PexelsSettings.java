package io.acog.providers.pexels;

import io.acog.providers.http.AdapterSettings;
import io.acog.spi.ProviderConfig;
import io.acog.spi.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code pexels.*} settings, read and checked once when the plugin registers, so that a wrong
 * value fails at start-up naming its key rather than in the middle of an episode.
 *
 * @param apiKey {@code pexels.api-key}, sent as {@code Authorization: <key>}
 * @param baseUrl {@code pexels.base-url}, without a trailing slash
 * @param perPage {@code pexels.per-page}: the candidates one search asks for, 1 to 80
 * @param maxHeight {@code pexels.max-height}: the largest file to download, as its shorter side
 *     (1080 is 1080p: 1920×1080, or 1080×1920 upright)
 * @param queryAttempts {@code pexels.query-attempts}: the searches a clip may take, the description
 *     shortened each time, before it is given up on
 * @param timeout {@code pexels.timeout}: how long one API request may take, its whole answer read
 * @param connectTimeout {@code pexels.connect-timeout}
 * @param downloadTimeout {@code pexels.download-timeout}: how long one file's download may take
 * @param requestsPerHour {@code pexels.requests-per-hour}: the account's hourly request limit; 0
 *     for none
 * @param requestsPerMonth {@code pexels.requests-per-month}: the account's monthly request limit; 0
 *     for none
 */
record PexelsSettings(
        Secret apiKey,
        URI baseUrl,
        int perPage,
        int maxHeight,
        int queryAttempts,
        Duration timeout,
        Duration connectTimeout,
        Duration downloadTimeout,
        int requestsPerHour,
        int requestsPerMonth) {

    /** The settings' prefix, and the provider's name. */
    static final String NAME = "pexels";

    static final String API_KEY = "api-key";
    static final String BASE_URL = "base-url";
    static final String PER_PAGE = "per-page";
    static final String MAX_HEIGHT = "max-height";
    static final String QUERY_ATTEMPTS = "query-attempts";
    static final String TIMEOUT = "timeout";
    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String DOWNLOAD_TIMEOUT = "download-timeout";
    static final String REQUESTS_PER_HOUR = "requests-per-hour";
    static final String REQUESTS_PER_MONTH = "requests-per-month";

    static final String DEFAULT_BASE_URL = "https://api.pexels.com";
    /** Pexels' own default page size. */
    static final int DEFAULT_PER_PAGE = 15;
    /** Pexels' largest page. */
    static final int MAX_PER_PAGE = 80;
    /** Full HD: what a YouTube video or Short is made in; a 4K file would be scaled down anyway. */
    static final int DEFAULT_MAX_HEIGHT = 1080;

    static final int DEFAULT_QUERY_ATTEMPTS = 3;
    /** A search answers in well under a second; 30 s covers a slow network. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A Full HD stock clip is tens of megabytes. */
    static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);
    /** Pexels' default for every API key. */
    static final int DEFAULT_REQUESTS_PER_HOUR = 200;
    /** Pexels' default for every API key. */
    static final int DEFAULT_REQUESTS_PER_MONTH = 20_000;

    /**
     * Reads the settings, or returns empty when no API key is set.
     *
     * @param config the host's settings
     * @return the settings, or empty without {@code pexels.api-key}
     * @throws IllegalArgumentException naming the key, its value and what it must be, when a
     *     setting cannot be used
     */
    static Optional<PexelsSettings> read(ProviderConfig config) {
        AdapterSettings settings = AdapterSettings.of(NAME, config);
        Optional<Secret> apiKey = settings.secret(API_KEY);
        if (apiKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PexelsSettings(
                apiKey.get(),
                settings.url(BASE_URL, DEFAULT_BASE_URL),
                settings.integer(PER_PAGE, DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
                settings.integer(MAX_HEIGHT, DEFAULT_MAX_HEIGHT, 144, 4320),
                settings.integer(QUERY_ATTEMPTS, DEFAULT_QUERY_ATTEMPTS, 1, 5),
                settings.duration(TIMEOUT, DEFAULT_TIMEOUT),
                settings.duration(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT),
                settings.duration(DOWNLOAD_TIMEOUT, DEFAULT_DOWNLOAD_TIMEOUT),
                settings.integer(REQUESTS_PER_HOUR, DEFAULT_REQUESTS_PER_HOUR, 0, 1_000_000),
                settings.integer(REQUESTS_PER_MONTH, DEFAULT_REQUESTS_PER_MONTH, 0, 1_000_000_000)));
    }

    /**
     * Returns the full name of a setting, for messages.
     *
     * @param key e.g. {@code "api-key"}
     * @return e.g. {@code "pexels.api-key"}
     */
    static String key(String key) {
        return NAME + "." + key;
    }

    /** Leaves the API key out. */
    @Override
    public String toString() {
        return "PexelsSettings[" + baseUrl + ", " + perPage + " per page, files up to " + maxHeight + "p, "
                + queryAttempts + " searches a clip, timeout " + timeout + ", download timeout " + downloadTimeout
                + ", " + requestsPerHour + "/hour, " + requestsPerMonth + "/month]";
    }
}
