package io.acog.providers.youtube;

import io.acog.providers.http.AdapterSettings;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.ProviderRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers ACOG's YouTube publisher, named {@code "youtube"}, for channels whose {@code
 * platform_config.platform} is {@code youtube}; found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.acog.spi.ProviderPlugin}.
 *
 * <p>It registers the publisher when {@code youtube.client-id}, {@code youtube.client-secret} and
 * {@code youtube.refresh-token} are set (an OAuth client of a Google Cloud project with the YouTube
 * Data API v3 enabled, and the refresh token the default channel's owner granted it with the {@code
 * https://www.googleapis.com/auth/youtube.upload} scope), and nothing otherwise. Other channels name
 * their own credentials with {@code platform_config.oauth_credential_ref}; the settings are listed
 * in the {@linkplain io.acog.providers.youtube package documentation}.
 *
 * <p>The publisher uploads with Google's resumable protocol and saves its session in the job's
 * checkpoint before the first byte, so an upload cut short by a crash resumes instead of uploading
 * twice; it is thread-safe, and one instance serves every channel.
 */
public final class YouTubePlugin implements ProviderPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(YouTubePlugin.class);

    /** Creates the plugin; {@link java.util.ServiceLoader} calls it. */
    public YouTubePlugin() {}

    /**
     * Returns {@code "youtube"}.
     *
     * @return the plugin's name
     */
    @Override
    public String name() {
        return YouTubeSettings.NAME;
    }

    /**
     * Registers the YouTube publisher, set up with {@code config}; nothing when a credential setting
     * is missing.
     *
     * @param config the host's settings ({@code youtube.*})
     * @param registry where to put the publisher
     * @throws IllegalArgumentException when a setting's value cannot be used (a URL that is not
     *     http(s), a chunk size that is not a multiple of 256 KiB, a timeout that is not a positive
     *     duration, ...); the message names the setting, its value and what it must be
     */
    @Override
    public void register(ProviderConfig config, ProviderRegistry registry) {
        AdapterSettings settings = AdapterSettings.of(YouTubeSettings.NAME, config);
        List<String> missing = YouTubeSettings.missing(settings);
        Optional<YouTubeSettings> read = YouTubeSettings.read(settings);
        if (read.isEmpty()) {
            LOG.info("no YouTube publisher registered: provider settings {} are not configured", missing);
            return;
        }
        registry.publisher(new YouTubePublisher(read.get(), settings, Clock.systemUTC()));
        LOG.info(
                "ACOG publishes to YouTube ({}, chunks of {} bytes, {} uploads a day)",
                read.get().uploadBaseUrl(),
                read.get().chunkSize(),
                read.get().uploadsPerDay());
    }
}
