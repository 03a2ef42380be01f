package io.acog.providers.pexels;

import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.ProviderRegistry;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers Pexels' stock footage as a {@link io.acog.spi.BrollGenerator} named {@code "pexels"}
 * when {@code pexels.api-key} is set: each b-roll clip is a free stock video chosen for its
 * description, with its author kept for attribution. Found by {@link java.util.ServiceLoader}
 * through {@code META-INF/services/io.acog.spi.ProviderPlugin}. The pipeline asks the first b-roll
 * generator registered, so register either this or a generating one (Runway) for a channel's
 * pipeline. Its settings are listed in the {@linkplain io.acog.providers.pexels package}'s
 * description.
 */
public final class PexelsPlugin implements ProviderPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(PexelsPlugin.class);

    /** Creates the plugin; {@link java.util.ServiceLoader} calls it. */
    public PexelsPlugin() {}

    /**
     * Returns {@code "pexels"}.
     *
     * @return the plugin's name
     */
    @Override
    public String name() {
        return PexelsSettings.NAME;
    }

    /**
     * Registers the Pexels b-roll set up with {@code config}, or nothing when {@code pexels.api-key}
     * is not set.
     *
     * @param config the host's settings ({@code pexels.*})
     * @param registry where to put the b-roll generator
     * @throws IllegalArgumentException when a setting cannot be used: the message names the key, its
     *     value and what it must be (never the API key's value)
     */
    @Override
    public void register(ProviderConfig config, ProviderRegistry registry) {
        Optional<PexelsSettings> settings = PexelsSettings.read(config);
        if (settings.isEmpty()) {
            LOG.debug("Pexels b-roll not registered: {} is not set", PexelsSettings.key(PexelsSettings.API_KEY));
            return;
        }
        PexelsBroll broll = new PexelsBroll(settings.get(), Clock.systemUTC());
        registry.brollGenerator(broll);
        LOG.info(
                "ACOG takes b-roll from Pexels ({}, files up to {}p, {} candidates a search)",
                settings.get().baseUrl(),
                settings.get().maxHeight(),
                settings.get().perPage());
    }
}
