package io.acog.core.pipeline;

import io.acog.providers.offline.OfflineProviders;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.ProviderRegistry;
import io.acog.spi.Secret;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A provider plugin for {@link ProviderSpiTest}, listed in
 * {@code META-INF/services/io.acog.spi.ProviderPlugin}: it offers the providers of the
 * {@link OfflineProviders} the test puts in {@link #OFFLINE}, and only when its API key
 * ({@value #API_KEY}) is configured, as a real adapter would. With {@value #STRICT} set it also
 * requires {@value #MODEL}; with {@value #STORAGE_DIR} it offers a {@link LocalFileStorage} there.
 */
public final class OfflineTestPlugin implements ProviderPlugin {

    static final String API_KEY = "offline-test.api-key";
    static final String MODEL = "offline-test.model";
    static final String STRICT = "offline-test.strict";
    static final String STORAGE_DIR = "offline-test.storage-dir";

    /** The providers the next registration offers. */
    static final AtomicReference<OfflineProviders> OFFLINE = new AtomicReference<>();
    /** One entry per registration that registered providers: the model it was set up with. */
    static final List<String> REGISTERED = new CopyOnWriteArrayList<>();
    /** How often ServiceLoader made an instance. */
    static final List<OfflineTestPlugin> INSTANCES = new CopyOnWriteArrayList<>();

    public OfflineTestPlugin() {
        INSTANCES.add(this);
    }

    @Override
    public String name() {
        return "offline-test";
    }

    @Override
    public void register(ProviderConfig config, ProviderRegistry registry) {
        if (config.get(STRICT).isPresent()) {
            config.require(MODEL);
        }
        Secret key = config.secret(API_KEY).orElse(null);
        OfflineProviders offline = OFFLINE.get();
        if (key == null || offline == null) {
            return; // nothing to offer without credentials
        }
        registry.contentWriter(offline.contentWriter());
        registry.voiceSynthesizer(offline.voiceSynthesizer());
        registry.avatarRenderer(offline.avatarRenderer());
        registry.brollGenerator(offline.brollGenerator());
        registry.videoAssembler(offline.videoAssembler());
        registry.publisher(offline.publisher());
        config.get(STORAGE_DIR)
                .ifPresent(dir -> registry.assetStorage(new LocalFileStorage(java.nio.file.Path.of(dir))));
        REGISTERED.add(config.get(MODEL).orElse("default"));
    }
}
