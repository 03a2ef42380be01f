package io.acog.spi;

/**
 * A provider adapter's entry point, found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/io.acog.spi.ProviderPlugin}. It registers the providers it can offer
 * with the host's settings, and none when a setting it needs (an API key) is missing.
 */
public interface ProviderPlugin {

    /**
     * Returns the plugin's name, e.g. {@code "elevenlabs"}.
     *
     * @return the name
     */
    String name();

    /**
     * Registers the providers this plugin can offer, set up with {@code config}. ACOG calls it once
     * for each pipeline built with {@code plugins(config)}, on the thread that builds it. Register
     * nothing when a setting a provider needs (an API key) is missing, rather than throw: the build
     * then names the capabilities nobody provides.
     *
     * @param config the host's settings; a provider may keep it and read its settings later
     * @param registry where to put the providers
     */
    void register(ProviderConfig config, ProviderRegistry registry);
}
