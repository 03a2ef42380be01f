package io.acog.providers.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class S3PluginTest {

    /** Collects what a plugin registers; anything but storage is a mistake here. */
    private static final class Registered implements ProviderRegistry {
        final List<AssetStorage> storages = new ArrayList<>();

        @Override
        public void contentWriter(ContentWriter writer) {
            throw new AssertionError("content writer registered");
        }

        @Override
        public void voiceSynthesizer(VoiceSynthesizer synthesizer) {
            throw new AssertionError("voice registered");
        }

        @Override
        public void avatarRenderer(AvatarRenderer renderer) {
            throw new AssertionError("avatar registered");
        }

        @Override
        public void brollGenerator(BrollGenerator generator) {
            throw new AssertionError("b-roll registered");
        }

        @Override
        public void videoAssembler(VideoAssembler assembler) {
            throw new AssertionError("assembler registered");
        }

        @Override
        public void publisher(Publisher publisher) {
            throw new AssertionError("publisher registered");
        }

        @Override
        public void assetStorage(AssetStorage storage) {
            storages.add(storage);
        }
    }

    @Test
    void serviceLoaderFindsThePluginNamedS3() {
        assertThat(ServiceLoader.load(ProviderPlugin.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(plugin -> {
                    assertThat(plugin).isInstanceOf(S3Plugin.class);
                    assertThat(plugin.name()).isEqualTo("s3");
                });
    }

    @Test
    void withoutABucketNothingIsRegisteredAndNothingThrown() {
        Registered registered = new Registered();

        new S3Plugin().register(ProviderConfig.of(Map.of("s3.region", "eu-west-1")), registered);

        assertThat(registered.storages).isEmpty();
    }

    @Test
    void withABucketAStorageNamedS3IsRegisteredOncePerSettings() {
        Map<String, String> settings = Map.of(
                "s3.bucket", "media",
                "s3.endpoint", "http://127.0.0.1:9",
                "s3.path-style", "true",
                "s3.access-key-id", "AKIDPLUGIN",
                "s3.secret-access-key", "plugin-secret");
        Registered first = new Registered();
        Registered second = new Registered();
        Registered other = new Registered();

        new S3Plugin().register(ProviderConfig.of(settings), first);
        new S3Plugin().register(ProviderConfig.of(settings), second);
        new S3Plugin()
                .register(
                        ProviderConfig.of(Map.of(
                                "s3.bucket",
                                "media",
                                "s3.endpoint",
                                "http://127.0.0.1:9",
                                "s3.access-key-id",
                                "AKIDPLUGIN",
                                "s3.secret-access-key",
                                "other-secret")),
                        other);

        assertThat(first.storages).singleElement().satisfies(storage -> {
            assertThat(storage.name()).isEqualTo("s3");
            assertThat(storage.toString()).doesNotContain("plugin-secret");
        });
        // one client and connection pool for the same settings, however many pipelines are built
        assertThat(second.storages).singleElement().isSameAs(first.storages.get(0));
        assertThat(other.storages).singleElement().isNotSameAs(first.storages.get(0));
    }

    @Test
    void aBadSettingFailsRegisterNamingItsKey() {
        Registered registered = new Registered();

        assertThatThrownBy(() -> new S3Plugin()
                        .register(ProviderConfig.of(Map.of("s3.bucket", "media", "s3.part-size", "1MiB")), registered))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'s3.part-size'")
                .hasMessageContaining("'1MiB'");
        assertThat(registered.storages).isEmpty();
    }
}
