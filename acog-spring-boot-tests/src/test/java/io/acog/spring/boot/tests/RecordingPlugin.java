package io.acog.spring.boot.tests;

import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.ProviderRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider plugin (listed in {@code META-INF/services}) that registers nothing and records the
 * settings it was given under the keys of {@link #KEYS}, as a real adapter reads its API key.
 */
public final class RecordingPlugin implements ProviderPlugin {

    static final List<String> KEYS =
            List.of("recording.api-key", "recording.model.plan", "recording.webhook-secret", "elevenlabs.api-key");

    /** The last settings seen, by key; a key the plugin did not get is absent. */
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    /** Made by ServiceLoader. */
    public RecordingPlugin() {}

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public void register(ProviderConfig config, ProviderRegistry registry) {
        SEEN.clear();
        for (String key : KEYS) {
            config.get(key).ifPresent(value -> SEEN.put(key, value));
        }
    }
}
