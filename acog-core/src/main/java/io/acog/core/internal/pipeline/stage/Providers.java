package io.acog.core.internal.pipeline.stage;

import io.acog.core.ValidationException;
import io.acog.core.channel.Channel;
import io.acog.core.internal.secret.Redaction;
import io.acog.spi.AssetStorage;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.ContentWriter;
import io.acog.spi.Provider;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderLimits;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.ProviderRegistry;
import io.acog.spi.Publisher;
import io.acog.spi.RenderWebhooks;
import io.acog.spi.VideoAssembler;
import io.acog.spi.VoiceSynthesizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers a pipeline was built with, one list per capability in registration order, and the
 * choice among them for a channel. Filled while building; read-only afterwards.
 */
public final class Providers implements ProviderRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(Providers.class);

    private final List<ContentWriter> writers = new ArrayList<>();
    private final List<VoiceSynthesizer> voices = new ArrayList<>();
    private final List<AvatarRenderer> avatars = new ArrayList<>();
    private final List<BrollGenerator> brolls = new ArrayList<>();
    private final List<VideoAssembler> assemblers = new ArrayList<>();
    private final List<Publisher> publishers = new ArrayList<>();
    private final List<String> plugins = new ArrayList<>();
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
        copy.plugins.addAll(plugins);
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

    /**
     * Lets every plugin on the class path register what it offers with these settings, and logs
     * each plugin found with what it registered; one that registered nothing is reported with the
     * settings it asked for and did not get.
     *
     * @throws IllegalStateException naming the plugin when it fails to register
     */
    public void loadPlugins(ProviderConfig config, ClassLoader loader) {
        int found = 0;
        for (ProviderPlugin plugin : ServiceLoader.load(ProviderPlugin.class, loader)) {
            found++;
            String name = plugin.getClass().getName();
            try {
                name = "'" + plugin.name() + "' (" + plugin.getClass().getName() + ")";
                PluginSettings settings = new PluginSettings(config);
                List<String> registered = new ArrayList<>();
                plugin.register(settings, new Recording(registered));
                String report = registered.isEmpty()
                        ? "provider plugin " + name + " found, registered nothing"
                                + (settings.missing().isEmpty()
                                        ? ""
                                        : ": " + String.join(", ", settings.missing())
                                                + (settings.missing().size() == 1 ? " is" : " are") + " not set")
                        : "provider plugin " + name + " registered " + String.join(", ", registered);
                plugins.add(report);
                if (registered.isEmpty()) {
                    LOG.warn("ACOG {}", report);
                } else {
                    LOG.info("ACOG {}", report);
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        "ACOG provider plugin " + name + " failed to register: " + Redaction.describe(e),
                        Redaction.redact(e));
            }
        }
        if (found == 0) {
            String none = "no provider plugin found: none is listed in META-INF/services/"
                    + ProviderPlugin.class.getName() + " on the class path";
            plugins.add(none);
            LOG.warn("ACOG {}", none);
        }
    }

    /** What each plugin found registered, or why it registered nothing; empty before a search. */
    public List<String> plugins() {
        return List.copyOf(plugins);
    }

    /** Registers with this, noting what was registered. */
    /** A provider as a plugin's report names it: its capability, name and any limits it declares. */
    static String described(String capability, Provider provider) {
        ProviderLimits limits = provider.limits();
        List<String> declared = new ArrayList<>();
        if (limits.concurrentRequests() > 0) {
            declared.add(limits.concurrentRequests() + " concurrent");
        }
        if (limits.requestsPerMinute() > 0) {
            declared.add(limits.requestsPerMinute() + " a minute");
        }
        if (limits.requestsPerDay() > 0) {
            declared.add(limits.requestsPerDay() + " a day");
        }
        return capability + " '" + provider.name() + "'"
                + (declared.isEmpty() ? "" : " (limits: " + String.join(", ", declared) + ")");
    }

    private final class Recording implements ProviderRegistry {

        private final List<String> registered;

        Recording(List<String> registered) {
            this.registered = registered;
        }

        @Override
        public void contentWriter(ContentWriter writer) {
            Providers.this.contentWriter(writer);
            registered.add(described("contentWriter", writer));
        }

        @Override
        public void voiceSynthesizer(VoiceSynthesizer synthesizer) {
            Providers.this.voiceSynthesizer(synthesizer);
            registered.add(described("voiceSynthesizer", synthesizer));
        }

        @Override
        public void avatarRenderer(AvatarRenderer renderer) {
            Providers.this.avatarRenderer(renderer);
            registered.add(described("avatarRenderer", renderer));
        }

        @Override
        public void brollGenerator(BrollGenerator generator) {
            Providers.this.brollGenerator(generator);
            registered.add(described("brollGenerator", generator));
        }

        @Override
        public void videoAssembler(VideoAssembler assembler) {
            Providers.this.videoAssembler(assembler);
            registered.add(described("videoAssembler", assembler));
        }

        @Override
        public void publisher(Publisher publisher) {
            Providers.this.publisher(publisher);
            registered.add(described("publisher", publisher));
        }

        @Override
        public void assetStorage(AssetStorage storage) {
            Providers.this.assetStorage(storage);
            registered.add("assetStorage '" + storage.name() + "'");
        }
    }

    /** Each capability, by the name {@link #missing()} uses, and its providers' names in order. */
    public Map<String, List<String>> names() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        names.put("contentWriter", writers.stream().map(Provider::name).toList());
        names.put("voiceSynthesizer", voices.stream().map(Provider::name).toList());
        names.put("avatarRenderer", avatars.stream().map(Provider::name).toList());
        names.put("brollGenerator", brolls.stream().map(Provider::name).toList());
        names.put("videoAssembler", assemblers.stream().map(Provider::name).toList());
        names.put("publisher", publishers.stream().map(Provider::name).toList());
        names.put("assetStorage", List.of(storage().name()));
        return Collections.unmodifiableMap(names);
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
     * The render provider named {@code name} that receives webhooks: the first avatar renderer or
     * b-roll generator of that name (ignoring case) that implements {@link RenderWebhooks}.
     */
    public java.util.Optional<RenderWebhooks> webhooks(String name) {
        return java.util.stream.Stream.concat(
                        avatars.stream().filter(renderer -> renderer.name().equalsIgnoreCase(name)),
                        brolls.stream().filter(generator -> generator.name().equalsIgnoreCase(name)))
                .filter(RenderWebhooks.class::isInstance)
                .map(RenderWebhooks.class::cast)
                .findFirst();
    }

    /** The names of the render providers that receive webhooks, for an error message. */
    public List<String> webhookProviders() {
        return java.util.stream.Stream.concat(avatars.stream(), brolls.stream())
                .filter(RenderWebhooks.class::isInstance)
                .map(provider -> provider instanceof AvatarRenderer a ? a.name() : ((BrollGenerator) provider).name())
                .distinct()
                .toList();
    }

    /**
     * Checks that the pipeline has each provider the channel names, before an episode of it starts
     * and costs anything.
     *
     * @throws ValidationException naming the channel's setting, the provider it asks for and those
     *     the pipeline has
     */
    public void check(Channel channel) {
        require(
                voices,
                channel.voiceProfile() == null ? null : channel.voiceProfile().provider(),
                VoiceSynthesizer::serves,
                VoiceSynthesizer::name,
                "voice provider",
                "voice_profile.provider");
        require(
                avatars,
                channel.avatarProfile() == null ? null : channel.avatarProfile().provider(),
                AvatarRenderer::serves,
                AvatarRenderer::name,
                "avatar provider",
                "avatar_profile.provider");
        require(
                publishers,
                channel.platformConfig() == null
                        ? null
                        : channel.platformConfig().platform(),
                Publisher::serves,
                Publisher::name,
                "publisher",
                "platform_config.platform");
    }

    private <P> void require(
            List<P> candidates,
            String requested,
            BiPredicate<P, String> serves,
            Function<P, String> name,
            String what,
            String setting) {
        if (requested != null && !requested.isBlank() && find(candidates, requested, serves, name) == null) {
            throw new ValidationException(
                    "channel",
                    setting,
                    "is '" + requested + "', but this pipeline has no " + what + " of that name; it has "
                            + names(candidates, name)
                            + (plugins.isEmpty() ? "" : " (" + String.join("; ", plugins) + ")")
                            + ". Register one named '" + requested + "' (or add its plugin), or change the"
                            + " channel's " + setting);
        }
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
        P found = find(candidates, requested, serves, name);
        if (found == null) {
            throw StageFailedException.permanent("the channel asks for " + what + " '" + requested + "' (" + setting
                    + "), but the pipeline has only " + names(candidates, name));
        }
        return found;
    }

    /** The one named {@code requested} (ignoring case), else the first that serves it; else null. */
    private static <P> P find(
            List<P> candidates, String requested, BiPredicate<P, String> serves, Function<P, String> name) {
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
        return null;
    }

    private static <P> String names(List<P> candidates, Function<P, String> name) {
        return candidates.stream().map(name).map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }
}
