package io.acog.providers.synthesia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoRequestTest {

    private static final URI AUDIO = URI.create("file:/tmp/voice.mp3");

    @ParameterizedTest
    @CsvSource({
        "1920, 1080, 16:9",
        "1280, 720, 16:9",
        "1080, 1920, 9:16",
        "1080, 1080, 1:1",
        "1080, 1350, 4:5",
        "1350, 1080, 5:4",
        "1440, 1080, 5:4",
        "2560, 1080, 16:9",
        "720, 1280, 9:16",
    })
    void theFramesAspectRatioOrTheNearestSynthesiaRenders(int width, int height, String ratio) {
        assertThat(VideoRequest.aspectRatio(new OutputFormat(width, height, 30)))
                .isEqualTo(ratio);
    }

    @Test
    void theChannelsProfileComesBeforeTheSettings() {
        VideoRequest request = VideoRequest.of(
                FakeSynthesia.request(
                        AUDIO,
                        Map.of("avatar_id", " anna ", "background", "large_window", "script_language", "de-DE"),
                        OutputFormat.PORTRAIT),
                settings(Map.of("synthesia.avatar", "mia", "synthesia.background", "off_white")));

        assertThat(request).isEqualTo(new VideoRequest("anna", "large_window", "de-DE", "9:16"));
    }

    @Test
    void aProfileValueOfTheWrongTypeFailsForGoodNamingTheKey() {
        ProviderException e = catchThrowableOfType(
                () -> VideoRequest.of(
                        FakeSynthesia.request(AUDIO, Map.of("avatar_id", 42), OutputFormat.LANDSCAPE),
                        settings(Map.of())),
                ProviderException.class);

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("avatar_profile.avatar_id is 42", "text");
    }

    @Test
    void aScriptLanguageSynthesiaCannotTakeFailsForGood() {
        ProviderException e = catchThrowableOfType(
                () -> VideoRequest.of(
                        FakeSynthesia.request(
                                AUDIO,
                                Map.of("avatar_id", "anna", "script_language", "English"),
                                OutputFormat.LANDSCAPE),
                        settings(Map.of())),
                ProviderException.class);

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("avatar_profile.script_language is 'English'");
    }

    private static SynthesiaSettings settings(Map<String, String> extra) {
        Map<String, String> settings = new java.util.HashMap<>(extra);
        settings.put("synthesia.api-key", FakeSynthesia.API_KEY);
        return SynthesiaSettings.read(ProviderConfig.of(settings)).orElseThrow();
    }
}
