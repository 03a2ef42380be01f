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

    /** The setting, if the host supplied it. */
    Optional<String> get(String key);

    /**
     * The setting.
     *
     * @throws IllegalStateException naming the key (and never a value) when it is missing
     */
    default String require(String key) {
        return get(key).orElseThrow(
                        () -> new IllegalStateException("provider setting '" + key + "' is not configured"));
    }

    /** A secret setting; see {@link Secret}. */
    default Optional<Secret> secret(String key) {
        return get(key).map(Secret::new);
    }

    /** Settings from a map. */
    static ProviderConfig of(Map<String, String> settings) {
        Map<String, String> copy = Map.copyOf(settings);
        return key -> Optional.ofNullable(copy.get(key));
    }

    /**
     * Settings from environment variables: {@code elevenlabs.api-key} is read from
     * {@code ACOG_ELEVENLABS_API_KEY}.
     */
    static ProviderConfig fromEnvironment() {
        return key -> Optional.ofNullable(System.getenv(
                "ACOG_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')));
    }

    /** No settings at all. */
    static ProviderConfig empty() {
        return key -> Optional.empty();
    }
}
