package io.acog.providers.youtube;

import io.acog.providers.http.AdapterSettings;
import io.acog.spi.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code youtube.*} settings, read once when the plugin registers: the default channel's OAuth
 * credentials, the endpoints, the chunk size and the timeouts. Per-channel credentials are read
 * when a channel publishes, by {@link ChannelCredentials}.
 *
 * @param credential the default credentials ({@code youtube.client-id}, {@code
 *     youtube.client-secret}, {@code youtube.refresh-token})
 * @param tokenUrl Google's OAuth token endpoint
 * @param baseUrl the Data API's root, for {@code /youtube/v3/...}
 * @param uploadBaseUrl the upload root, for {@code /upload/youtube/v3/...}
 * @param chunkSize bytes sent per {@code PUT} of a resumable upload; a multiple of 256 KiB
 * @param timeout how long one request may take
 * @param connectTimeout how long connecting may take
 * @param uploadsPerDay how many uploads the account may start per Pacific day; 0 for no limit
 */
record YouTubeSettings(
        Credential credential,
        URI tokenUrl,
        URI baseUrl,
        URI uploadBaseUrl,
        int chunkSize,
        Duration timeout,
        Duration connectTimeout,
        int uploadsPerDay) {

    /** The provider's name, the settings' prefix. */
    static final String NAME = "youtube";

    static final String CLIENT_ID = "client-id";
    static final String CLIENT_SECRET = "client-secret";
    static final String REFRESH_TOKEN = "refresh-token";
    static final String TOKEN_URL = "token-url";
    static final String BASE_URL = "base-url";
    static final String UPLOAD_BASE_URL = "upload-base-url";
    static final String CHUNK_SIZE = "chunk-size";
    static final String TIMEOUT = "timeout";
    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String UPLOADS_PER_DAY = "uploads-per-day";

    static final String DEFAULT_TOKEN_URL = "https://oauth2.googleapis.com/token";
    static final String DEFAULT_BASE_URL = "https://www.googleapis.com";

    /** Google's resumable protocol takes chunks in multiples of this (the last one excepted). */
    static final int CHUNK_UNIT = 256 * 1024;

    static final int DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The videos.insert bucket of a project without a quota extension, per the current docs. */
    static final int DEFAULT_UPLOADS_PER_DAY = 100;

    /** The largest chunk: 1 GiB, far beyond what a request timeout lets through. */
    private static final long MAX_CHUNK_SIZE = 1024L * 1024 * 1024;

    /**
     * Returns the keys of the required settings that are not set.
     *
     * @param settings the {@code youtube.*} settings
     * @return e.g. {@code [youtube.refresh-token]}; empty when all are set
     */
    static List<String> missing(AdapterSettings settings) {
        List<String> missing = new ArrayList<>();
        if (settings.get(CLIENT_ID).isEmpty()) {
            missing.add(settings.key(CLIENT_ID));
        }
        for (String key : List.of(CLIENT_SECRET, REFRESH_TOKEN)) {
            if (settings.secret(key).isEmpty()) {
                missing.add(settings.key(key));
            }
        }
        return missing;
    }

    /**
     * Reads the settings.
     *
     * @param settings the {@code youtube.*} settings
     * @return them, or empty when a required one is missing (see {@link #missing})
     * @throws IllegalArgumentException naming the setting, its value and what it must be, when a
     *     value cannot be used
     */
    static Optional<YouTubeSettings> read(AdapterSettings settings) {
        if (!missing(settings).isEmpty()) {
            return Optional.empty();
        }
        Credential credential = new Credential(
                settings.get(CLIENT_ID).orElseThrow(),
                settings.secret(CLIENT_SECRET).orElseThrow(),
                settings.secret(REFRESH_TOKEN).orElseThrow(),
                settings.key(CLIENT_ID),
                settings.key(CLIENT_SECRET),
                settings.key(REFRESH_TOKEN));
        return Optional.of(new YouTubeSettings(
                credential,
                settings.url(TOKEN_URL, DEFAULT_TOKEN_URL),
                settings.url(BASE_URL, DEFAULT_BASE_URL),
                settings.url(UPLOAD_BASE_URL, DEFAULT_BASE_URL),
                chunkSize(settings),
                settings.duration(TIMEOUT, DEFAULT_TIMEOUT),
                settings.duration(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT),
                settings.integer(UPLOADS_PER_DAY, DEFAULT_UPLOADS_PER_DAY, 0, 1_000_000)));
    }

    /** The secrets of the default credentials, to keep out of every message. */
    Secret[] secrets() {
        return new Secret[] {credential.clientSecret(), credential.refreshToken()};
    }

    /** {@code youtube.chunk-size}: bytes, or a number of KiB or MiB ({@code 256KiB}, {@code 8MiB}). */
    private static int chunkSize(AdapterSettings settings) {
        Optional<String> value = settings.get(CHUNK_SIZE);
        if (value.isEmpty()) {
            return DEFAULT_CHUNK_SIZE;
        }
        String text = value.get().replace(" ", "").toLowerCase(Locale.ROOT);
        long unit = 1;
        if (text.endsWith("kib")) {
            unit = 1024;
            text = text.substring(0, text.length() - 3);
        } else if (text.endsWith("mib")) {
            unit = 1024 * 1024;
            text = text.substring(0, text.length() - 3);
        }
        long bytes;
        try {
            bytes = Long.parseLong(text) * unit;
        } catch (NumberFormatException e) {
            bytes = -1;
        }
        if (bytes <= 0 || bytes % CHUNK_UNIT != 0 || bytes > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("provider setting '" + settings.key(CHUNK_SIZE) + "' is '"
                    + value.get() + "'; it must be a multiple of 256 KiB (" + CHUNK_UNIT
                    + " bytes) up to 1 GiB, in bytes or as e.g. 256KiB or 8MiB, as YouTube's resumable"
                    + " uploads take chunks only in multiples of 256 KiB");
        }
        return (int) bytes;
    }
}
