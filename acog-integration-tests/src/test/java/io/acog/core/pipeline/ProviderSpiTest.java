package io.acog.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import ch.qos.logback.classic.Level;
import io.acog.core.asset.Asset;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.job.JobWorker;
import io.acog.providers.offline.OfflineProviders;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderPlugin;
import io.acog.spi.Secret;
import io.acog.spi.VoiceSynthesizer;
import io.acog.testing.LogCapture;
import io.acog.testkit.postgres.AcogPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provider SPI: plugins found by ServiceLoader, secrets and settings. */
@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class ProviderSpiTest extends PipelineTestCase {

    private static final String SECRET_VALUE = "sk-live-7f3a9c1e-do-not-leak";

    @RegisterExtension
    final LogCapture log = LogCapture.everything("io.acog.core.internal.pipeline.stage.Providers");

    @BeforeEach
    void forgetPlugins() {
        OfflineTestPlugin.REGISTERED.clear();
        OfflineTestPlugin.INSTANCES.clear();
    }

    @AfterEach
    void tearDown() {
        OfflineTestPlugin.OFFLINE.set(null);
    }

    @Test
    void thePluginIsOnTheClassPathForServiceLoader() {
        assertThat(ServiceLoader.load(ProviderPlugin.class).stream()
                        .map(ServiceLoader.Provider::type)
                        .toList())
                .contains(OfflineTestPlugin.class);
    }

    @Test
    void aPluginFoundByServiceLoaderProvidesForThePipeline() throws Exception {
        OfflineProviders offline = PipelineTesting.offline().build();
        OfflineTestPlugin.OFFLINE.set(offline);
        EpisodePipeline pipeline = EpisodePipeline.builder(acog)
                .plugins(ProviderConfig.of(Map.of(
                        OfflineTestPlugin.API_KEY,
                        SECRET_VALUE,
                        OfflineTestPlugin.MODEL,
                        "offline-writer-1",
                        OfflineTestPlugin.STORAGE_DIR,
                        storage.toString())))
                .build();
        assertThat(OfflineTestPlugin.INSTANCES).hasSize(1);
        assertThat(OfflineTestPlugin.REGISTERED).containsExactly("offline-writer-1");
        // the host's log says which plugin was found and what it registered
        assertThat(log.messages(Level.INFO))
                .contains("ACOG provider plugin 'offline-test' (" + OfflineTestPlugin.class.getName() + ") registered"
                        + " contentWriter 'offline', voiceSynthesizer 'offline', avatarRenderer 'offline',"
                        + " brollGenerator 'offline', videoAssembler 'offline', publisher 'offline',"
                        + " assetStorage 'local'");

        Episode episode = fixtures.episode().create();
        Episode done = startAndRunToRest(pipeline, episode);
        assertThat(done.status()).isEqualTo(EpisodeStatus.PUBLISHED);
        // the plugin's providers did the work
        for (PipelineStage stage : PipelineStage.values()) {
            assertThat(offline.calls(stage.label(), episode.id()))
                    .as(stage.label())
                    .isNotEmpty();
            assertThat(done.pipelineState().stage(stage).orElseThrow().provider())
                    .as(stage.label())
                    .isEqualTo(OfflineProviders.NAME);
        }
        // and the storage it offered holds the files
        List<Asset> assets = acog.assets().list(episode.id());
        assertThat(assets).isNotEmpty().allSatisfy(asset -> {
            Path file = Path.of(URI.create(asset.uri()));
            assertThat(file).startsWith(storage.toAbsolutePath()).exists();
            assertThat(Files.size(file)).isPositive();
        });
    }

    @Test
    void aPluginWithoutItsApiKeyOffersNothingAndBuildingSaysWhatIsMissing() {
        OfflineTestPlugin.OFFLINE.set(PipelineTesting.offline().build());
        EpisodePipeline.Builder builder = EpisodePipeline.builder(acog).plugins(ProviderConfig.empty());
        assertThat(OfflineTestPlugin.INSTANCES).hasSize(1);
        assertThat(OfflineTestPlugin.REGISTERED).isEmpty();

        String why = "provider plugin 'offline-test' (" + OfflineTestPlugin.class.getName() + ") found, registered"
                + " nothing: " + OfflineTestPlugin.API_KEY + ", " + OfflineTestPlugin.STRICT + " are not set";
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                // the ffmpeg module on this class path offers its assembler without any setting
                .hasMessageContaining(
                        "none for: contentWriter, voiceSynthesizer, avatarRenderer, brollGenerator, publisher.")
                .hasMessageContaining(why)
                .hasMessageContaining("provider plugin 'ffmpeg' (io.acog.providers.ffmpeg.FfmpegPlugin) registered"
                        + " videoAssembler 'ffmpeg'");
        assertThat(log.messages(Level.WARN)).contains("ACOG " + why);
    }

    @Test
    void aProviderNamedByTheChannelWinsOverOneServingAnyNameWhateverTheOrder() throws Exception {
        // the fixture channel asks for voice_profile.provider = elevenlabs; the offline voice,
        // a test double, serves any name and is registered first
        OfflineProviders offline = PipelineTesting.offline().build();
        VoiceSynthesizer offlineVoice = offline.voiceSynthesizer();
        AtomicInteger named = new AtomicInteger();
        VoiceSynthesizer elevenlabs = new VoiceSynthesizer() {
            @Override
            public String name() {
                return "ElevenLabs";
            }

            @Override
            public Speech synthesize(SpeechRequest request, ProviderCall call) {
                named.incrementAndGet();
                return offlineVoice.synthesize(request, call);
            }
        };
        EpisodePipeline pipeline = builder(offline).voiceSynthesizer(elevenlabs).build();
        Episode episode = fixtures.episode().create();
        pipeline.start(episode.id());

        try (JobWorker worker = pipeline.worker("w").threads(2).start()) {
            PipelineTesting.awaitRest(acog, episode.id());
        }

        assertThat(acog.episodes().get(episode.id()).status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(named).hasValue(1);
        assertThat(PipelineTesting.stage(acog.episodes().get(episode.id()), PipelineStage.AUDIO)
                        .provider())
                .isEqualTo("ElevenLabs");
    }

    @Test
    void thePipelineNamesItsProvidersByCapabilityInTheOrderTheyAreChosen() {
        OfflineProviders offline = PipelineTesting.offline().build();
        VoiceSynthesizer elevenlabs = new VoiceSynthesizer() {
            @Override
            public String name() {
                return "ElevenLabs";
            }

            @Override
            public Speech synthesize(SpeechRequest request, ProviderCall call) {
                throw new AssertionError("not called");
            }
        };

        Map<String, List<String>> alone = pipeline(offline).providers();
        Map<String, List<String>> withSecond =
                builder(offline).voiceSynthesizer(elevenlabs).build().providers();

        assertThat(alone)
                .containsExactly(
                        entry("contentWriter", List.of("offline")),
                        entry("voiceSynthesizer", List.of("offline")),
                        entry("avatarRenderer", List.of("offline")),
                        entry("brollGenerator", List.of("offline")),
                        entry("videoAssembler", List.of("offline")),
                        entry("publisher", List.of("offline")),
                        entry("assetStorage", List.of("local")));
        assertThat(withSecond)
                .as("a second voice, registered after the offline one")
                .containsExactly(
                        entry("contentWriter", List.of("offline")),
                        entry("voiceSynthesizer", List.of("offline", "ElevenLabs")),
                        entry("avatarRenderer", List.of("offline")),
                        entry("brollGenerator", List.of("offline")),
                        entry("videoAssembler", List.of("offline")),
                        entry("publisher", List.of("offline")),
                        entry("assetStorage", List.of("local")));
        assertThatThrownBy(() -> withSecond.put("publisher", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> withSecond.get("voiceSynthesizer").clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void providersRegisteredOnTheBuilderServeWithoutAnyPlugin() {
        OfflineTestPlugin.OFFLINE.set(PipelineTesting.offline().build());
        EpisodePipeline.Builder builder = EpisodePipeline.builder(acog)
                .contentWriter(PipelineTesting.offline().build().contentWriter());
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("voiceSynthesizer")
                .hasMessageNotContaining("contentWriter,");
        assertThat(OfflineTestPlugin.INSTANCES)
                .as("no plugins(config), no ServiceLoader")
                .isEmpty();
    }

    @Test
    void theDefaultStorageServesOnlyWhenNeitherAPluginNorTheBuilderSetOne() throws Exception {
        OfflineProviders offline = PipelineTesting.offline().build();
        OfflineTestPlugin.OFFLINE.set(offline);
        Path fallback = storage.resolve("fallback");
        Path plugins = storage.resolve("plugin");
        Path own = storage.resolve("own");

        // no other storage: the default serves
        EpisodePipeline byDefault = offline.installInto(EpisodePipeline.builder(acog))
                .defaultAssetStorage(new LocalFileStorage(fallback))
                .build();
        assertThat(byDefault.providers().get("assetStorage")).containsExactly("local");
        Episode episode = fixtures.episode().create();
        assertThat(startAndRunToRest(byDefault, episode).status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(acog.assets().list(episode.id()))
                .isNotEmpty()
                .allSatisfy(asset -> assertThat(Path.of(URI.create(asset.uri())).startsWith(fallback.toAbsolutePath()))
                        .as(asset.uri())
                        .isTrue());

        // a plugin's storage wins over the default, set before or after it
        EpisodePipeline withPlugin = EpisodePipeline.builder(acog)
                .defaultAssetStorage(new LocalFileStorage(fallback))
                .plugins(ProviderConfig.of(Map.of(
                        OfflineTestPlugin.API_KEY, SECRET_VALUE, OfflineTestPlugin.STORAGE_DIR, plugins.toString())))
                .build();
        Episode second = fixtures.episode().create();
        assertThat(startAndRunToRest(withPlugin, second).status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(acog.assets().list(second.id()))
                .isNotEmpty()
                .allSatisfy(asset -> assertThat(Path.of(URI.create(asset.uri())).startsWith(plugins.toAbsolutePath()))
                        .as(asset.uri())
                        .isTrue());

        // and the builder's own storage wins over both
        EpisodePipeline withOwn = EpisodePipeline.builder(acog)
                .plugins(ProviderConfig.of(Map.of(
                        OfflineTestPlugin.API_KEY, SECRET_VALUE, OfflineTestPlugin.STORAGE_DIR, plugins.toString())))
                .assetStorage(new LocalFileStorage(own))
                .defaultAssetStorage(new LocalFileStorage(fallback))
                .build();
        Episode third = fixtures.episode().create();
        assertThat(startAndRunToRest(withOwn, third).status()).isEqualTo(EpisodeStatus.PUBLISHED);
        assertThat(acog.assets().list(third.id()))
                .isNotEmpty()
                .allSatisfy(asset -> assertThat(Path.of(URI.create(asset.uri())).startsWith(own.toAbsolutePath()))
                        .as(asset.uri())
                        .isTrue());
    }

    @Test
    void aMissingRequiredSettingIsNamedButNoSecretIsShown() {
        OfflineTestPlugin.OFFLINE.set(PipelineTesting.offline().build());
        ProviderConfig config =
                ProviderConfig.of(Map.of(OfflineTestPlugin.API_KEY, SECRET_VALUE, OfflineTestPlugin.STRICT, "true"));

        assertThatThrownBy(() -> config.require(OfflineTestPlugin.MODEL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'" + OfflineTestPlugin.MODEL + "'")
                .hasMessageContaining("not configured")
                .hasMessageNotContaining(SECRET_VALUE);
        // through a plugin, as a host sees it when building its pipeline
        assertThatThrownBy(() -> EpisodePipeline.builder(acog).plugins(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(OfflineTestPlugin.MODEL)
                .hasMessageNotContaining(SECRET_VALUE);
        assertThat(OfflineTestPlugin.REGISTERED).isEmpty();
        assertThat(config.require(OfflineTestPlugin.API_KEY)).isEqualTo(SECRET_VALUE);
    }

    @Test
    void aSecretNeverShowsItsValue() {
        Secret secret = new Secret(SECRET_VALUE);
        assertThat(secret.toString()).isEqualTo("Secret[***]").doesNotContain(SECRET_VALUE);
        assertThat(String.valueOf(secret)).doesNotContain(SECRET_VALUE);
        assertThat("key=" + secret).doesNotContain(SECRET_VALUE);
        assertThat(secret.reveal()).isEqualTo(SECRET_VALUE);
        assertThat(secret).isEqualTo(new Secret(SECRET_VALUE)).isNotEqualTo(new Secret("other"));

        ProviderConfig config = ProviderConfig.of(Map.of("heygen.api-key", SECRET_VALUE));
        Optional<Secret> fromConfig = config.secret("heygen.api-key");
        assertThat(fromConfig).isPresent();
        assertThat(fromConfig.toString()).doesNotContain(SECRET_VALUE);
        assertThat(fromConfig.get().reveal()).isEqualTo(SECRET_VALUE);
        assertThat(config.secret("heygen.other")).isEmpty();
        // inside a record, a log line or a collection too
        record Credentials(String user, Secret key) {}
        assertThat(new Credentials("bot", secret).toString()).doesNotContain(SECRET_VALUE);
        assertThat(List.of(secret).toString()).doesNotContain(SECRET_VALUE);
        assertThat(Map.of("heygen.api-key", secret).toString()).doesNotContain(SECRET_VALUE);
        assertThat(String.format("calling with %s", secret)).doesNotContain(SECRET_VALUE);
    }
}
