package io.acog.core.internal.pipeline.stage;

import io.acog.spi.AssetStorage;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.ProviderRegistry;
import io.acog.spi.Publisher;
import io.acog.spi.VideoAssembler;
import io.acog.spi.VoiceSynthesizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The providers a pipeline was built with, one list per capability in registration order, and the
 * choice among them for a channel. Filled while building; read-only afterwards.
 */
public final class Providers implements ProviderRegistry {

    private final List<ContentWriter> writers = new ArrayList<>();
    private final List<VoiceSynthesizer> voices = new ArrayList<>();
    private final List<AvatarRenderer> avatars = new ArrayList<>();
    private final List<BrollGenerator> brolls = new ArrayList<>();
    private final List<VideoAssembler> assemblers = new ArrayList<>();
    private final List<Publisher> publishers = new ArrayList<>();
    private AssetStorage storage;

    public Providers() {}

    /** A copy that later registrations on this one do not change. */
    public Providers copy() {
        Providers copy = new Providers();
        copy.writers.addAll(writers);
        copy.voices.addAll(voices);
        copy.avatars.addAll(avatars);
        copy.brolls.addAll(brolls);
        copy.assemblers.addAll(assemblers);
        copy.publishers.addAll(publishers);
        copy.storage = storage;
        return copy;
    }

    /** Sets the storage, replacing any a plugin registered. */
    public void replaceStorage(AssetStorage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    /** Where produced files go; null until one is registered. */
    public AssetStorage storage() {
        return storage;
    }

    @Override
    public void contentWriter(ContentWriter writer) {
        writers.add(Objects.requireNonNull(writer, "writer"));
    }

    @Override
    public void voiceSynthesizer(VoiceSynthesizer synthesizer) {
        voices.add(Objects.requireNonNull(synthesizer, "synthesizer"));
    }

    @Override
    public void avatarRenderer(AvatarRenderer renderer) {
        avatars.add(Objects.requireNonNull(renderer, "renderer"));
    }

    @Override
    public void brollGenerator(BrollGenerator generator) {
        brolls.add(Objects.requireNonNull(generator, "generator"));
    }

    @Override
    public void videoAssembler(VideoAssembler assembler) {
        assemblers.add(Objects.requireNonNull(assembler, "assembler"));
    }

    @Override
    public void publisher(Publisher publisher) {
        publishers.add(Objects.requireNonNull(publisher, "publisher"));
    }

    @Override
    public void assetStorage(AssetStorage storage) {
        if (this.storage == null) {
            this.storage = Objects.requireNonNull(storage, "storage");
        }
    }

    /** Lets every plugin on the class path register what it offers with these settings. */
    public void loadPlugins(ProviderConfig config, ClassLoader loader) {
        for (ProviderPlugin plugin : ServiceLoader.load(ProviderPlugin.class, loader)) {
            plugin.register(config, this);
        }
    }

    /** The capabilities nobody provides, by name; empty when the pipeline can run. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (writers.isEmpty()) {
            missing.add("contentWriter");
        }
        if (voices.isEmpty()) {
            missing.add("voiceSynthesizer");
        }
        if (avatars.isEmpty()) {
            missing.add("avatarRenderer");
        }
        if (brolls.isEmpty()) {
            missing.add("brollGenerator");
        }
        if (assemblers.isEmpty()) {
            missing.add("videoAssembler");
        }
        if (publishers.isEmpty()) {
            missing.add("publisher");
        }
        return missing;
    }

    public ContentWriter writer() {
        return writers.get(0);
    }

    public VideoAssembler assembler() {
        return assemblers.get(0);
    }

    public VoiceSynthesizer voice(String requested) {
        return choose(
                voices,
                requested,
                VoiceSynthesizer::serves,
                VoiceSynthesizer::name,
                "voice provider",
                "voice_profile.provider");
    }

    public AvatarRenderer avatar(String requested) {
        return choose(
                avatars,
                requested,
                AvatarRenderer::serves,
                AvatarRenderer::name,
                "avatar provider",
                "avatar_profile.provider");
    }

    public BrollGenerator broll(String requested) {
        return choose(
                brolls,
                requested,
                (generator, name) -> generator.name().equalsIgnoreCase(name),
                BrollGenerator::name,
                "b-roll provider",
                "the render job's provider");
    }

    public Publisher publisher(String platform) {
        return choose(
                publishers, platform, Publisher::serves, Publisher::name, "publisher", "platform_config.platform");
    }

    /** The render provider that took a task, by the name its job recorded. */
    public AvatarRenderer avatarNamed(String name) {
        return choose(
                avatars,
                name,
                (renderer, wanted) -> renderer.name().equalsIgnoreCase(wanted),
                AvatarRenderer::name,
                "avatar provider",
                "the render job's provider");
    }

    /**
     * The provider named {@code requested} (ignoring case), else the first that serves it (a test
     * double may serve any name), whatever the order they were registered in; the first of all
     * when the channel names none.
     *
     * @throws StageFailedException (permanent) when the channel names one nobody serves
     */
    private static <P> P choose(
            List<P> candidates,
            String requested,
            BiPredicate<P, String> serves,
            Function<P, String> name,
            String what,
            String setting) {
        if (requested == null || requested.isBlank()) {
            return candidates.get(0);
        }
        for (P candidate : candidates) {
            if (requested.equalsIgnoreCase(name.apply(candidate))) {
                return candidate;
            }
        }
        for (P candidate : candidates) {
            if (serves.test(candidate, requested)) {
                return candidate;
            }
        }
        throw StageFailedException.permanent("the channel asks for " + what + " '" + requested + "' (" + setting
                + "), but the pipeline has only "
                + candidates.stream().map(name).map(n -> "'" + n + "'").collect(Collectors.joining(", ")));
    }
}
