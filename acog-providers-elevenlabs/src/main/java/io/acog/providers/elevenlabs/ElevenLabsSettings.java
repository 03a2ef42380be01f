package io.acog.providers.elevenlabs;

import io.acog.providers.http.AdapterSettings;
import io.acog.spi.ProviderConfig;
import io.acog.spi.Secret;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code elevenlabs.*} settings, read and checked once when the plugin registers, so that a
 * wrong value fails at start-up naming its key rather than in the middle of an episode.
 *
 * @param apiKey {@code elevenlabs.api-key}
 * @param baseUrl {@code elevenlabs.base-url}, without a trailing slash
 * @param model {@code elevenlabs.model}: the model when the channel's voice profile names none
 * @param voiceId {@code elevenlabs.voice-id}: the voice when the profile names none; null for none
 * @param encoding {@code elevenlabs.output-format}
 * @param enableLogging {@code elevenlabs.enable-logging}; false asks for zero retention
 * @param concurrentRequests {@code elevenlabs.concurrent-requests}; 0 for no limit
 * @param pricePer1kCharacters {@code elevenlabs.price-per-1k-characters}, in US dollars
 * @param timeout {@code elevenlabs.timeout}: how long one request may take, its whole answer read
 * @param connectTimeout {@code elevenlabs.connect-timeout}
 * @param maxCharacters {@code elevenlabs.max-characters}: the characters one request may carry
 *     instead of the model's limit; empty for the model's
 */
record ElevenLabsSettings(
        Secret apiKey,
        URI baseUrl,
        String model,
        String voiceId,
        AudioEncoding encoding,
        boolean enableLogging,
        int concurrentRequests,
        BigDecimal pricePer1kCharacters,
        Duration timeout,
        Duration connectTimeout,
        OptionalInt maxCharacters) {

    /** The settings' prefix, and the provider's name. */
    static final String NAME = "elevenlabs";

    static final String API_KEY = "api-key";
    static final String BASE_URL = "base-url";
    static final String MODEL = "model";
    static final String VOICE_ID = "voice-id";
    static final String OUTPUT_FORMAT = "output-format";
    static final String ENABLE_LOGGING = "enable-logging";
    static final String CONCURRENT_REQUESTS = "concurrent-requests";
    static final String PRICE = "price-per-1k-characters";
    static final String TIMEOUT = "timeout";
    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String MAX_CHARACTERS = "max-characters";

    static final String DEFAULT_BASE_URL = "https://api.elevenlabs.io";
    static final String DEFAULT_MODEL = "eleven_multilingual_v2";
    static final String DEFAULT_OUTPUT_FORMAT = "mp3_44100_128";
    /** The lowest paid plan's concurrent requests (Starter); a host on a larger plan raises it. */
    static final int DEFAULT_CONCURRENT_REQUESTS = 2;
    /** A plan's price per 1,000 characters for the multilingual model; the host sets its own. */
    static final BigDecimal DEFAULT_PRICE = new BigDecimal("0.30");
    /** A 10,000-character request is about ten minutes of speech, made in one go. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Reads the settings, or returns empty when no API key is set.
     *
     * @param config the host's settings
     * @return the settings, or empty without {@code elevenlabs.api-key}
     * @throws IllegalArgumentException naming the key, its value and what it must be, when a
     *     setting cannot be used
     */
    static Optional<ElevenLabsSettings> read(ProviderConfig config) {
        AdapterSettings settings = AdapterSettings.of(NAME, config);
        Optional<Secret> apiKey = settings.secret(API_KEY);
        if (apiKey.isEmpty()) {
            return Optional.empty();
        }
        String format = settings.text(OUTPUT_FORMAT, DEFAULT_OUTPUT_FORMAT);
        AudioEncoding encoding = AudioEncoding.parse(format)
                .orElseThrow(() -> new IllegalArgumentException("provider setting '"
                        + settings.key(OUTPUT_FORMAT) + "' is '" + format + "'; it must be an MP3 format"
                        + " (mp3_<sample rate>_<kbit/s>, e.g. mp3_44100_128) or a PCM one (pcm_<sample rate>, e.g."
                        + " pcm_44100): those can be joined when a long script is spoken in parts"));
        BigDecimal price = settings.decimal(PRICE, DEFAULT_PRICE);
        if (price.signum() < 0) {
            throw new IllegalArgumentException("provider setting '" + settings.key(PRICE) + "' is '"
                    + price.toPlainString() + "'; it must be a price in US dollars, 0 or more");
        }
        OptionalInt maxCharacters = settings.get(MAX_CHARACTERS).isPresent()
                ? OptionalInt.of(settings.integer(MAX_CHARACTERS, 0, ScriptChunks.MIN_LIMIT, 1_000_000))
                : OptionalInt.empty();
        return Optional.of(new ElevenLabsSettings(
                apiKey.get(),
                settings.url(BASE_URL, DEFAULT_BASE_URL),
                settings.text(MODEL, DEFAULT_MODEL),
                settings.get(VOICE_ID).orElse(null),
                encoding,
                settings.flag(ENABLE_LOGGING, true),
                settings.integer(CONCURRENT_REQUESTS, DEFAULT_CONCURRENT_REQUESTS, 0, 10_000),
                price,
                settings.duration(TIMEOUT, DEFAULT_TIMEOUT),
                settings.duration(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT),
                maxCharacters));
    }

    /**
     * Returns the full name of a setting, for messages.
     *
     * @param key e.g. {@code "voice-id"}
     * @return e.g. {@code "elevenlabs.voice-id"}
     */
    static String key(String key) {
        return NAME + "." + key;
    }
}
