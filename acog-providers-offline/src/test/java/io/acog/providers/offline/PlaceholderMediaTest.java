package io.acog.providers.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.providers.ffmpeg.Ffmpeg;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderException;
import io.acog.spi.RenderProgress;
import io.acog.spi.Timeline;
import io.acog.spi.VideoAssembler;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Placeholders need no ffmpeg; real media look for it only when a render finishes. */
class PlaceholderMediaTest {

    @TempDir
    Path storage;

    private ProviderConfig noFfmpeg() {
        return ProviderConfig.of(
                Map.of(Ffmpeg.PATH_SETTING, storage.resolve("no-ffmpeg-here").toString()));
    }

    @Test
    void placeholderRendersNeverLookForFfmpeg() throws Exception {
        OfflineProviders offline = OfflineProviders.builder()
                .media(OfflineProviders.MediaMode.PLACEHOLDER)
                .config(noFfmpeg())
                .build();
        ProviderCall call = new JobCall("avatar", storage).attempt();

        AvatarRenderer avatar = offline.avatarRenderer();
        String avatarTask = avatar.submit(OfflineRendersTest.avatarRequest(OutputFormat.LANDSCAPE), call)
                .taskId();
        RenderProgress.Done card = (RenderProgress.Done) avatar.poll(avatarTask, call);
        assertThat(card.media().mimeType()).isEqualTo("application/json");
        assertThat(card.durationMs()).isEqualTo(3217);
        assertThat(text(card)).contains("\"placeholder\":true", "\"task_id\":\"" + avatarTask + "\"");

        BrollGenerator broll = offline.brollGenerator();
        String clipTask = broll.submit(OfflineRendersTest.clipRequest("city skyline at dusk", 3), call)
                .taskId();
        RenderProgress.Done clip = (RenderProgress.Done) broll.poll(clipTask, call);
        assertThat(clip.media().mimeType()).isEqualTo("application/json");
        assertThat(clip.durationMs()).isEqualTo(3000);
        assertThat(text(clip)).contains("\"prompt\":\"city skyline at dusk\"");
    }

    @Test
    void realRendersLookForFfmpegWhenTheyFinishAndSayWhatIsMissing() {
        OfflineProviders offline = OfflineProviders.builder().config(noFfmpeg()).build();
        ProviderCall call = new JobCall("broll", storage).attempt();
        BrollGenerator broll = offline.brollGenerator();
        String task = broll.submit(OfflineRendersTest.clipRequest("city skyline at dusk", 3), call)
                .taskId();

        assertThatThrownBy(() -> broll.poll(task, call))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining(
                        "ffmpeg.path is " + storage.resolve("no-ffmpeg-here") + ", which is not an executable file")
                .hasMessageContaining("MediaMode.PLACEHOLDER");
    }

    @Test
    void theAssemblerWritesAPlaceholderAsLongAsTheNarrationInEitherMode() throws Exception {
        VideoAssembler assembler =
                OfflineProviders.builder().config(noFfmpeg()).build().videoAssembler();
        Timeline timeline = new Timeline(
                4000,
                List.of(
                        new Timeline.Cut(0, Timeline.Source.AVATAR, 0, 1500, -1, 0, "Hi."),
                        new Timeline.Cut(1, Timeline.Source.BROLL, 1500, 4000, 0, 0, "Look.")),
                List.of());
        VideoAssembler.Video video = assembler.assemble(
                new VideoAssembler.AssemblyRequest(
                        OfflineRendersTest.CHANNEL,
                        "Neutron stars",
                        timeline,
                        OutputFormat.LANDSCAPE,
                        URI.create("file:///voice.wav"),
                        new VideoAssembler.Part(URI.create("file:///avatar.mp4"), 1500),
                        Map.of(0, new VideoAssembler.Part(URI.create("file:///clip.mp4"), 3000)),
                        null,
                        false),
                new JobCall("assembly", storage).attempt());

        assertThat(video.durationMs()).isEqualTo(4000);
        assertThat(video.thumbnail()).isNull();
        assertThat(video.captions()).isNull();
        try (InputStream in = video.video().open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"avatar_video\":\"file:///avatar.mp4\"", "\"b_roll\":[\"file:///clip.mp4\"]");
        }
    }

    private static String text(RenderProgress.Done done) throws Exception {
        try (InputStream in = done.media().open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
