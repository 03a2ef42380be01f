package io.acog.examples;

import io.acog.core.pipeline.EpisodePipeline;
import io.acog.spi.AssetStorage;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.Publisher;
import io.acog.spi.Secret;
import io.acog.spi.VideoAssembler;
import io.acog.spi.VoiceSynthesizer;
import io.acog.testkit.providers.OfferedProviders;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The real provider adapters the demo can run on ({@code --providers}), found on the class path by
 * their plugins' names and set up from the host's settings; the offline providers serve the rest.
 */
final class RealProviders {

    /** The adapters the demo knows, by their plugins' names. */
    static final List<String> KNOWN =
            List.of("openai", "elevenlabs", "heygen", "synthesia", "runway", "pexels", "youtube", "s3");

    private RealProviders() {}

    /**
     * What each named adapter lacks to register: the settings it asked for and did not get (named
     * with their environment variables), or why a setting's value is refused. Empty when all can
     * run.
     */
    static List<String> problems(List<String> names, ProviderConfig config) {
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            ProviderPlugin plugin = plugin(name);
            if (plugin == null) {
                problems.add(name + ": its adapter (acog-providers-" + name + ") is not on the class path");
                continue;
            }
            Asking asking = new Asking(config);
            OfferedProviders offered = new OfferedProviders();
            try {
                plugin.register(asking, offered);
            } catch (RuntimeException e) {
                problems.add(name + ": " + e.getMessage());
                continue;
            }
            if (offered.offered().isEmpty()) {
                problems.add(name + " needs "
                        + String.join(
                                ", ",
                                asking.missing.stream()
                                        .map(key -> ProviderConfig.environmentVariable(key) + " (" + key + ")")
                                        .toList()));
            }
        }
        return problems;
    }

    /**
     * Registers the named adapters with the pipeline, before the offline providers so that they are
     * chosen, and returns the storage one of them offers (null for none).
     */
    static AssetStorage install(EpisodePipeline.Builder pipeline, List<String> names, ProviderConfig config) {
        AssetStorage storage = null;
        for (String name : names) {
            OfferedProviders offered = new OfferedProviders();
            plugin(name).register(config, offered);
            List<String> described = new ArrayList<>();
            for (Object provider : offered.offered()) {
                if (provider instanceof ContentWriter writer) {
                    pipeline.contentWriter(writer);
                    described.add("content writer '" + writer.name() + "'");
                } else if (provider instanceof VoiceSynthesizer voice) {
                    pipeline.voiceSynthesizer(voice);
                    described.add("voice '" + voice.name() + "'");
                } else if (provider instanceof AvatarRenderer renderer) {
                    pipeline.avatarRenderer(renderer);
                    described.add("avatar renderer '" + renderer.name() + "'");
                } else if (provider instanceof BrollGenerator generator) {
                    pipeline.brollGenerator(generator);
                    described.add("b-roll generator '" + generator.name() + "'");
                } else if (provider instanceof VideoAssembler assembler) {
                    pipeline.videoAssembler(assembler);
                    described.add("video assembler '" + assembler.name() + "'");
                } else if (provider instanceof Publisher publisher) {
                    pipeline.publisher(publisher);
                    described.add("publisher '" + publisher.name() + "'");
                } else if (provider instanceof AssetStorage chosen) {
                    storage = chosen; // the demo sets it, replacing its local files
                    described.add("asset storage '" + chosen.name() + "'");
                }
            }
            System.out.println("Provider     " + name + " (real): " + String.join(", ", described));
        }
        return storage;
    }

    private static ProviderPlugin plugin(String name) {
        for (ProviderPlugin plugin : ServiceLoader.load(ProviderPlugin.class)) {
            if (plugin.name().equalsIgnoreCase(name)) {
                return plugin;
            }
        }
        return null;
    }

    /** Settings that note the keys asked for and not set. */
    private static final class Asking implements ProviderConfig {

        private final ProviderConfig settings;
        final Set<String> missing = new LinkedHashSet<>();

        Asking(ProviderConfig settings) {
            this.settings = settings;
        }

        @Override
        public Optional<String> get(String key) {
            Optional<String> value = settings.get(key).filter(v -> !v.isBlank());
            if (value.isEmpty()) {
                missing.add(key);
            }
            return value;
        }

        @Override
        public Optional<Secret> secret(String key) {
            return get(key).map(Secret::new);
        }
    }
}
