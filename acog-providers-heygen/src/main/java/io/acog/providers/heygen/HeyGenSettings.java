package io.acog.providers.heygen;

import io.acog.providers.http.AdapterSettings;
import io.acog.spi.ProviderConfig;
import io.acog.spi.Secret;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code heygen.*} settings, read and checked once when the plugin registers, so that a wrong
 * value fails at start-up naming its key rather than in the middle of an episode.
 *
 * @param apiKey {@code heygen.api-key}, sent as {@code X-Api-Key}
 * @param baseUrl {@code heygen.base-url}, without a trailing slash
 * @param webhookSecret {@code heygen.webhook-secret}: the {@code whsec_…} secret of the host's
 *     registered webhook endpoint; null when the host receives no webhooks (every delivery is then
 *     rejected and the pipeline only polls)
 * @param webhookTolerance {@code heygen.webhook-tolerance}: how far a delivery's signed timestamp
 *     may be from now, and how long a delivery is remembered to catch its replay
 * @param pollInterval {@code heygen.poll-interval}: the first poll's delay and the shortest
 *     between polls
 * @param pricePerMinute {@code heygen.price-per-minute}: US dollars per minute of video rendered
 * @param resolution {@code heygen.resolution}: {@code 720p}, {@code 1080p} or {@code 4k}; null to
 *     follow the episode's output format
 * @param timeout {@code heygen.timeout}: how long one API call may take, its whole answer read
 * @param connectTimeout {@code heygen.connect-timeout}
 * @param downloadTimeout {@code heygen.download-timeout}: how long the audio's upload and the
 *     rendered video's download may take
 * @param concurrentRequests {@code heygen.concurrent-requests}: the account's concurrent render
 *     jobs, declared as the provider's limit; 0 for no limit
 */
record HeyGenSettings(
        Secret apiKey,
        URI baseUrl,
        Secret webhookSecret,
        Duration webhookTolerance,
        Duration pollInterval,
        BigDecimal pricePerMinute,
        String resolution,
        Duration timeout,
        Duration connectTimeout,
        Duration downloadTimeout,
        int concurrentRequests) {

    /** The settings' prefix, and the provider's name. */
    static final String NAME = "heygen";

    static final String API_KEY = "api-key";
    static final String BASE_URL = "base-url";
    static final String WEBHOOK_SECRET = "webhook-secret";
    static final String WEBHOOK_TOLERANCE = "webhook-tolerance";
    static final String POLL_INTERVAL = "poll-interval";
    static final String PRICE_PER_MINUTE = "price-per-minute";
    static final String RESOLUTION = "resolution";
    static final String TIMEOUT = "timeout";
    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String DOWNLOAD_TIMEOUT = "download-timeout";
    static final String CONCURRENT_REQUESTS = "concurrent-requests";

    static final String DEFAULT_BASE_URL = "https://api.heygen.com";
    /** The signing scheme's customary window (Standard Webhooks uses five minutes). */
    static final Duration DEFAULT_WEBHOOK_TOLERANCE = Duration.ofMinutes(5);
    /** Renders take minutes: asking every 15 s finds one soon after its end without many calls. */
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(15);
    /**
     * HeyGen's pay-as-you-go rate for the default v3 engine (Avatar IV) with a video avatar (a
     * digital twin or studio avatar) at 720p or 1080p: $0.0667 a second. Photo avatars cost less
     * ($3.00), 4K more ($5.00); a host on another plan or engine sets its own.
     */
    static final BigDecimal DEFAULT_PRICE_PER_MINUTE = new BigDecimal("4.00");
    /** Create and status calls answer in a second or two; a minute is generous. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A ten-minute 1080p render is a few hundred MB; ten minutes allows a slow link. */
    static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);
    /** HeyGen's pay-as-you-go plan renders 10 videos at once; more answer 429. */
    static final int DEFAULT_CONCURRENT_REQUESTS = 10;

    /** The resolutions {@code POST /v3/videos} takes. */
    static final Set<String> RESOLUTIONS = Set.of("720p", "1080p", "4k");

    /**
     * Reads the settings, or returns empty when no API key is set.
     *
     * @param config the host's settings
     * @return the settings, or empty without {@code heygen.api-key}
     * @throws IllegalArgumentException naming the key, its value and what it must be, when a
     *     setting cannot be used (never a secret's value)
     */
    static Optional<HeyGenSettings> read(ProviderConfig config) {
        AdapterSettings settings = AdapterSettings.of(NAME, config);
        Optional<Secret> apiKey = settings.secret(API_KEY);
        if (apiKey.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal price = settings.decimal(PRICE_PER_MINUTE, DEFAULT_PRICE_PER_MINUTE);
        if (price.signum() < 0) {
            throw new IllegalArgumentException("provider setting '" + settings.key(PRICE_PER_MINUTE) + "' is '"
                    + price.toPlainString() + "'; it must be a price in US dollars, 0 or more");
        }
        String resolution = settings.get(RESOLUTION)
                .map(value -> value.toLowerCase(Locale.ROOT))
                .orElse(null);
        if (resolution != null && !RESOLUTIONS.contains(resolution)) {
            throw new IllegalArgumentException("provider setting '" + settings.key(RESOLUTION) + "' is '"
                    + settings.get(RESOLUTION).orElseThrow() + "'; it must be 720p, 1080p or 4k");
        }
        return Optional.of(new HeyGenSettings(
                apiKey.get(),
                settings.url(BASE_URL, DEFAULT_BASE_URL),
                settings.secret(WEBHOOK_SECRET).orElse(null),
                settings.duration(WEBHOOK_TOLERANCE, DEFAULT_WEBHOOK_TOLERANCE),
                settings.duration(POLL_INTERVAL, DEFAULT_POLL_INTERVAL),
                price,
                resolution,
                settings.duration(TIMEOUT, DEFAULT_TIMEOUT),
                settings.duration(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT),
                settings.duration(DOWNLOAD_TIMEOUT, DEFAULT_DOWNLOAD_TIMEOUT),
                settings.integer(CONCURRENT_REQUESTS, DEFAULT_CONCURRENT_REQUESTS, 0, 10_000)));
    }

    /**
     * Returns the full name of a setting, for messages.
     *
     * @param key e.g. {@code "api-key"}
     * @return e.g. {@code "heygen.api-key"}
     */
    static String key(String key) {
        return NAME + "." + key;
    }
}
