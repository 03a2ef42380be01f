package io.acog.examples;

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

/** What a plugin found on the class path registers, kept for a test to use without a pipeline. */
final class OfferedProviders implements io.acog.spi.ProviderRegistry {

    final List<Object> offered = new ArrayList<>();

    /** What the plugin named {@code name} registers with {@code config}. */
    static OfferedProviders of(String name, ProviderConfig config) {
        OfferedProviders providers = new OfferedProviders();
        for (ProviderPlugin plugin : ServiceLoader.load(ProviderPlugin.class)) {
            if (plugin.name().equals(name)) {
                plugin.register(config, providers);
                return providers;
            }
        }
        throw new AssertionError("no plugin named " + name + " on the class path");
    }

    /** The one provider of {@code type} registered. */
    <T> T the(Class<T> type) {
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
