package io.acog.providers.synthesia;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.acog.providers.synthesia.FakeSynthesia.AUDIO_ID;
import static io.acog.providers.synthesia.FakeSynthesia.json;
import static io.acog.providers.synthesia.FakeSynthesia.request;
import static io.acog.providers.synthesia.FakeSynthesia.storeAudio;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.spi.AssetStorage;
import io.acog.spi.AvatarRenderer.AvatarRequest;
import io.acog.spi.AvatarRenderer.Coverage;
import io.acog.spi.Cancellation;
import io.acog.spi.FileMedia;
import io.acog.spi.Media;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.ProviderLimits;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.testkit.providers.TestProviderCall;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A render from submit to download, the checkpoints that keep it from being paid twice, and its endings. */
class SynthesiaRenderTest {

    private static final String VIDEO = "0b7e4c2a-93f1-4d8e-a6b5-2c1d0e9f8a7b";

    private FakeSynthesia fake;
    private SynthesiaRenderer renderer;

    @BeforeEach
    void start() {
        fake = new FakeSynthesia();
        renderer = FakeSynthesia.renderer(fake.settings());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aRenderIsPolledThroughItsStatesThenDownloadedWithItsDurationAndCost() throws IOException {
        fake.uploads().creates(VIDEO).renders(VIDEO, 2, "0:01:30.250000").serves(VIDEO);
        TestProviderCall call = TestProviderCall.forStage("avatar");

        RenderTask task = renderer.submit(request(storeAudio(call), Map.of(), OutputFormat.LANDSCAPE), call);

        assertThat(task.taskId()).isEqualTo(VIDEO);
        assertThat(task.checkAfter()).isEqualTo(Duration.ofMillis(10));
        assertThat(renderer.poll(VIDEO, call)).isInstanceOf(RenderProgress.Pending.class);
        assertThat(renderer.poll(VIDEO, call)).isInstanceOf(RenderProgress.Pending.class);
        assertThat(fake.downloadRequests())
                .as("downloads before the video is complete")
                .isEmpty();
        RenderProgress.Done done = (RenderProgress.Done) renderer.poll(VIDEO, call);

        assertThat(done.durationMs()).isEqualTo(90_250);
        assertThat(done.usage().seconds()).isEqualByComparingTo("90.25");
        assertThat(done.usage().costUsd()).isEqualByComparingTo("4.5125"); // 3.00 $/min × 90.25 s
        assertThat(done.metadata()).containsEntry("synthesia_video_id", VIDEO);
        assertThat(done.media().fileName()).isEqualTo("avatar.mp4");
        assertThat(done.media().mimeType()).isEqualTo("video/mp4");
        try (InputStream in = done.media().open()) {
            assertThat(in.readAllBytes()).isEqualTo(FakeSynthesia.MP4);
        }
        ((FileMedia) done.media()).close();
        assertThat(((FileMedia) done.media()).readable())
                .as("the temporary file, once closed")
                .isFalse();
        assertThat(fake.statusRequests()).hasSize(3);
        assertThat(fake.downloadRequests())
                .singleElement()
                .satisfies(download -> assertThat(download.getHeader("Authorization"))
                        .as("the API key sent to the download link's host")
                        .isNull());
        assertThat(renderer.coverage()).isEqualTo(Coverage.NARRATION);
    }

    @Test
    void theAudioIsUploadedAsMp3AndTheVideoCreatedAsTheDocsDescribe() throws IOException {
        fake.succeeds(VIDEO, "0:00:10.000000");
        TestProviderCall call = TestProviderCall.forStage("avatar");
        Map<String, Object> profile = Map.of(
                "provider", "synthesia",
                "avatar_id", "f4d6b9a1-custom-avatar",
                "background", "luxury_lobby",
                "script_language", "fr-FR");

        renderer.submit(request(storeAudio(call), profile, OutputFormat.LANDSCAPE), call);

        LoggedRequest upload = fake.uploadRequests().get(0);
        assertThat(upload.getHeader("Authorization")).isEqualTo(FakeSynthesia.API_KEY); // no "Bearer"
        assertThat(upload.getHeader("Content-Type")).isEqualTo("audio/mpeg");
        assertThat(upload.getBody()).isEqualTo(FakeSynthesia.MP3);
        LoggedRequest create = fake.createRequests().get(0);
        assertThat(create.getHeader("Authorization")).isEqualTo(FakeSynthesia.API_KEY);
        JsonNode body = fake.createBodies().get(0);
        assertThat(body.path("test").asBoolean(true)).isFalse();
        assertThat(body.path("visibility").asText()).isEqualTo("private");
        assertThat(body.path("title").asText()).isEqualTo("ACOG episode " + call.episodeId());
        assertThat(body.path("callbackId").asText()).isEqualTo(call.idempotencyKey());
        assertThat(body.path("aspectRatio").asText()).isEqualTo("16:9");
        assertThat(body.path("input")).hasSize(1);
        JsonNode clip = body.path("input").path(0);
        assertThat(clip.path("scriptAudio").asText()).isEqualTo(AUDIO_ID);
        assertThat(clip.path("scriptLanguage").asText()).isEqualTo("fr-FR");
        assertThat(clip.path("avatar").asText()).isEqualTo("f4d6b9a1-custom-avatar");
        assertThat(clip.path("background").asText()).isEqualTo("luxury_lobby");
        assertThat(clip.has("scriptText")).as("scriptText beside scriptAudio").isFalse();
    }

    @Test
    void aShortIsAskedForInPortraitAndTheSettingsFillWhatTheChannelLeavesOut() {
        fake.succeeds(VIDEO, "0:00:10.000000");
        Map<String, String> settings = fake.settings();
        settings.put("synthesia.test", "true");
        settings.put("synthesia.visibility", "public");
        settings.put("synthesia.language", "en-GB");
        settings.put("synthesia.background", "off_white");
        TestProviderCall call = TestProviderCall.forStage("avatar");

        FakeSynthesia.renderer(settings).submit(request(storeAudio(call), Map.of(), OutputFormat.PORTRAIT), call);

        JsonNode body = fake.createBodies().get(0);
        assertThat(body.path("aspectRatio").asText()).isEqualTo("9:16");
        assertThat(body.path("test").asBoolean()).isTrue();
        assertThat(body.path("visibility").asText()).isEqualTo("public");
        JsonNode clip = body.path("input").path(0);
        assertThat(clip.path("avatar").asText()).isEqualTo("anna_costume1_cameraA");
        assertThat(clip.path("scriptLanguage").asText()).isEqualTo("en-GB");
        assertThat(clip.path("background").asText()).isEqualTo("off_white");
    }

    @Test
    void aTestVideoCostsNothing() {
        fake.succeeds(VIDEO, "0:00:30.000000");
        Map<String, String> settings = fake.settings();
        settings.put("synthesia.test", "true");
        TestProviderCall call = TestProviderCall.forStage("avatar");

        RenderProgress.Done done = (RenderProgress.Done) FakeSynthesia.render(
                FakeSynthesia.renderer(settings), request(storeAudio(call), Map.of(), OutputFormat.LANDSCAPE), call);

        assertThat(done.usage().costUsd()).isEqualByComparingTo("0");
        assertThat(done.usage().seconds()).isEqualByComparingTo("30");
        assertThat(done.metadata()).containsEntry("synthesia_test", "true");
    }

    @Test
    void aResubmitWithTheCheckpointFollowsTheSameVideoWithoutASecondCreate() {
        fake.succeeds(VIDEO, "0:00:10.000000");
        TestProviderCall call = TestProviderCall.forStage("avatar");
        AvatarRequest request = request(storeAudio(call), Map.of(), OutputFormat.LANDSCAPE);
        String first = renderer.submit(request, call).taskId();

        // the worker died before ACOG recorded the task: the job runs again with its checkpoint
        TestProviderCall again = call.nextAttempt();
        String second =
                FakeSynthesia.renderer(fake.settings()).submit(request, again).taskId();

        assertThat(second).isEqualTo(first);
        assertThat(fake.createRequests()).as("videos created").hasSize(1);
        assertThat(fake.uploadRequests()).as("audio uploads").hasSize(1);
        assertThat(call.checkpoints()).last().asString().contains(VIDEO, AUDIO_ID);
    }

    @Test
    void aCreateThatFailedAfterTheUploadIsRetriedWithoutUploadingAgain() {
        fake.uploads();
        fake.server.stubFor(post(urlPathEqualTo(FakeSynthesia.VIDEOS))
                .inScenario("create")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(FakeSynthesia.error(503, "Service Unavailable", "try again"))
                .willSetStateTo("up"));
        fake.server.stubFor(post(urlPathEqualTo(FakeSynthesia.VIDEOS))
                .inScenario("create")
                .whenScenarioStateIs("up")
                .willReturn(json(201, FakeSynthesia.video(VIDEO, "in_progress", null))));
        TestProviderCall call = TestProviderCall.forStage("avatar");
        AvatarRequest request = request(storeAudio(call), Map.of(), OutputFormat.LANDSCAPE);

        ProviderException e = catchThrowableOfType(() -> renderer.submit(request, call), ProviderException.class);
        String taskId = renderer.submit(request, call.nextAttempt()).taskId();

        assertThat(e.retryable()).isTrue();
        assertThat(taskId).isEqualTo(VIDEO);
        assertThat(fake.uploadRequests()).as("audio uploads").hasSize(1);
        assertThat(fake.createRequests()).as("create requests").hasSize(2);
        assertThat(fake.createBodies())
                .allSatisfy(body -> assertThat(
                                body.path("input").path(0).path("scriptAudio").asText())
                        .isEqualTo(AUDIO_ID));
    }

    @Test
    void aVideoThatFailsAtSynthesiaIsRetryableAndTheRetryCreatesANewOne() {
        fake.uploads().creates(VIDEO);
        fake.server.stubFor(FakeSynthesia.status(VIDEO)
                .willReturn(json(
                        200,
                        FakeSynthesia.video(VIDEO, "error", "\"errorMessage\":\"Rendering failed on our side\""))));
        TestProviderCall call = TestProviderCall.forStage("avatar");
        AvatarRequest request = request(storeAudio(call), Map.of(), OutputFormat.LANDSCAPE);

        RenderProgress.Failed failed = (RenderProgress.Failed) FakeSynthesia.render(renderer, request, call);
        renderer.submit(request, call.nextAttempt());

        assertThat(failed.code()).isEqualTo("error");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.error()).contains("Synthesia failed to render the video", "Rendering failed on our side");
        assertThat(fake.createRequests())
                .as("videos created: the failed one, then its retry")
                .hasSize(2);
        assertThat(fake.uploadRequests()).as("audio uploads").hasSize(1);
    }

    @Test
    void aVideoRejectedByModerationFailsForGood() {
        fake.uploads().creates(VIDEO);
        fake.server.stubFor(FakeSynthesia.status(VIDEO)
                .willReturn(json(200, FakeSynthesia.video(VIDEO, "rejected", "\"reason\":\"Inappropriate content\""))));
        TestProviderCall call = TestProviderCall.forStage("avatar");

        RenderProgress.Failed failed = (RenderProgress.Failed)
                FakeSynthesia.render(renderer, request(storeAudio(call), Map.of(), OutputFormat.LANDSCAPE), call);

        assertThat(failed.code()).isEqualTo("rejected");
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.error()).contains("moderation", "Inappropriate content");
    }

    @Test
    void aVideoDeletedAtSynthesiaFailsForGood() {
        fake.uploads().creates(VIDEO);
        fake.server.stubFor(
                FakeSynthesia.status(VIDEO).willReturn(json(200, FakeSynthesia.video(VIDEO, "deleted", null))));
        TestProviderCall call = TestProviderCall.forStage("avatar");

        RenderProgress.Failed failed = (RenderProgress.Failed)
                FakeSynthesia.render(renderer, request(storeAudio(call), Map.of(), OutputFormat.LANDSCAPE), call);

        assertThat(failed.code()).isEqualTo("deleted");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void anUnknownStatusIsARetryableFailureOfThePoll() {
        fake.server.stubFor(
                FakeSynthesia.status(VIDEO).willReturn(json(200, FakeSynthesia.video(VIDEO, "paused", null))));

        ProviderException e = catchThrowableOfType(
                () -> renderer.poll(VIDEO, TestProviderCall.forStage("avatar")), ProviderException.class);

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("'paused'");
    }

    @Test
    void aCompleteVideoWithoutADownloadLinkIsARetryableFailureOfThePoll() {
        fake.server.stubFor(
                FakeSynthesia.status(VIDEO).willReturn(json(200, FakeSynthesia.video(VIDEO, "complete", null))));

        ProviderException e = catchThrowableOfType(
                () -> renderer.poll(VIDEO, TestProviderCall.forStage("avatar")), ProviderException.class);

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("no download link");
    }

    @ParameterizedTest
    @ValueSource(strings = {"403", "404", "500", "reset", "html", "empty"})
    void aFailingOrExpiredDownloadIsRetryableAndTheNextPollGetsTheVideo(String how) throws IOException {
        fake.server.stubFor(FakeSynthesia.status(VIDEO).willReturn(json(200, fake.complete(VIDEO, "0:00:12.000000"))));
        ResponseDefinitionBuilder broken = switch (how) {
            case "reset" -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case "html" -> aResponse().withStatus(200).withBody("<html><body>AccessDenied</body></html>");
            case "empty" -> aResponse().withStatus(200);
            default ->
                aResponse()
                        .withStatus(Integer.parseInt(how))
                        .withHeader("Content-Type", "application/xml")
                        .withBody("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>");
        };
        String path = FakeSynthesia.DOWNLOADS + VIDEO + ".mp4";
        fake.server.stubFor(get(urlPathEqualTo(path))
                .inScenario("download")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(broken)
                .willSetStateTo("fresh link"));
        fake.server.stubFor(get(urlPathEqualTo(path))
                .inScenario("download")
                .whenScenarioStateIs("fresh link")
                .willReturn(aResponse().withStatus(200).withBody(FakeSynthesia.MP4)));
        TestProviderCall call = TestProviderCall.forStage("avatar");

        ProviderException e = catchThrowableOfType(() -> renderer.poll(VIDEO, call), ProviderException.class);
        RenderProgress.Done done = (RenderProgress.Done) renderer.poll(VIDEO, call);

        assertThat(e.retryable()).as("retryable (%s)", e.getMessage()).isTrue();
        assertThat(e.getMessage())
                .as("the failure names the link's path, never its signature")
                .doesNotContain(FakeSynthesia.SIGNED_LINK_SECRET)
                .doesNotContain(FakeSynthesia.API_KEY);
        if (!how.equals("reset")) {
            assertThat(e.getMessage()).contains(path);
        }
        try (InputStream in = done.media().open()) {
            assertThat(in.readAllBytes()).isEqualTo(FakeSynthesia.MP4);
        }
    }

    @Test
    void aDownloadSlowerThanTheDownloadTimeoutTimesOut() {
        Map<String, String> settings = fake.settings();
        settings.put("synthesia.download-timeout", "1");
        fake.server.stubFor(FakeSynthesia.status(VIDEO).willReturn(json(200, fake.complete(VIDEO, "0:00:12.000000"))));
        fake.server.stubFor(get(urlPathEqualTo(FakeSynthesia.DOWNLOADS + VIDEO + ".mp4"))
                .willReturn(
                        aResponse().withStatus(200).withBody(FakeSynthesia.MP4).withFixedDelay(5_000)));

        ProviderException e = catchThrowableOfType(
                () -> FakeSynthesia.renderer(settings).poll(VIDEO, TestProviderCall.forStage("avatar")),
                ProviderException.class);

        assertThat(e.reason()).as("reason (%s)", e.getMessage()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aDownloadStalledMidBodyTimesOut() {
        Map<String, String> settings = fake.settings();
        settings.put("synthesia.download-timeout", "1");
        fake.server.stubFor(FakeSynthesia.status(VIDEO).willReturn(json(200, fake.complete(VIDEO, "0:00:12.000000"))));
        fake.server.stubFor(get(urlPathEqualTo(FakeSynthesia.DOWNLOADS + VIDEO + ".mp4"))
                .willReturn(
                        aResponse().withStatus(200).withBody(FakeSynthesia.MP4).withChunkedDribbleDelay(8, 8_000)));

        ProviderException e = catchThrowableOfType(
                () -> FakeSynthesia.renderer(settings).poll(VIDEO, TestProviderCall.forStage("avatar")),
                ProviderException.class);

        assertThat(e.reason()).as("reason (%s)", e.getMessage()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void wavAudioFailsForGoodBeforeAnythingIsSent() {
        fake.succeeds(VIDEO, "0:00:10.000000");
        TestProviderCall call = TestProviderCall.forStage("avatar");
        byte[] wav = new byte[64];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, wav, 0, 4);
        System.arraycopy("WAVEfmt ".getBytes(StandardCharsets.US_ASCII), 0, wav, 8, 8);
        URI audio = storeAudio(call, wav, "voice.wav");

        ProviderException e = catchThrowableOfType(
                () -> renderer.submit(request(audio, Map.of(), OutputFormat.LANDSCAPE), call), ProviderException.class);

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("voice.wav is WAV", "MP3 only", "elevenlabs.output-format");
        assertThat(fake.requests()).as("requests sent").isEmpty();
    }

    @Test
    void emptyAudioFailsForGoodBeforeAnythingIsSent() {
        TestProviderCall call = TestProviderCall.forStage("avatar");
        URI audio = storeAudio(call, new byte[0], "voice.mp3");

        ProviderException e = catchThrowableOfType(
                () -> renderer.submit(request(audio, Map.of(), OutputFormat.LANDSCAPE), call), ProviderException.class);

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("voice.mp3 is empty");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void audioTheStorageCannotReadIsRetryable() {
        AssetStorage broken = new AssetStorage() {
            @Override
            public String name() {
                return "flaky";
            }

            @Override
            public URI store(String key, Media media) {
                return URI.create("flaky:" + key);
            }

            @Override
            public InputStream open(URI uri) throws IOException {
                throw new IOException("connection to the bucket reset");
            }

            @Override
            public void delete(URI uri) {}
        };
        TestProviderCall call = TestProviderCall.forStage("avatar").withStorage(broken);

        ProviderException e = catchThrowableOfType(
                () -> renderer.submit(request(URI.create("flaky:voice.mp3"), Map.of(), OutputFormat.LANDSCAPE), call),
                ProviderException.class);

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("flaky storage", "connection to the bucket reset");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aChannelWithoutAnAvatarFailsForGoodNamingTheKeysBeforeAnythingIsSent() {
        Map<String, String> settings = fake.settings();
        settings.remove("synthesia.avatar");
        TestProviderCall call = TestProviderCall.forStage("avatar");

        ProviderException e = catchThrowableOfType(
                () -> FakeSynthesia.renderer(settings)
                        .submit(
                                request(storeAudio(call), Map.of("provider", "synthesia"), OutputFormat.LANDSCAPE),
                                call),
                ProviderException.class);

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("avatar_profile.avatar_id", "synthesia.avatar");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void cancellingARenderSaysItCannotBeStoppedWithoutARequest() {
        fake.uploads().creates(VIDEO).renders(VIDEO, 5, "0:00:10.000000");
        TestProviderCall call = TestProviderCall.forStage("avatar");
        String taskId = renderer.submit(request(storeAudio(call), Map.of(), OutputFormat.LANDSCAPE), call)
                .taskId();
        assertThat(renderer.poll(taskId, call)).isInstanceOf(RenderProgress.Pending.class);
        int before = fake.requests().size();

        Cancellation cancellation = renderer.cancel(taskId, TestProviderCall.forStage("avatar"));

        assertThat(cancellation).isEqualTo(Cancellation.NOT_SUPPORTED);
        assertThat(fake.requests()).as("requests sent to cancel").hasSize(before);
    }

    @Test
    void aCallCancelledAfterTheUploadCreatesNoVideo() {
        fake.succeeds(VIDEO, "0:00:10.000000");
        TestProviderCall test = TestProviderCall.forStage("avatar");
        AtomicBoolean cancelled = new AtomicBoolean();
        ProviderCall call = new CancelledOnCheckpoint(test, cancelled);

        ProviderException e = catchThrowableOfType(
                () -> renderer.submit(request(storeAudio(test), Map.of(), OutputFormat.LANDSCAPE), call),
                ProviderException.class);

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("cancelled");
        assertThat(fake.uploadRequests()).hasSize(1);
        assertThat(fake.createRequests())
                .as("videos created for a cancelled episode")
                .isEmpty();
    }

    @Test
    void anUnreadableCheckpointFailsForGoodRatherThanRiskASecondVideo() {
        TestProviderCall call = TestProviderCall.forStage("avatar");
        call.saveCheckpoint("{\"session\":\"not ours\"}");

        ProviderException e = catchThrowableOfType(
                () -> renderer.submit(request(storeAudio(call), Map.of(), OutputFormat.LANDSCAPE), call),
                ProviderException.class);

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("checkpoint");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aVideoWithoutADurationIsDoneWithItsCostUnknown() {
        fake.uploads().creates(VIDEO).serves(VIDEO);
        fake.server.stubFor(FakeSynthesia.status(VIDEO)
                .willReturn(json(
                        200,
                        FakeSynthesia.video(VIDEO, "complete", "\"download\":\"" + fake.downloadLink(VIDEO) + "\""))));
        TestProviderCall call = TestProviderCall.forStage("avatar");

        RenderProgress.Done done = (RenderProgress.Done)
                FakeSynthesia.render(renderer, request(storeAudio(call), Map.of(), OutputFormat.LANDSCAPE), call);

        assertThat(done.durationMs()).isNegative();
        assertThat(done.usage().costUsd()).isNull();
        assertThat(done.usage().seconds()).isNull();
    }

    @Test
    void rendersFromSeveralThreadsEachGetTheirOwnVideo() throws Exception {
        fake.succeeds(VIDEO, "0:00:10.000000");
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<RenderProgress>> renders = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                renders.add(threads.submit(() -> {
                    TestProviderCall call = TestProviderCall.forStage("avatar");
                    return FakeSynthesia.render(
                            renderer, request(storeAudio(call), Map.of(), OutputFormat.LANDSCAPE), call);
                }));
            }
            List<Path> files = new ArrayList<>();
            for (Future<RenderProgress> render : renders) {
                RenderProgress.Done done =
                        (RenderProgress.Done) render.get(FakeSynthesia.PATIENCE.toSeconds(), TimeUnit.SECONDS);
                files.add(((FileMedia) done.media()).file());
                try (InputStream in = done.media().open()) {
                    assertThat(in.readAllBytes()).isEqualTo(FakeSynthesia.MP4);
                }
            }
            assertThat(files).doesNotHaveDuplicates();
        } finally {
            threads.shutdownNow();
        }
        assertThat(fake.createRequests()).hasSize(6);
    }

    @Test
    void theLimitsAreTheSettings() {
        Map<String, String> settings = fake.settings();
        settings.put("synthesia.concurrent-requests", "4");
        settings.put("synthesia.requests-per-minute", "120");

        assertThat(FakeSynthesia.renderer(settings).limits()).isEqualTo(new ProviderLimits(4, 120, 0));
        assertThat(renderer.limits()).isEqualTo(new ProviderLimits(0, 60, 0));
    }

    /** A call whose episode is cancelled as soon as the provider saves its first checkpoint. */
    private static final class CancelledOnCheckpoint implements ProviderCall {

        private final TestProviderCall call;
        private final AtomicBoolean cancelled;

        CancelledOnCheckpoint(TestProviderCall call, AtomicBoolean cancelled) {
            this.call = call;
            this.cancelled = cancelled;
        }

        @Override
        public UUID episodeId() {
            return call.episodeId();
        }

        @Override
        public String stage() {
            return call.stage();
        }

        @Override
        public String idempotencyKey() {
            return call.idempotencyKey();
        }

        @Override
        public int attempt() {
            return call.attempt();
        }

        @Override
        public AssetStorage storage() {
            return call.storage();
        }

        @Override
        public boolean cancelRequested() {
            return cancelled.get();
        }

        @Override
        public Optional<String> checkpoint() {
            return call.checkpoint();
        }

        @Override
        public void saveCheckpoint(String checkpoint) {
            call.saveCheckpoint(checkpoint);
            cancelled.set(true);
        }

        @Override
        public void progress(double fractionDone) {
            call.progress(fractionDone);
        }
    }
}
