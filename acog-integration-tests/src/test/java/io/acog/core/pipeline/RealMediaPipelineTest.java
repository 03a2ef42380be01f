package io.acog.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.acog.core.asset.Asset;
import io.acog.core.asset.AssetType;
import io.acog.core.channel.Channel;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.providers.ffmpeg.Ffmpeg;
import io.acog.providers.ffmpeg.FfmpegAssembler;
import io.acog.providers.ffmpeg.MediaProbe;
import io.acog.providers.offline.OfflineProviders;
import io.acog.spi.ProviderConfig;
import io.acog.spi.Timeline;
import io.acog.testkit.postgres.AcogPostgres;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * An episode of a Shorts channel made with real media end to end: the offline providers' WAV,
 * avatar card and b-roll clips, cut by the ffmpeg assembler. The video is read back from its file.
 */
@AcogPostgres
class RealMediaPipelineTest extends PipelineTestCase {

    /** The cheapest encode: this test checks what the video is, not how good it looks. */
    private static final ProviderConfig FAST = ProviderConfig.of(Map.of("ffmpeg.preset", "ultrafast"));

    private static final Pattern SRT_TIMES =
            Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2}),(\\d{3}) --> (\\d{2}):(\\d{2}):(\\d{2}),(\\d{3})");

    @Test
    void aShortIsCutFromItsPartsWithItsCaptionsThumbnailAndSrt() throws Exception {
        Channel shorts = PipelineTesting.channel(acog, fixtures, config -> config.withExtra("format", "shorts"));
        OfflineProviders offline = OfflineProviders.builder()
                .media(OfflineProviders.MediaMode.REAL)
                .config(FAST)
                .build();
        List<Double> progress = new CopyOnWriteArrayList<>();
        EpisodePipeline pipeline = offline.installInto(EpisodePipeline.builder(acog)
                        .videoAssembler(new FfmpegAssembler(FAST))
                        .listener(new PipelineListener() {
                            @Override
                            public void stageProgress(UUID episodeId, PipelineStage stage, double fractionDone) {
                                progress.add(fractionDone);
                            }
                        }))
                .assetStorage(new LocalFileStorage(storage))
                .build();

        Episode episode =
                startAndRunToRest(pipeline, fixtures.episode().channel(shorts).create());

        assertThat(episode.status()).as(episode.lastError()).isEqualTo(EpisodeStatus.PUBLISHED);
        Timeline timeline = episode.timeline();
        Path video = file(primary(episode, AssetType.ASSEMBLED_VIDEO));
        MediaProbe probe = MediaProbe.probe(Ffmpeg.locate(FAST), video);
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.audioStreams()).isEqualTo(1);
        assertThat(probe.width()).isEqualTo(1080);
        assertThat(probe.height()).isEqualTo(1920);
        assertThat((double) probe.durationMs()).isCloseTo(timeline.durationMs(), within(timeline.durationMs() * 0.02));
        assertThat(primary(episode, AssetType.ASSEMBLED_VIDEO).fileSizeBytes()).isEqualTo(Files.size(video));

        BufferedImage thumbnail =
                ImageIO.read(file(primary(episode, AssetType.THUMBNAIL)).toFile());
        assertThat(thumbnail).isNotNull();
        assertThat(thumbnail.getWidth()).isEqualTo(1280);
        assertThat(thumbnail.getHeight()).isEqualTo(720);

        String srt = Files.readString(file(primary(episode, AssetType.CAPTIONS)), StandardCharsets.UTF_8);
        List<long[]> times = new ArrayList<>();
        Matcher matcher = SRT_TIMES.matcher(srt);
        while (matcher.find()) {
            times.add(new long[] {millis(matcher, 1), millis(matcher, 5)});
        }
        assertThat(times).hasSameSizeAs(timeline.captions()).isNotEmpty();
        for (int i = 0; i < times.size(); i++) {
            Timeline.Caption caption = timeline.captions().get(i);
            assertThat(times.get(i)).containsExactly(caption.startMs(), caption.endMs());
            assertThat(srt).contains(caption.text());
        }

        Path avatar = file(primary(episode, AssetType.AVATAR_VIDEO));
        long windows = timeline.cuts(Timeline.Source.AVATAR).stream()
                .mapToLong(Timeline.Cut::lengthMs)
                .sum();
        assertThat((double) MediaProbe.probe(Ffmpeg.locate(FAST), avatar).durationMs())
                .as("the avatar renders only its windows")
                .isCloseTo(windows, within(100.0));
        assertThat(progress).isNotEmpty().isSorted();
        assertThat(progress.get(progress.size() - 1)).isCloseTo(1.0, within(0.01));
    }

    private Asset primary(Episode episode, AssetType type) {
        return acog.assets().list(episode.id(), type).stream()
                .filter(Asset::primary)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no primary " + type.label() + " asset"));
    }

    private static Path file(Asset asset) {
        return Path.of(URI.create(asset.uri()));
    }

    private static long millis(Matcher matcher, int group) {
        return ((Long.parseLong(matcher.group(group)) * 60 + Long.parseLong(matcher.group(group + 1))) * 60
                                + Long.parseLong(matcher.group(group + 2)))
                        * 1000
                + Long.parseLong(matcher.group(group + 3));
    }
}
