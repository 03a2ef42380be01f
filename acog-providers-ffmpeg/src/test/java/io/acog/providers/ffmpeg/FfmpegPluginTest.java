package io.acog.providers.ffmpeg;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class FfmpegPluginTest {

    @Test
    void theServiceLoaderFindsThePluginAndItRegistersTheAssembler() {
        ProviderPlugin plugin = ServiceLoader.load(ProviderPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(found -> found.name().equals("ffmpeg"))
                .findFirst()
                .orElseThrow();
        Registry registry = new Registry();

        plugin.register(ProviderConfig.empty(), registry);

        assertThat(registry.assemblers).singleElement().satisfies(assembler -> {
            assertThat(assembler).isInstanceOf(FfmpegAssembler.class);
            assertThat(assembler.name()).isEqualTo("ffmpeg");
        });
    }

    @Test
    void aConfiguredFfmpegThatIsNotThereFailsRegistrationSayingWhatToSet() {
        ProviderConfig config = ProviderConfig.of(Map.of(Ffmpeg.PATH_SETTING, "/nonexistent/ffmpeg"));

        assertThatThrownBy(() -> new FfmpegPlugin().register(config, new Registry()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ffmpeg.path is /nonexistent/ffmpeg");
    }

    @Test
    void settingsAreCheckedAndNamed() {
        Settings defaults = Settings.of(ProviderConfig.empty());
        assertThat(defaults.preset()).isEqualTo("veryfast");
        assertThat(defaults.crf()).isEqualTo(20);
        assertThat(defaults.timeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(Settings.of(ProviderConfig.of(Map.of(Settings.TIMEOUT, "90")))
                        .timeout())
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(Settings.of(ProviderConfig.of(Map.of(Settings.TIMEOUT, "PT2H")))
                        .timeout())
                .isEqualTo(Duration.ofHours(2));

        assertThatThrownBy(() -> new FfmpegAssembler(ProviderConfig.of(Map.of(Settings.CRF, "60"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ffmpeg.crf is '60'; it must be a whole number from 0");
        assertThatThrownBy(() -> Settings.of(ProviderConfig.of(Map.of(Settings.PRESET, "quick"))))
                .hasMessageStartingWith("ffmpeg.preset is 'quick'");
        assertThatThrownBy(() -> Settings.of(ProviderConfig.of(Map.of(Settings.TIMEOUT, "soon"))))
                .hasMessageStartingWith("ffmpeg.timeout is 'soon'");
    }

    /** Keeps what is registered. */
    private static final class Registry implements ProviderRegistry {

        final List<VideoAssembler> assemblers = new ArrayList<>();

        @Override
        public void contentWriter(ContentWriter writer) {}

        @Override
        public void voiceSynthesizer(VoiceSynthesizer synthesizer) {}

        @Override
        public void avatarRenderer(AvatarRenderer renderer) {}

        @Override
        public void brollGenerator(BrollGenerator generator) {}

        @Override
        public void videoAssembler(VideoAssembler assembler) {
            assemblers.add(assembler);
        }

        @Override
        public void publisher(Publisher publisher) {}

        @Override
        public void assetStorage(AssetStorage storage) {}
    }
}
