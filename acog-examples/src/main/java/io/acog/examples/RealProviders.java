package io.acog.examples;

import io.acog.core.pipeline.EpisodePipeline;
import io.acog.spi.AssetStorage;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.ProviderRegistry;
import io.acog.spi.Publisher;
import io.acog.spi.Secret;
import io.acog.spi.VideoAssembler;
import io.acog.spi.VoiceSynthesizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The real provider adapters the demo can run on ({@code --providers}), found on the class path by
 * their plugins' names and set up from the host's settings; the offline providers serve the rest.
 */
final class RealProviders {

    /** The adapters the demo knows, by their plugins' names. */
    static final List<String> KNOWN = List.of("openai", "elevenlabs", "youtube", "s3");

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
            List<String> offered = new ArrayList<>();
            try {
                plugin.register(asking, registry(offered::add, null));
            } catch (RuntimeException e) {
                problems.add(name + ": " + e.getMessage());
                continue;
            }
            if (offered.isEmpty()) {
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
        AssetStorage[] storage = new AssetStorage[1];
        for (String name : names) {
            List<String> offered = new ArrayList<>();
            plugin(name).register(config, registry(offered::add, new Forward(pipeline, storage)));
            System.out.println("Provider     " + name + " (real): " + String.join(", ", offered));
        }
        return storage[0];
    }

    private static ProviderPlugin plugin(String name) {
        for (ProviderPlugin plugin : ServiceLoader.load(ProviderPlugin.class)) {
            if (plugin.name().equalsIgnoreCase(name)) {
                return plugin;
            }
        }
        return null;
    }

    /** A registry that notes what is offered, and hands it on to {@code onward} if any. */
    private static ProviderRegistry registry(Consumer<String> offered, ProviderRegistry onward) {
        return new ProviderRegistry() {
            @Override
            public void contentWriter(ContentWriter writer) {
                offered.accept("content writer '" + writer.name() + "'");
                if (onward != null) {
                    onward.contentWriter(writer);
                }
            }

            @Override
            public void voiceSynthesizer(VoiceSynthesizer synthesizer) {
                offered.accept("voice '" + synthesizer.name() + "'");
                if (onward != null) {
                    onward.voiceSynthesizer(synthesizer);
                }
            }

            @Override
            public void avatarRenderer(AvatarRenderer renderer) {
                offered.accept("avatar renderer '" + renderer.name() + "'");
                if (onward != null) {
                    onward.avatarRenderer(renderer);
                }
            }

            @Override
            public void brollGenerator(BrollGenerator generator) {
                offered.accept("b-roll generator '" + generator.name() + "'");
                if (onward != null) {
                    onward.brollGenerator(generator);
                }
            }

            @Override
            public void videoAssembler(VideoAssembler assembler) {
                offered.accept("video assembler '" + assembler.name() + "'");
                if (onward != null) {
                    onward.videoAssembler(assembler);
                }
            }

            @Override
            public void publisher(Publisher publisher) {
                offered.accept("publisher '" + publisher.name() + "'");
                if (onward != null) {
                    onward.publisher(publisher);
                }
            }

            @Override
            public void assetStorage(AssetStorage storage) {
                offered.accept("asset storage '" + storage.name() + "'");
                if (onward != null) {
                    onward.assetStorage(storage);
                }
            }
        };
    }

    /** Registers with the pipeline's builder; storage is kept for the demo to set. */
    private record Forward(EpisodePipeline.Builder pipeline, AssetStorage[] storage) implements ProviderRegistry {

        @Override
        public void contentWriter(ContentWriter writer) {
            pipeline.contentWriter(writer);
        }

        @Override
        public void voiceSynthesizer(VoiceSynthesizer synthesizer) {
            pipeline.voiceSynthesizer(synthesizer);
        }

        @Override
        public void avatarRenderer(AvatarRenderer renderer) {
            pipeline.avatarRenderer(renderer);
        }

        @Override
        public void brollGenerator(BrollGenerator generator) {
            pipeline.brollGenerator(generator);
        }

        @Override
        public void videoAssembler(VideoAssembler assembler) {
            pipeline.videoAssembler(assembler);
        }

        @Override
        public void publisher(Publisher publisher) {
            pipeline.publisher(publisher);
        }

        @Override
        public void assetStorage(AssetStorage chosen) {
            storage[0] = chosen;
        }
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
