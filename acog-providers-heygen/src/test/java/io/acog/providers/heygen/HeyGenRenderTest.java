package io.acog.providers.heygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.Cancellation;
import io.acog.spi.FileMedia;
import io.acog.spi.Media;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.ProviderLimits;
import io.acog.spi.RenderProgress;
import io.acog.spi.RenderTask;
import io.acog.testkit.providers.TestProviderCall;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A render's life against the local HeyGen: submitted (the audio uploaded or fetched), walked
 * through its states over polls, downloaded and priced; resumed from its checkpoint without a
 * second create; submitted anew after HeyGen gave up on it; and not stoppable.
 */
class HeyGenRenderTest {

    private FakeHeyGen fake;

    @BeforeEach
    void start() {
        fake = new FakeHeyGen();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aRenderIsWalkedThroughItsStatesOverPollsThenDownloadedAndPriced() throws IOException {
        fake.acceptsUploads().createsVideo(FakeHeyGen.VIDEO_ID).completesAt(3).serves();
        HeyGenRenderer renderer = Renders.renderer(fake);
        TestProviderCall call = TestProviderCall.forStage("avatar");

        RenderTask task = renderer.submit(Renders.request(call), call);
        RenderProgress first = renderer.poll(task.taskId(), call);
        RenderProgress second = renderer.poll(task.taskId(), call);
        assertThat(fake.downloadRequests())
                .as("downloads before the video is completed")
                .isEmpty();
        RenderProgress third = renderer.poll(task.taskId(), call);

        assertThat(task.taskId()).isEqualTo(FakeHeyGen.VIDEO_ID);
        assertThat(task.checkAfter()).isEqualTo(Duration.ofMillis(50));
        assertThat(first)
                .isInstanceOfSatisfying(
                        RenderProgress.Pending.class,
                        pending -> assertThat(pending.checkAfter()).isGreaterThanOrEqualTo(Duration.ofMillis(50)));
        assertThat(second).isInstanceOf(RenderProgress.Pending.class);
        RenderProgress.Done done = (RenderProgress.Done) third;
        try (FileMedia media = (FileMedia) done.media();
                InputStream in = media.open()) {
            assertThat(in.readAllBytes()).isEqualTo(FakeHeyGen.MP4);
            assertThat(media.fileName()).isEqualTo("avatar.mp4");
            assertThat(media.mimeType()).isEqualTo("video/mp4");
        }
        assertThat(done.durationMs()).isEqualTo(30_500);
        assertThat(done.usage().seconds()).isEqualByComparingTo("30.5");
        assertThat(done.usage().costUsd()).isEqualByComparingTo("2.0333"); // 30.5 s at $4.00 a minute
        assertThat(done.metadata())
                .containsEntry("heygen_video_id", FakeHeyGen.VIDEO_ID)
                .containsEntry("heygen_video_page", "https://app.heygen.com/video/" + FakeHeyGen.VIDEO_ID);
        assertThat(fake.downloadRequests()).hasSize(1);
    }

    @Test
    void theAudioIsUploadedAndTheCreateNamesItsAssetTheAvatarAndTheFrame() {
        fake.succeeding();
        TestProviderCall call = TestProviderCall.forStage("avatar");

        Renders.render(Renders.renderer(fake), Renders.request(call), call);

        LoggedRequest upload = fake.uploadRequests().get(0);
        assertThat(upload.getHeader("X-Api-Key")).isEqualTo(FakeHeyGen.API_KEY);
        assertThat(upload.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        String multipart = new String(upload.getBody(), StandardCharsets.UTF_8);
        assertThat(multipart)
                .contains("name=\"file\"; filename=\"voice.mp3\"", "Content-Type: audio/mpeg")
                .contains(new String(Renders.AUDIO, StandardCharsets.UTF_8));
        LoggedRequest create = fake.createRequests().get(0);
        assertThat(create.getHeader("X-Api-Key")).isEqualTo(FakeHeyGen.API_KEY);
        assertThat(create.getHeader("Idempotency-Key")).isEqualTo(call.idempotencyKey());
        JsonNode body = fake.createBodies().get(0);
        assertThat(body.path("type").asText()).isEqualTo("avatar");
        assertThat(body.path("avatar_id").asText()).isEqualTo(FakeHeyGen.AVATAR_ID);
        assertThat(body.path("audio_asset_id").asText()).isEqualTo(FakeHeyGen.ASSET_ID);
        assertThat(body.has("audio_url")).isFalse();
        assertThat(body.has("script")).isFalse();
        assertThat(body.path("aspect_ratio").asText()).isEqualTo("16:9");
        assertThat(body.path("resolution").asText()).isEqualTo("1080p");
        assertThat(body.path("callback_id").asText()).isEqualTo(call.idempotencyKey());
        assertThat(body.has("callback_url")).isFalse();
        assertThat(body.path("title").asText())
                .contains("Money Talks", call.episodeId().toString());
        LoggedRequest download = fake.downloadRequests().get(0);
        assertThat(download.getHeader("X-Api-Key"))
                .as("the API key sent to the storage link")
                .isNull();
    }

    @Test
    void aFetchableAudioUrlIsPassedAsIsWithTheCallbackAndNothingIsUploaded() {
        fake.succeeding();
        URI audioUrl = URI.create("https://bucket.s3.amazonaws.com/voice.mp3?X-Amz-Signature=abc");
        URI callback = URI.create("https://host.example/webhooks/heygen");
        TestProviderCall call = TestProviderCall.forStage("avatar");

        RenderProgress done = Renders.render(Renders.renderer(fake), Renders.fetchedRequest(audioUrl, callback), call);

        assertThat(done).isInstanceOf(RenderProgress.Done.class);
        assertThat(fake.uploadRequests()).isEmpty();
        JsonNode body = fake.createBodies().get(0);
        assertThat(body.path("audio_url").asText()).isEqualTo(audioUrl.toString());
        assertThat(body.has("audio_asset_id")).isFalse();
        assertThat(body.path("callback_url").asText()).isEqualTo(callback.toString());
        assertThat(body.path("aspect_ratio").asText()).isEqualTo("9:16");
    }

    @Test
    void aResubmitWithTheCheckpointedVideoReturnsItWithoutASecondCreate() {
        fake.succeeding();
        HeyGenRenderer renderer = Renders.renderer(fake);
        TestProviderCall call = TestProviderCall.forStage("avatar");
        RenderTask first = renderer.submit(Renders.request(call), call);

        // a crash after HeyGen answered: the next attempt of the same job submits again
        TestProviderCall retry = call.nextAttempt();
        RenderTask second = Renders.renderer(fake).submit(Renders.request(retry), retry);

        assertThat(second.taskId()).isEqualTo(first.taskId());
        assertThat(fake.createRequests()).as("renders created").hasSize(1);
        assertThat(fake.uploadRequests()).as("uploads").hasSize(1);
        assertThat(call.checkpoints()).last().asString().contains("\"video_id\":\"" + FakeHeyGen.VIDEO_ID + "\"");
    }

    @Test
    void theVideoIdIsCheckpointedBeforeAnythingElseHappens() {
        fake.acceptsUploads().createsVideo(FakeHeyGen.VIDEO_ID);
        TestProviderCall call = TestProviderCall.forStage("avatar");

        Renders.renderer(fake).submit(Renders.request(call), call);

        // the upload's asset, then the render: each saved as soon as HeyGen gave it
        assertThat(call.checkpoints()).hasSize(2);
        assertThat(RenderCheckpoint.read(
                        java.util.Optional.of(call.checkpoints().get(0))))
                .isEqualTo(new RenderCheckpoint(FakeHeyGen.ASSET_ID, null, 0));
        assertThat(RenderCheckpoint.read(
                        java.util.Optional.of(call.checkpoints().get(1))))
                .isEqualTo(new RenderCheckpoint(FakeHeyGen.ASSET_ID, FakeHeyGen.VIDEO_ID, 0));
    }

    @Test
    void anUploadedAudioIsNotUploadedAgainWhenTheCreateIsRetried() {
        fake.acceptsUploads().createFails(FakeHeyGen.error(500, "internal_error", "Try again."));
        HeyGenRenderer renderer = Renders.renderer(fake);
        TestProviderCall call = TestProviderCall.forStage("avatar");
        ProviderException e =
                catchThrowableOfType(ProviderException.class, () -> renderer.submit(Renders.request(call), call));
        assertThat(e.retryable()).isTrue();

        fake.createsVideo(FakeHeyGen.VIDEO_ID);
        TestProviderCall retry = call.nextAttempt();
        RenderTask task = renderer.submit(Renders.request(retry), retry);

        assertThat(task.taskId()).isEqualTo(FakeHeyGen.VIDEO_ID);
        assertThat(fake.uploadRequests()).hasSize(1);
        assertThat(fake.createRequests()).hasSize(2);
        assertThat(fake.createRequests())
                .extracting(request -> request.getHeader("Idempotency-Key"))
                .containsOnly(call.idempotencyKey());
        assertThat(fake.createBodies().get(1).path("audio_asset_id").asText()).isEqualTo(FakeHeyGen.ASSET_ID);
    }

    @Test
    void aRenderHeyGenGaveUpOnIsCreatedAnewUnderANewKeyOnTheNextAttempt() {
        fake.acceptsUploads().createsVideo(FakeHeyGen.VIDEO_ID).fails("rendering_failed", "Avatar rendering timed out");
        HeyGenRenderer renderer = Renders.renderer(fake);
        TestProviderCall call = TestProviderCall.forStage("avatar");

        RenderProgress progress = Renders.render(renderer, Renders.request(call), call);
        assertThat(progress).isEqualTo(RenderProgress.failed("rendering_failed", "Avatar rendering timed out", true));

        TestProviderCall retry = call.nextAttempt();
        renderer.submit(Renders.request(retry), retry);

        // the first key would replay the failed render's answer for 24 hours
        assertThat(fake.createRequests())
                .extracting(request -> request.getHeader("Idempotency-Key"))
                .containsExactly(call.idempotencyKey(), call.idempotencyKey() + ":retry-1");
        assertThat(fake.uploadRequests()).hasSize(1);
    }

    @Test
    void aRenderRefusedForItsContentFailsForGoodWithHeyGensCode() {
        fake.acceptsUploads().createsVideo(FakeHeyGen.VIDEO_ID).fails("content_moderation_rejected", "Blocked words");
        TestProviderCall call = TestProviderCall.forStage("avatar");

        RenderProgress progress = Renders.render(Renders.renderer(fake), Renders.request(call), call);

        assertThat(progress).isEqualTo(RenderProgress.failed("content_moderation_rejected", "Blocked words", false));
    }

    @Test
    void aFailureWithoutACodeIsRetryableAndSaysHeyGenGaveNoReason() {
        fake.answersStatus(
                FakeHeyGen.json(200, "{\"data\":{\"id\":\"" + FakeHeyGen.VIDEO_ID + "\",\"status\":\"failed\"}}"));

        RenderProgress progress = Renders.renderer(fake).poll(FakeHeyGen.VIDEO_ID, TestProviderCall.forStage("avatar"));

        assertThat(progress).isEqualTo(RenderProgress.failed(null, "HeyGen gave no reason", true));
    }

    @Test
    void theV1StatusShapeIsReadToo() {
        fake.answersStatus(FakeHeyGen.json(
                200,
                "{\"code\":100,\"data\":{\"callback_id\":null,\"caption_url\":null,\"duration\":null,\"error\":{"
                        + "\"code\":40119,\"detail\":\"Video is too long (> 3600.0s).\",\"message\":\"Video is too"
                        + " long\"},\"gif_url\":null,\"id\":\"" + FakeHeyGen.VIDEO_ID + "\",\"status\":\"failed\","
                        + "\"thumbnail_url\":null,\"video_url\":null},\"message\":\"Success\"}"));

        RenderProgress progress = Renders.renderer(fake).poll(FakeHeyGen.VIDEO_ID, TestProviderCall.forStage("avatar"));

        assertThat(progress).isEqualTo(RenderProgress.failed("40119", "Video is too long", false));
    }

    @Test
    void aQueuedRenderInTheV1ShapeIsPending() {
        fake.answersStatus(FakeHeyGen.json(
                200,
                "{\"code\":100,\"data\":{\"id\":\"" + FakeHeyGen.VIDEO_ID + "\",\"status\":\"waiting\"},"
                        + "\"message\":\"Success\"}"));

        RenderProgress progress = Renders.renderer(fake).poll(FakeHeyGen.VIDEO_ID, TestProviderCall.forStage("avatar"));

        assertThat(progress).isEqualTo(RenderProgress.pending(Duration.ofMillis(50), 0));
    }

    @Test
    void anUnknownStatusIsARetryableMalformedAnswer() {
        fake.answersStatus(
                FakeHeyGen.json(200, "{\"data\":{\"id\":\"" + FakeHeyGen.VIDEO_ID + "\",\"status\":\"exploded\"}}"));

        ProviderException e = pollFails();

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("'exploded'");
    }

    @Test
    void aCompletedVideoWithoutALinkIsRetryable() {
        fake.answersStatus(FakeHeyGen.json(
                200, "{\"data\":{\"id\":\"" + FakeHeyGen.VIDEO_ID + "\",\"status\":\"completed\",\"duration\":3}}"));

        ProviderException e = pollFails();

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("no video_url");
    }

    @Test
    void cancellingDuringARenderSendsNothingAndSaysHeyGenCannotStopIt() {
        fake.acceptsUploads().createsVideo(FakeHeyGen.VIDEO_ID).completesAt(3).serves();
        HeyGenRenderer renderer = Renders.renderer(fake);
        TestProviderCall call = TestProviderCall.forStage("avatar");
        RenderTask task = renderer.submit(Renders.request(call), call);
        assertThat(renderer.poll(task.taskId(), call)).isInstanceOf(RenderProgress.Pending.class);
        int before = fake.requests().size();

        Cancellation cancellation = renderer.cancel(task.taskId(), TestProviderCall.forStage("avatar"));

        assertThat(cancellation).isEqualTo(Cancellation.NOT_SUPPORTED);
        assertThat(fake.requests()).hasSize(before);
    }

    @Test
    void aProfileWithoutAnAvatarFailsForGoodBeforeAnyRequest() {
        fake.succeeding();
        TestProviderCall call = TestProviderCall.forStage("avatar");

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> Renders.renderer(fake)
                        .submit(Renders.request(call, Map.of("provider", "heygen"), OutputFormat.LANDSCAPE), call));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("avatar_profile.avatar_id");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void audioLargerThanTheUploadTakesFailsForGoodSayingToUseShareableStorage() throws IOException {
        fake.succeeding();
        TestProviderCall call = TestProviderCall.forStage("avatar");
        URI big = call.storage()
                .store(
                        "episodes/big/voice.mp3",
                        Media.ofBytes("voice.mp3", "audio/mpeg", new byte[32 * 1024 * 1024 + 1]));
        AvatarRenderer.AvatarRequest request = new AvatarRenderer.AvatarRequest(
                Renders.channel(Renders.PROFILE), Renders.windows(), big, null, OutputFormat.LANDSCAPE, null);

        ProviderException e = catchThrowableOfType(
                ProviderException.class, () -> Renders.renderer(fake).submit(request, call));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("32 MB", "shareable URLs");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void audioThatCannotBeReadFromStorageIsRetryable() throws IOException {
        fake.succeeding();
        TestProviderCall call = TestProviderCall.forStage("avatar");
        URI gone = Renders.storedAudio(call);
        call.storage().delete(gone);
        AvatarRenderer.AvatarRequest request = new AvatarRenderer.AvatarRequest(
                Renders.channel(Renders.PROFILE), Renders.windows(), gone, null, OutputFormat.LANDSCAPE, null);

        ProviderException e = catchThrowableOfType(
                ProviderException.class, () -> Renders.renderer(fake).submit(request, call));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("cannot be read from the");
        assertThat(fake.createRequests()).isEmpty();
    }

    @Test
    void rendersFromSeveralThreadsEachCarryTheirOwnKeyAndAllFinish() throws Exception {
        fake.succeeding();
        HeyGenRenderer renderer = Renders.renderer(fake);
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Set<String> keys = new HashSet<>();
        try {
            List<Future<RenderProgress>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                TestProviderCall call = TestProviderCall.forStage("avatar");
                keys.add(call.idempotencyKey());
                Callable<RenderProgress> render = () -> Renders.render(renderer, Renders.request(call), call);
                results.add(pool.submit(render));
            }
            for (Future<RenderProgress> result : results) {
                assertThat(result.get(2, TimeUnit.MINUTES)).isInstanceOf(RenderProgress.Done.class);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fake.createRequests())
                .extracting(request -> request.getHeader("Idempotency-Key"))
                .containsExactlyInAnyOrderElementsOf(keys);
        assertThat(fake.downloadRequests()).hasSize(threads);
    }

    @Test
    void thePresignedLinkIsInNoLogLineWhetherTheDownloadWorksOrNot() {
        fake.succeeding();
        PrintStream err = System.err;
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(lines, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            TestProviderCall call = TestProviderCall.forStage("avatar");
            Renders.render(Renders.renderer(fake), Renders.request(call), call);
            fake.servesDownload(FakeHeyGen.error(403, "AccessDenied", "expired"));
            assertThat(catchThrowableOfType(
                            ProviderException.class,
                            () -> Renders.renderer(fake)
                                    .poll(FakeHeyGen.VIDEO_ID, TestProviderCall.forStage("avatar"))))
                    .isNotNull();
        } finally {
            System.setErr(err);
        }
        String logged = lines.toString(StandardCharsets.UTF_8);

        assertThat(logged).contains("HeyGen video " + FakeHeyGen.VIDEO_ID + " is done");
        assertThat(logged).doesNotContain(FakeHeyGen.LINK_SIGNATURE).doesNotContain(FakeHeyGen.API_KEY);
    }

    @Test
    void pollsOfALongRenderComeLessOftenUpToAMinute() {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        Duration interval = Duration.ofSeconds(15);
        long created = now.getEpochSecond();

        assertThat(HeyGenRenderer.nextPoll(interval, null, now)).isEqualTo(interval);
        assertThat(HeyGenRenderer.nextPoll(interval, created - 60, now)).isEqualTo(interval);
        assertThat(HeyGenRenderer.nextPoll(interval, created - 300, now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(HeyGenRenderer.nextPoll(interval, created - 3_600, now)).isEqualTo(Duration.ofSeconds(60));
        assertThat(HeyGenRenderer.nextPoll(interval, created + 30, now)).isEqualTo(interval);
        assertThat(HeyGenRenderer.nextPoll(Duration.ofSeconds(90), created - 3_600, now))
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void itCoversTheNarrationAndDeclaresTheAccountsConcurrentRenders() {
        HeyGenRenderer renderer = Renders.renderer(fake, Map.of("heygen.concurrent-requests", "3"));

        assertThat(renderer.coverage()).isEqualTo(AvatarRenderer.Coverage.NARRATION);
        assertThat(renderer.limits()).isEqualTo(new ProviderLimits(3, 0, 0));
        assertThat(renderer.name()).isEqualTo("heygen");
        assertThat(renderer.serves("HeyGen")).isTrue();
    }

    private ProviderException pollFails() {
        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> Renders.renderer(fake).poll(FakeHeyGen.VIDEO_ID, TestProviderCall.forStage("avatar")));
        assertThat(e).as("the poll fails with a ProviderException").isNotNull();
        return e;
    }
}
