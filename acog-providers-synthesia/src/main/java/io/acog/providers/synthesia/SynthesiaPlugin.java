package io.acog.providers.synthesia;

import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.ProviderRegistry;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the Synthesia avatar renderer, an {@link io.acog.spi.AvatarRenderer} named {@code
 * "synthesia"} that also receives Synthesia's webhooks ({@link io.acog.spi.RenderWebhooks}), when
 * {@code synthesia.api-key} is set; found by {@link java.util.ServiceLoader} through {@code
 * META-INF/services/io.acog.spi.ProviderPlugin}. Channels choose it with {@code
 * avatar_profile.provider: "synthesia"}. Its settings are listed in the {@linkplain
 * io.acog.providers.synthesia package}'s description.
 */
public final class SynthesiaPlugin implements ProviderPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(SynthesiaPlugin.class);

    /** Creates the plugin; {@link java.util.ServiceLoader} calls it. */
    public SynthesiaPlugin() {}

    /**
     * Returns {@code "synthesia"}.
     *
     * @return the plugin's name
     */
    @Override
    public String name() {
        return SynthesiaSettings.NAME;
    }

    /**
     * Registers the Synthesia renderer set up with {@code config}, or nothing when {@code
     * synthesia.api-key} is not set.
     *
     * @param config the host's settings ({@code synthesia.*})
     * @param registry where to put the renderer
     * @throws IllegalArgumentException when a setting cannot be used: the message names the key, its
     *     value and what it must be (never the API key's or the webhook secret's value)
     */
    @Override
    public void register(ProviderConfig config, ProviderRegistry registry) {
        Optional<SynthesiaSettings> settings = SynthesiaSettings.read(config);
        if (settings.isEmpty()) {
            LOG.debug(
                    "Synthesia avatar renderer not registered: {} is not set",
                    SynthesiaSettings.key(SynthesiaSettings.API_KEY));
            return;
        }
        registry.avatarRenderer(new SynthesiaRenderer(settings.get(), Clock.systemUTC()));
        LOG.info(
                "ACOG renders avatars on Synthesia ({}, {}, polled every {}, webhooks {})",
                settings.get().baseUrl(),
                settings.get().test() ? "free watermarked test videos" : "paid videos",
                settings.get().pollInterval(),
                settings.get().webhookSecret() == null
                        ? "rejected (" + SynthesiaSettings.key(SynthesiaSettings.WEBHOOK_SECRET) + " not set)"
                        : "verified");
    }
}
