package io.acog.spi;

/**
 * A provider adapter's entry point, found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/io.acog.spi.ProviderPlugin}. It registers the providers it can offer
 * with the host's settings, and none when a setting it needs (an API key) is missing.
 */
public interface ProviderPlugin {

    /** The plugin's name, e.g. {@code "elevenlabs"}. */
    String name();

    void register(ProviderConfig config, ProviderRegistry registry);
}
