package io.acog.spi;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings a host application supplies to providers: API keys, model ids, endpoints. Keys are
 * dotted and lower case, prefixed by the provider's name, e.g. {@code elevenlabs.api-key}.
 */
@FunctionalInterface
public interface ProviderConfig {

    /**
     * Returns the setting, if the host supplied it.
     *
     * @param key the setting's key, e.g. {@code elevenlabs.api-key}
     * @return the value, or empty
     */
    Optional<String> get(String key);

    /**
     * Returns the setting, which must be there.
     *
     * @param key the setting's key
     * @return the value
     * @throws IllegalStateException naming the key (and never a value) when it is missing
     */
    default String require(String key) {
        return get(key).orElseThrow(
                        () -> new IllegalStateException("provider setting '" + key + "' is not configured"));
    }

    /**
     * Returns a secret setting, if the host supplied it; see {@link Secret}.
     *
     * @param key the setting's key
     * @return the value, kept out of logs, or empty
     */
    default Optional<Secret> secret(String key) {
        return get(key).map(Secret::new);
    }

    /**
     * Returns settings from a map, copied.
     *
     * @param settings the settings by key; neither keys nor values may be null
     * @return the settings
     * @throws NullPointerException when the map, a key or a value is null
     */
    static ProviderConfig of(Map<String, String> settings) {
        Map<String, String> copy = Map.copyOf(settings);
        return key -> Optional.ofNullable(copy.get(key));
    }

    /**
     * Returns settings from environment variables: {@code elevenlabs.api-key} is read from {@code
     * ACOG_ELEVENLABS_API_KEY} (upper case, dots and dashes become underscores). Read on each call.
     *
     * @return the settings
     */
    static ProviderConfig fromEnvironment() {
        return key -> Optional.ofNullable(System.getenv(environmentVariable(key)));
    }

    /**
     * Returns the environment variable {@link #fromEnvironment()} reads a setting from: {@code
     * ACOG_} and the key in upper case, its dots and dashes as underscores.
     *
     * @param key the setting, e.g. {@code openai.api-key}
     * @return the variable's name, e.g. {@code ACOG_OPENAI_API_KEY}
     */
    static String environmentVariable(String key) {
        return "ACOG_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * Returns no settings at all.
     *
     * @return settings in which every key is missing
     */
    static ProviderConfig empty() {
        return key -> Optional.empty();
    }
}
