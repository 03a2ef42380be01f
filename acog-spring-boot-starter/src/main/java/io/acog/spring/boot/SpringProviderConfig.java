package io.acog.spring.boot;

import io.acog.spi.ProviderConfig;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.Environment;

/**
 * The provider settings as plugins read them: {@code acog.providers.<key>} from the bound map, else
 * from the Environment with Spring Boot's relaxed names, so that the environment variable {@code
 * ACOG_PROVIDERS_ELEVENLABS_API_KEY} serves {@code elevenlabs.api-key} (bound into the map, it
 * would arrive as {@code elevenlabs.api.key}). Values are never logged or printed.
 */
final class SpringProviderConfig implements ProviderConfig {

    static final String PREFIX = "acog.providers.";

    private final Map<String, String> bound;
    private final Binder binder;

    SpringProviderConfig(Map<String, String> bound, Environment environment) {
        this.bound = Map.copyOf(bound);
        this.binder = Binder.get(environment);
    }

    @Override
    public Optional<String> get(String key) {
        String value = bound.get(key);
        if (value != null) {
            return Optional.of(value);
        }
        String name = PREFIX + key;
        if (!ConfigurationPropertyName.isValid(name)) {
            return Optional.empty();
        }
        return Optional.ofNullable(binder.bind(name, String.class).orElse(null));
    }

    /** Names the source only: the values are secrets. */
    @Override
    public String toString() {
        return "ProviderConfig[acog.providers.*, " + bound.size() + " settings]";
    }
}
