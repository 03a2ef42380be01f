package io.acog.providers.heygen;

import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.ProviderRegistry;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the HeyGen avatar renderer, an {@link io.acog.spi.AvatarRenderer} named {@code
 * "heygen"} that is also the provider's {@link io.acog.spi.RenderWebhooks}, when {@code
 * heygen.api-key} is set; found by {@link java.util.ServiceLoader} through {@code
 * META-INF/services/io.acog.spi.ProviderPlugin}. Channels choose it with {@code
 * avatar_profile.provider: "heygen"} and name their avatar in {@code avatar_profile.avatar_id}. Its
 * settings are listed in the {@linkplain io.acog.providers.heygen package}'s description.
 */
public final class HeyGenPlugin implements ProviderPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(HeyGenPlugin.class);

    /** Creates the plugin; {@link java.util.ServiceLoader} calls it. */
    public HeyGenPlugin() {}

    /**
     * Returns {@code "heygen"}.
     *
     * @return the plugin's name
     */
    @Override
    public String name() {
        return HeyGenSettings.NAME;
    }

    /**
     * Registers the HeyGen renderer set up with {@code config}, or nothing when {@code
     * heygen.api-key} is not set.
     *
     * @param config the host's settings ({@code heygen.*})
     * @param registry where to put the renderer
     * @throws IllegalArgumentException when a setting cannot be used: the message names the key, its
     *     value and what it must be (never a secret's value)
     */
    @Override
    public void register(ProviderConfig config, ProviderRegistry registry) {
        Optional<HeyGenSettings> settings = HeyGenSettings.read(config);
        if (settings.isEmpty()) {
            LOG.debug("HeyGen avatar not registered: {} is not set", HeyGenSettings.key(HeyGenSettings.API_KEY));
            return;
        }
        HeyGenSettings read = settings.get();
        registry.avatarRenderer(new HeyGenRenderer(read, Clock.systemUTC()));
        LOG.info(
                "ACOG renders avatars on HeyGen ({}, {} concurrent renders, ${} a minute, webhooks {})",
                read.baseUrl(),
                read.concurrentRequests(),
                read.pricePerMinute().toPlainString(),
                read.webhookSecret() == null ? "off: polling only" : "verified");
    }
}
