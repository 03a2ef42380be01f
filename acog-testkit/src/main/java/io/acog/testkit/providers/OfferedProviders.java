package io.acog.testkit.providers;

import io.acog.spi.AssetStorage;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.Publisher;
import io.acog.spi.VideoAssembler;
import io.acog.spi.VoiceSynthesizer;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A {@link io.acog.spi.ProviderRegistry} that keeps what a plugin registers, in order, for a test
 * (or a tool) to use without a pipeline. Not thread-safe: a plugin registers on one thread.
 *
 * <pre>{@code
 * VoiceSynthesizer voice = OfferedProviders.of("elevenlabs", config).the(VoiceSynthesizer.class);
 * }</pre>
 */
public final class OfferedProviders implements io.acog.spi.ProviderRegistry {

    private final List<Object> offered = new ArrayList<>();

    /** Makes an empty registry. */
    public OfferedProviders() {}

    /**
     * Returns what the plugin named {@code name} on the class path registers with {@code config}.
     *
     * @param name the plugin's {@link ProviderPlugin#name()}
     * @param config the settings it registers with
     * @return what it registered
     * @throws AssertionError when no plugin of that name is on the class path
     */
    public static OfferedProviders of(String name, ProviderConfig config) {
        OfferedProviders providers = new OfferedProviders();
        for (ProviderPlugin plugin : ServiceLoader.load(ProviderPlugin.class)) {
            if (plugin.name().equals(name)) {
                plugin.register(config, providers);
                return providers;
            }
        }
        throw new AssertionError("no plugin named " + name + " on the class path");
    }

    /**
     * Returns everything registered, in order.
     *
     * @return a copy of the list
     */
    public List<Object> offered() {
        return List.copyOf(offered);
    }

    /**
     * Returns the one provider of {@code type} registered.
     *
     * @param type the capability, e.g. {@code VoiceSynthesizer.class}
     * @param <T> the capability
     * @return the provider
     * @throws AssertionError unless exactly one of that type was registered
     */
    public <T> T the(Class<T> type) {
        List<T> matching =
                offered.stream().filter(type::isInstance).map(type::cast).toList();
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " providers of type " + type.getSimpleName() + " in " + offered);
        }
        return matching.get(0);
    }

    @Override
    public void contentWriter(ContentWriter writer) {
        offered.add(writer);
    }

    @Override
    public void voiceSynthesizer(VoiceSynthesizer synthesizer) {
        offered.add(synthesizer);
    }

    @Override
    public void avatarRenderer(AvatarRenderer renderer) {
        offered.add(renderer);
    }

    @Override
    public void brollGenerator(BrollGenerator generator) {
        offered.add(generator);
    }

    @Override
    public void videoAssembler(VideoAssembler assembler) {
        offered.add(assembler);
    }

    @Override
    public void publisher(Publisher publisher) {
        offered.add(publisher);
    }

    @Override
    public void assetStorage(AssetStorage storage) {
        offered.add(storage);
    }
}
