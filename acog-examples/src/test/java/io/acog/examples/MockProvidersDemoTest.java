package io.acog.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.core.Acog;
import io.acog.core.asset.Asset;
import io.acog.core.asset.AssetType;
import io.acog.core.episode.Episode;
import io.acog.core.episode.EpisodeStatus;
import io.acog.core.episode.PipelineStage;
import io.acog.core.episode.ScriptSegment;
import io.acog.core.episode.StageState;
import io.acog.core.pipeline.EpisodeCost;
import io.acog.examples.mocks.Listen;
import io.acog.examples.mocks.OpenAiMock;
import io.acog.examples.mocks.S3Mock;
import io.acog.examples.mocks.YouTubeMock;
import io.acog.providers.ffmpeg.Ffmpeg;
import io.acog.providers.ffmpeg.MediaProbe;
import io.acog.spi.AssetStorage;
import io.acog.spi.ProviderConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end on real adapters only, each pointed at its mock in this JVM, with real media:
 * OpenAI writes, ElevenLabs speaks, HeyGen (or Synthesia) renders the presenter and Runway (or
 * Pexels) the b-roll as real MP4s, ffmpeg cuts the video, S3 keeps every file and YouTube receives
 * it. The renders report their end by signed webhooks to the demo's endpoint. Each paid render is
 * created once, and every stage's cost is recorded by its provider. Nothing leaves the machine.
 */
class MockProvidersDemoTest {

    /** The writing stages, all on OpenAI. */
    private static final Set<PipelineStage> WRITING = EnumSet.of(
            PipelineStage.PLANNING, PipelineStage.SCRIPTING, PipelineStage.SCRIPT_REVIEW, PipelineStage.METADATA);

    /** Writing, voice, upload and storage: the same on every run. */
    private static final List<String> COMMON = List.of("openai", "elevenlabs", "youtube", "s3");

    @Test
    void heyGenAndRunwayRenderThroughTheRealAdaptersAgainstTheMocks(@TempDir Path dir) throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.locate(ProviderConfig.empty());
        try (MockProviders mocks = MockProviders.start(Listen.forTests(), ffmpeg)) {
            Demo.Webhooks webhooks = new Demo.Webhooks(freePort(), null);
            boolean published = runDemo(mocks, List.of("heygen", "runway"), webhooks, (acog, pipeline, id, assets) -> {
                Episode episode = acog.episodes().get(id);
                checkCommon(mocks, ffmpeg, dir, acog, pipeline, id, assets);
                int clips = episode.scriptMetadata().brollSegments();
                // one paid render per clip and one avatar render, however often they were polled
                assertThat(mocks.heyGen().rendersCreated())
                        .as("HeyGen renders created")
                        .isEqualTo(1);
                assertThat(mocks.runway().tasksCreated())
                        .as("Runway tasks created")
                        .isEqualTo(clips);
                // the finished render reported by a signed webhook to the demo's endpoint
                assertThat(mocks.heyGen().webhooksSent())
                        .as("webhooks HeyGen sent and the demo accepted")
                        .containsExactly(video(acog, id).providerJobId());
                checkRenders(acog, pipeline, episode, "heygen", "runway", true);
            });
            assertThat(published).isTrue();
        }
    }

    @Test
    void synthesiaAndPexelsRenderThroughTheRealAdaptersAgainstTheMocks(@TempDir Path dir) throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.locate(ProviderConfig.empty());
        try (MockProviders mocks = MockProviders.start(Listen.forTests(), ffmpeg)) {
            Demo.Webhooks webhooks = new Demo.Webhooks(freePort(), null);
            // Synthesia's webhooks are registered on the account, not per video
            mocks.synthesia()
                    .webhookUrl(URI.create("http://localhost:" + webhooks.port() + WebhookEndpoint.PATH + "synthesia"));
            boolean published =
                    runDemo(mocks, List.of("synthesia", "pexels"), webhooks, (acog, pipeline, id, assets) -> {
                        Episode episode = acog.episodes().get(id);
                        checkCommon(mocks, ffmpeg, dir, acog, pipeline, id, assets);
                        int clips = episode.scriptMetadata().brollSegments();
                        assertThat(mocks.synthesia().videosCreated())
                                .as("Synthesia videos created")
                                .isEqualTo(1);
                        assertThat(mocks.synthesia().webhooksSent())
                                .as("webhooks Synthesia sent")
                                .isNotEmpty();
                        assertThat(mocks.synthesia().webhookFailures())
                                .as("webhooks the demo refused")
                                .isEmpty();
                        assertThat(mocks.pexels().downloads())
                                .as("Pexels files downloaded")
                                .isEqualTo(clips);
                        checkRenders(acog, pipeline, episode, "synthesia", "pexels", false);
                        // stock footage keeps its author, for the attribution Pexels asks for
                        assertThat(acog.assets().list(id, AssetType.B_ROLL))
                                .allSatisfy(
                                        clip -> assertThat(((io.acog.core.asset.VideoMetadata) clip.metadata()).extra())
                                                .containsKeys("author", "source_url"));
                    });
            assertThat(published).isTrue();
        }
    }

    /** Runs the demo's one episode on the common adapters and these render adapters. */
    private static boolean runDemo(
            MockProviders mocks, List<String> renders, Demo.Webhooks webhooks, Demo.Finished finished)
            throws Exception {
        ProviderConfig config = mocks.config();
        List<String> providers = new ArrayList<>(COMMON);
        providers.addAll(renders);
        // every adapter is on the class path, and takes the mocks' settings
        assertThat(RealProviders.problems(providers, config)).isEmpty();
        Demo.Options options =
                new Demo.Options(1, 4, 0, 900, false, false, Demo.MediaKind.REAL, providers).withWebhooks(webhooks);
        AtomicBoolean inspected = new AtomicBoolean();
        boolean published = Demo.run(options, config, (acog, pipeline, id, assets) -> {
            finished.inspect(acog, pipeline, id, assets);
            inspected.set(true);
        });
        assertThat(inspected).as("the run was inspected").isTrue();
        return published;
    }

    /** The avatar and b-roll: stored, by the named adapters, each stage's cost recorded. */
    private static void checkRenders(
            Acog acog,
            io.acog.core.pipeline.EpisodePipeline pipeline,
            Episode episode,
            String avatar,
            String broll,
            boolean brollCosts) {
        Asset video = only(acog.assets().list(episode.id(), AssetType.AVATAR_VIDEO));
        assertThat(video.provider()).isEqualTo(avatar);
        StageState avatarStage =
                episode.pipelineState().stage(PipelineStage.AVATAR).orElseThrow();
        assertThat(avatarStage.provider()).isEqualTo(avatar);
        assertThat(avatarStage.jobId()).isEqualTo(video.providerJobId());
        EpisodeCost cost = pipeline.cost(episode.id());
        assertThat(cost.byStage().get(PipelineStage.AVATAR))
                .as("the avatar's cost")
                .isPositive();
        List<Asset> clips = acog.assets().list(episode.id(), AssetType.B_ROLL);
        assertThat(clips).hasSize(episode.scriptMetadata().brollSegments());
        assertThat(clips).allSatisfy(clip -> assertThat(clip.provider()).isEqualTo(broll));
        BigDecimal brollCost = cost.byStage().getOrDefault(PipelineStage.BROLL, BigDecimal.ZERO);
        if (brollCosts) {
            assertThat(brollCost).as("the b-roll's cost").isPositive();
        } else {
            assertThat(brollCost).as("stock b-roll is free").isEqualByComparingTo(BigDecimal.ZERO);
        }
    }

    private static Asset video(Acog acog, java.util.UUID episodeId) {
        return only(acog.assets().list(episodeId, AssetType.AVATAR_VIDEO));
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** What every run through the mocks must show: writing, voice, upload and storage. */
    private static void checkCommon(
            MockProviders mocks,
            Ffmpeg ffmpeg,
            Path dir,
            Acog acog,
            io.acog.core.pipeline.EpisodePipeline pipeline,
            java.util.UUID episodeId,
            AssetStorage assets)
            throws IOException {
        Episode episode = acog.episodes().get(episodeId);
        assertThat(episode.status())
                .as("status; last error: %s", episode.lastError())
                .isEqualTo(EpisodeStatus.PUBLISHED);

        // YouTube: one session, every byte of the video once, the id the mock gave in the URL
        assertThat(mocks.youTube().sessions()).hasSize(1);
        String videoId = mocks.youTube().videoIds().stream()
                .reduce((a, b) -> {
                    throw new AssertionError("two videos: " + a + ", " + b);
                })
                .orElseThrow(() -> new AssertionError("YouTube got no whole video"));
        assertThat(episode.publishedUrl()).isEqualTo(YouTubeMock.WATCH_URL + videoId);
        YouTubeMock.Video video = mocks.youTube().video(videoId).orElseThrow();
        Asset assembled = only(acog.assets().list(episodeId, AssetType.ASSEMBLED_VIDEO));
        byte[] mp4 = read(assets, assembled);
        assertThat(Arrays.equals(video.bytes(), mp4))
                .as("YouTube has the assembled video's %s bytes", mp4.length)
                .isTrue();
        long sent = mocks.youTube().server().getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> request.getMethod().equals(RequestMethod.PUT))
                .mapToLong(request -> request.getBody().length)
                .sum();
        assertThat(sent).as("bytes PUT to the session").isEqualTo(mp4.length);
        assertThat(video.resource().path("snippet").path("title").asText())
                .isEqualTo(episode.metadata().finalTitle());
        assertThat(video.resource()
                        .path("status")
                        .path("containsSyntheticMedia")
                        .asBoolean())
                .isTrue();
        assertThat(video.thumbnail())
                .hasValueSatisfying(image -> assertThat(Arrays.equals(
                                image, read(assets, only(acog.assets().list(episodeId, AssetType.THUMBNAIL)))))
                        .isTrue());
        String srt = new String(
                read(assets, only(acog.assets().list(episodeId, AssetType.CAPTIONS))), StandardCharsets.UTF_8);
        assertThat(video.captions()).singleElement().asString().contains(srt.strip());

        // the MP4 is real: ffmpeg reads its video and audio back
        Path file = dir.resolve("video.mp4");
        Files.write(file, mp4);
        MediaProbe probe = MediaProbe.probe(ffmpeg, file);
        assertThat(probe.hasVideo()).isTrue();
        assertThat(probe.hasAudio()).isTrue();
        assertThat(probe.durationMs()).isPositive();

        // S3: every asset is an s3:// URI of the mock's bucket, kept there and readable back
        List<Asset> all = acog.assets().list(episodeId);
        assertThat(all)
                .extracting(Asset::type)
                .contains(
                        AssetType.AUDIO,
                        AssetType.AVATAR_VIDEO,
                        AssetType.B_ROLL,
                        AssetType.ASSEMBLED_VIDEO,
                        AssetType.THUMBNAIL,
                        AssetType.CAPTIONS);
        for (Asset asset : all) {
            URI uri = URI.create(asset.uri());
            assertThat(uri.getScheme()).as(asset.uri()).isEqualTo("s3");
            assertThat(uri.getHost()).as(asset.uri()).isEqualTo(S3Mock.BUCKET);
            S3Mock.StoredObject stored = mocks.s3()
                    .object(uri.getPath().substring(1))
                    .orElseThrow(() -> new AssertionError("S3 has no " + asset.uri()));
            assertThat(Arrays.equals(read(assets, asset), stored.bytes()))
                    .as("%s read back", asset.uri())
                    .isTrue();
            if (asset.fileSizeBytes() != null) {
                assertThat((long) stored.size()).as(asset.uri()).isEqualTo(asset.fileSizeBytes());
            }
        }
        assertThat(mocks.s3().uploadsInProgress()).isZero();

        // OpenAI: each of the four writing requests once, in the pipeline's order
        assertThat(mocks.openAi().requested())
                .containsExactly(
                        OpenAiMock.Answer.PLAN,
                        OpenAiMock.Answer.SCRIPT,
                        OpenAiMock.Answer.REVIEW,
                        OpenAiMock.Answer.METADATA);
        assertThat(episode.script()).contains("[BROLL:a slow zoom into a field of distant galaxies]");

        // ElevenLabs: the script's spoken words, in the channel's voice and model
        List<JsonNode> speech = mocks.elevenLabs().speechRequests();
        assertThat(speech).isNotEmpty();
        List<LoggedRequest> speechCalls = mocks.elevenLabs().server().getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> request.getUrl().contains("/with-timestamps"))
                .toList();
        assertThat(speechCalls)
                .allSatisfy(request -> assertThat(request.getUrl())
                        .startsWith("/v1/text-to-speech/" + channelVoice(acog, episode) + "/with-timestamps"));
        StringBuilder spoken = new StringBuilder();
        long characters = 0;
        for (JsonNode request : speech) {
            String text = request.path("text").asText();
            spoken.append(text).append('\n');
            characters += text.codePointCount(0, text.length());
            assertThat(request.path("model_id").asText()).isEqualTo(channelModel(acog, episode));
        }
        for (ScriptSegment segment : episode.parsedScript().orElseThrow().segments()) {
            assertThat(spoken.toString()).contains(segment.text());
        }
        Asset voice = only(acog.assets().list(episodeId, AssetType.AUDIO));
        assertThat(voice.uri()).endsWith(".mp3");

        // costs, per provider: OpenAI's tokens priced, ElevenLabs' characters, YouTube free
        EpisodeCost cost = pipeline.cost(episodeId);
        assertThat(cost.tokens()).isEqualTo(mocks.openAi().tokensAnswered());
        List<String> writers = new ArrayList<>();
        for (PipelineStage stage : WRITING) {
            StageState state = episode.pipelineState().stage(stage).orElseThrow();
            writers.add(state.provider());
            assertThat(state.costUsd()).as(stage.label()).isPositive();
            assertThat(cost.byStage().get(stage)).as(stage.label()).isEqualByComparingTo(state.costUsd());
        }
        assertThat(writers).containsOnly("openai");
        StageState audio = episode.pipelineState().stage(PipelineStage.AUDIO).orElseThrow();
        assertThat(audio.provider()).isEqualTo("elevenlabs");
        // ElevenLabs' default price: 0.30 USD per 1,000 characters
        assertThat(audio.costUsd())
                .isEqualByComparingTo(new BigDecimal("0.30")
                        .multiply(BigDecimal.valueOf(characters))
                        .divide(BigDecimal.valueOf(1000), MathContext.DECIMAL64));
        StageState upload = episode.pipelineState().stage(PipelineStage.UPLOAD).orElseThrow();
        assertThat(upload.provider()).isEqualTo("youtube");
        assertThat(upload.jobId()).isEqualTo(videoId);
        assertThat(cost.byStage().getOrDefault(PipelineStage.UPLOAD, BigDecimal.ZERO))
                .isEqualByComparingTo(BigDecimal.ZERO);
    }

    private static String channelVoice(Acog acog, Episode episode) {
        return acog.channels().get(episode.channelId()).voiceProfile().voiceId();
    }

    private static String channelModel(Acog acog, Episode episode) {
        return acog.channels().get(episode.channelId()).voiceProfile().model();
    }

    private static Asset only(List<Asset> assets) {
        assertThat(assets).hasSize(1);
        return assets.get(0);
    }

    private static byte[] read(AssetStorage assets, Asset asset) {
        try (InputStream in = assets.open(URI.create(asset.uri()))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + asset.uri(), e);
        }
    }
}
