package io.acog.providers.synthesia;

import io.acog.providers.http.AdapterSettings;
import io.acog.spi.ProviderConfig;
import io.acog.spi.Secret;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code synthesia.*} settings, read and checked once when the plugin registers, so that a
 * wrong value fails at start-up naming its key rather than in the middle of an episode.
 *
 * @param apiKey {@code synthesia.api-key}, sent as {@code Authorization: <key>}
 * @param baseUrl {@code synthesia.base-url}: the API, for {@code /v2/videos}
 * @param uploadBaseUrl {@code synthesia.upload-base-url}: the upload API, for {@code
 *     /v2/scriptAudio}
 * @param webhookSecret {@code synthesia.webhook-secret}; null when webhooks are not verified (and so
 *     all rejected)
 * @param webhookTolerance {@code synthesia.webhook-tolerance}: how far a delivery's timestamp may be
 *     from now
 * @param pollInterval {@code synthesia.poll-interval}: how long to wait between status requests
 * @param pricePerMinute {@code synthesia.price-per-minute}: US dollars per minute of video
 * @param test {@code synthesia.test}: whether videos are made in Synthesia's free, watermarked test
 *     mode
 * @param language {@code synthesia.language}: the {@code scriptLanguage} when the channel names none
 * @param visibility {@code synthesia.visibility}: {@code private} or {@code public}
 * @param avatar {@code synthesia.avatar}: the avatar when the channel names none; null for none
 * @param background {@code synthesia.background}: the background when the channel names none
 * @param timeout {@code synthesia.timeout}: how long one API request may take, its answer read
 * @param connectTimeout {@code synthesia.connect-timeout}
 * @param uploadTimeout {@code synthesia.upload-timeout}: how long the audio's upload may take
 * @param downloadTimeout {@code synthesia.download-timeout}: how long the video's download may take
 * @param concurrentRequests {@code synthesia.concurrent-requests}; 0 for no limit
 * @param requestsPerMinute {@code synthesia.requests-per-minute}; 0 for no limit
 */
record SynthesiaSettings(
        Secret apiKey,
        URI baseUrl,
        URI uploadBaseUrl,
        Secret webhookSecret,
        Duration webhookTolerance,
        Duration pollInterval,
        BigDecimal pricePerMinute,
        boolean test,
        String language,
        String visibility,
        String avatar,
        String background,
        Duration timeout,
        Duration connectTimeout,
        Duration uploadTimeout,
        Duration downloadTimeout,
        int concurrentRequests,
        int requestsPerMinute) {

    /** The settings' prefix, and the provider's name. */
    static final String NAME = "synthesia";

    static final String API_KEY = "api-key";
    static final String BASE_URL = "base-url";
    static final String UPLOAD_BASE_URL = "upload-base-url";
    static final String WEBHOOK_SECRET = "webhook-secret";
    static final String WEBHOOK_TOLERANCE = "webhook-tolerance";
    static final String POLL_INTERVAL = "poll-interval";
    static final String PRICE = "price-per-minute";
    static final String TEST = "test";
    static final String LANGUAGE = "language";
    static final String VISIBILITY = "visibility";
    static final String AVATAR = "avatar";
    static final String BACKGROUND = "background";
    static final String TIMEOUT = "timeout";
    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String UPLOAD_TIMEOUT = "upload-timeout";
    static final String DOWNLOAD_TIMEOUT = "download-timeout";
    static final String CONCURRENT_REQUESTS = "concurrent-requests";
    static final String REQUESTS_PER_MINUTE = "requests-per-minute";

    static final String DEFAULT_BASE_URL = "https://api.synthesia.io";
    /** Synthesia takes uploads on a host of their own. */
    static final String DEFAULT_UPLOAD_BASE_URL = "https://upload.api.synthesia.io";
    /** Synthesia's own example: ignore events created more than 10 minutes ago. */
    static final Duration DEFAULT_WEBHOOK_TOLERANCE = Duration.ofMinutes(10);
    /** Renders take 2 to 40 minutes: a status request every 30 s finds one done soon enough. */
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);
    /** The personal (Starter) monthly plan: $30 for 10 minutes of video. A host sets its plan's. */
    static final BigDecimal DEFAULT_PRICE = new BigDecimal("3.00");

    static final String DEFAULT_LANGUAGE = "en-US";
    static final String DEFAULT_VISIBILITY = "private";
    /** One of Synthesia's stock image backgrounds. */
    static final String DEFAULT_BACKGROUND = "white_studio";

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A 20-minute MP3 at 128 kbit/s is 19 MB. */
    static final Duration DEFAULT_UPLOAD_TIMEOUT = Duration.ofMinutes(10);
    /** A long 1080p render is a few hundred MB. */
    static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);

    /** Synthesia documents no limit of requests in flight. */
    static final int DEFAULT_CONCURRENT_REQUESTS = 0;
    /** The Creator plan's per-endpoint limit (60 a minute for creates, 60 for status requests). */
    static final int DEFAULT_REQUESTS_PER_MINUTE = 60;

    /** A language code as Synthesia's {@code scriptLanguage} takes it: {@code en-US}, {@code it}, {@code es-001}. */
    static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,4})?");

    /**
     * Reads the settings, or returns empty when no API key is set.
     *
     * @param config the host's settings
     * @return the settings, or empty without {@code synthesia.api-key}
     * @throws IllegalArgumentException naming the key, its value and what it must be, when a
     *     setting cannot be used
     */
    static Optional<SynthesiaSettings> read(ProviderConfig config) {
        AdapterSettings settings = AdapterSettings.of(NAME, config);
        Optional<Secret> apiKey = settings.secret(API_KEY);
        if (apiKey.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal price = settings.decimal(PRICE, DEFAULT_PRICE);
        if (price.signum() < 0) {
            throw invalid(PRICE, price.toPlainString(), "a price in US dollars per minute of video, 0 or more");
        }
        String language = settings.text(LANGUAGE, DEFAULT_LANGUAGE);
        if (!LANGUAGE_CODE.matcher(language).matches()) {
            throw invalid(
                    LANGUAGE,
                    language,
                    "a language code as Synthesia's scriptLanguage takes it, e.g. en-US, en-GB, fr-FR or it");
        }
        String visibility = settings.text(VISIBILITY, DEFAULT_VISIBILITY).toLowerCase(Locale.ROOT);
        if (!visibility.equals("private") && !visibility.equals("public")) {
            throw invalid(VISIBILITY, settings.text(VISIBILITY, ""), "private or public");
        }
        return Optional.of(new SynthesiaSettings(
                apiKey.get(),
                settings.url(BASE_URL, DEFAULT_BASE_URL),
                settings.url(UPLOAD_BASE_URL, DEFAULT_UPLOAD_BASE_URL),
                settings.secret(WEBHOOK_SECRET).orElse(null),
                settings.duration(WEBHOOK_TOLERANCE, DEFAULT_WEBHOOK_TOLERANCE),
                settings.duration(POLL_INTERVAL, DEFAULT_POLL_INTERVAL),
                price,
                settings.flag(TEST, false),
                language,
                visibility,
                settings.get(AVATAR).orElse(null),
                settings.text(BACKGROUND, DEFAULT_BACKGROUND),
                settings.duration(TIMEOUT, DEFAULT_TIMEOUT),
                settings.duration(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT),
                settings.duration(UPLOAD_TIMEOUT, DEFAULT_UPLOAD_TIMEOUT),
                settings.duration(DOWNLOAD_TIMEOUT, DEFAULT_DOWNLOAD_TIMEOUT),
                settings.integer(CONCURRENT_REQUESTS, DEFAULT_CONCURRENT_REQUESTS, 0, 10_000),
                settings.integer(REQUESTS_PER_MINUTE, DEFAULT_REQUESTS_PER_MINUTE, 0, 1_000_000)));
    }

    /**
     * Returns the full name of a setting, for messages.
     *
     * @param key e.g. {@code "avatar"}
     * @return e.g. {@code "synthesia.avatar"}
     */
    static String key(String key) {
        return NAME + "." + key;
    }

    /** The secrets this adapter holds, to keep out of every message. */
    Secret[] secrets() {
        return webhookSecret == null ? new Secret[] {apiKey} : new Secret[] {apiKey, webhookSecret};
    }

    /** Names the endpoints and choices only: the key and the webhook secret stay out. */
    @Override
    public String toString() {
        return "SynthesiaSettings[" + baseUrl + ", uploads " + uploadBaseUrl + ", webhooks "
                + (webhookSecret == null ? "off" : "verified") + ", poll every " + pollInterval + ", "
                + (test ? "test videos" : "paid videos") + ", " + language + ", " + visibility + "]";
    }

    private static IllegalArgumentException invalid(String key, String value, String must) {
        return new IllegalArgumentException(
                "provider setting '" + key(key) + "' is '" + value + "'; it must be " + must);
    }
}
