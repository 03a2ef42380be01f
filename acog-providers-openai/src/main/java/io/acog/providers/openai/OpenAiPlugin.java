package io.acog.providers.openai;

import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.ProviderRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the content writer on OpenAI, named {@code "openai"}, for the {@code planning}, {@code
 * scripting}, {@code script_review} and {@code metadata} stages; found by {@link
 * java.util.ServiceLoader} through {@code META-INF/services/io.acog.spi.ProviderPlugin}. It
 * registers nothing when {@code openai.api-key} is not set. The settings, what the writer sends and
 * how it classifies OpenAI's errors are described in the {@linkplain io.acog.providers.openai
 * package's documentation}.
 *
 * <p>The writer it registers is thread-safe and keeps no state between calls.
 */
public final class OpenAiPlugin implements ProviderPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiPlugin.class);

    /** Creates the plugin; {@link java.util.ServiceLoader} calls it. */
    public OpenAiPlugin() {}

    /**
     * Returns {@code "openai"}.
     *
     * @return the plugin's name
     */
    @Override
    public String name() {
        return OpenAiSettings.NAME;
    }

    /**
     * Registers the OpenAI writer set up with {@code config}, or nothing when {@code openai.api-key}
     * is not set (then no other setting is read).
     *
     * @param config the host's settings ({@code openai.*})
     * @param registry where to put the writer
     * @throws IllegalArgumentException when a setting is set to something unusable (a timeout that is
     *     not a duration, a price that is not a number): the message names the setting, its value
     *     (never the API key's) and what it must be
     */
    @Override
    public void register(ProviderConfig config, ProviderRegistry registry) {
        Optional<OpenAiSettings> settings = OpenAiSettings.read(config);
        if (settings.isEmpty()) {
            LOG.debug("openai.api-key is not set: no OpenAI writer");
            return;
        }
        registry.contentWriter(new OpenAiWriter(settings.get()));
        LOG.info("ACOG writes with OpenAI: {}", settings.get());
    }
}
