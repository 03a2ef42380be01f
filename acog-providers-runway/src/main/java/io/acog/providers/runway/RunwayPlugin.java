package io.acog.providers.runway;

import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.ProviderRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the Runway b-roll generator, a {@link io.acog.spi.BrollGenerator} named {@code
 * "runway"}, when {@code runway.api-key} is set; found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.acog.spi.ProviderPlugin}. The pipeline asks the first b-roll generator
 * registered for every clip. Its settings are listed in the {@linkplain io.acog.providers.runway
 * package}'s description.
 */
public final class RunwayPlugin implements ProviderPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(RunwayPlugin.class);

    /** Creates the plugin; {@link java.util.ServiceLoader} calls it. */
    public RunwayPlugin() {}

    /**
     * Returns {@code "runway"}.
     *
     * @return the plugin's name
     */
    @Override
    public String name() {
        return RunwaySettings.NAME;
    }

    /**
     * Registers the Runway b-roll generator set up with {@code config}, or nothing when {@code
     * runway.api-key} is not set.
     *
     * @param config the host's settings ({@code runway.*})
     * @param registry where to put the generator
     * @throws IllegalArgumentException when a setting cannot be used (an unknown model, a poll
     *     interval under 5 s, a seed with a model that takes none, a malformed number or duration):
     *     the message names the key, its value and what it must be (never the API key's value)
     */
    @Override
    public void register(ProviderConfig config, ProviderRegistry registry) {
        Optional<RunwaySettings> settings = RunwaySettings.read(config);
        if (settings.isEmpty()) {
            LOG.debug("Runway b-roll not registered: {} is not set", RunwaySettings.key(RunwaySettings.API_KEY));
            return;
        }
        registry.brollGenerator(new RunwayBroll(settings.get()));
        LOG.info(
                "ACOG renders b-roll on Runway ({}, model {}, API version {}, polled every {})",
                settings.get().baseUrl(),
                settings.get().model().name(),
                settings.get().apiVersion(),
                settings.get().pollInterval());
    }
}
